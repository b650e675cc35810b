/**
 * Quick check of our engine alone on a development split, used while tuning the weights so the
 * split that run.ts reports (seed 42) is never looked at during tuning.
 *
 *   npx tsx bench/normalize/dev.ts [--seed 7] [--misses 20] [--onet DIR]
 */
import { parseArgs } from 'node:util';
import { TitleIndex } from '../../src/matching/index.js';
import { makeNoisy } from './noise.js';
import { onetFilesPresent, readOnet, splitOnet } from './onet-titles.js';

const { values } = parseArgs({
  options: {
    onet: { type: 'string', default: '/work/shared/data/onet' },
    seed: { type: 'string', default: '7' },
    misses: { type: 'string', default: '0' },
  },
});

if (!onetFilesPresent(values.onet)) {
  process.stderr.write(`Skipped: no O*NET files in ${values.onet}.\n`);
  process.exit(0);
}
const seed = Number(values.seed);
const split = splitOnet(readOnet(values.onet), seed);
const started = performance.now();
const index = TitleIndex.build(split.sources);
const buildMs = performance.now() - started;
const clean = split.queries.map((q) => q.title);
const modes: Array<[string, string[]]> = [
  ['clean', clean],
  ['noisy', makeNoisy(clean, seed + 1)],
];
for (const [mode, titles] of modes) {
  let at1 = 0;
  let at5 = 0;
  const misses: string[] = [];
  const begin = performance.now();
  titles.forEach((title, i) => {
    const expected = split.queries[i]?.codes ?? new Set<string>();
    const matches = index.match(title, { top: 5, minScore: 0 }).matches;
    const top = matches[0];
    if (top !== undefined && expected.has(top.code)) at1++;
    else if (misses.length < Number(values.misses)) {
      misses.push(
        `  ${title} → ${top?.matchedTitle ?? '(none)'}; want ${[...expected].join(', ')}`,
      );
    }
    if (matches.some((m) => expected.has(m.code))) at5++;
  });
  const perSecond = titles.length / ((performance.now() - begin) / 1000);
  const pct = (n: number): string => ((100 * n) / titles.length).toFixed(1);
  process.stdout.write(`${mode}: @1 ${pct(at1)}% @5 ${pct(at5)}% ${Math.round(perSecond)}/s\n`);
  for (const miss of misses) process.stdout.write(`${miss}\n`);
}
process.stdout.write(
  `build ${buildMs.toFixed(0)} ms: ${index.size} roles, ${index.titleCount} titles, ` +
    `${split.queries.length} queries\n`,
);
