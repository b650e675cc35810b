/**
 * Quick check of our engine alone on a development split, used while tuning the weights so the
 * split that run.ts reports (seed 42) is never looked at during tuning. O*NET alternate titles
 * by default; `--taxonomy esco` holds out ESCO alternative labels the same way. `--library`
 * also indexes the built-in library (its crosswalks then count as evidence) and ranks only the
 * taxonomy's occupations, as a user who imported it would ask.
 *
 * Besides accuracy it reports how often the top two answers tie on the score shown.
 *
 *   npx tsx bench/normalize/dev.ts [--taxonomy onet|esco] [--seed 7] [--misses 20] [--library]
 *     [--onet DIR] [--esco DIR]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readContentLibrary } from '../../src/importers/content/index.js';
import { TitleIndex, titleSourceOf, type TitleSource } from '../../src/matching/index.js';
import { escoFilesPresent, readEsco, splitEsco } from './esco-titles.js';
import { makeNoisy } from './noise.js';
import { onetFilesPresent, readOnet, splitOnet, type Split } from './onet-titles.js';

const { values } = parseArgs({
  options: {
    taxonomy: { type: 'string', default: 'onet' },
    onet: { type: 'string', default: '/work/shared/data/onet' },
    esco: { type: 'string', default: '/work/shared/data/esco' },
    seed: { type: 'string', default: '7' },
    misses: { type: 'string', default: '0' },
    library: { type: 'boolean', default: false },
  },
});

const esco = values.taxonomy === 'esco';
const dir = esco ? values.esco : values.onet;
if (!(esco ? escoFilesPresent(dir) : onetFilesPresent(dir))) {
  process.stderr.write(`Skipped: no ${values.taxonomy} files in ${dir}.\n`);
  process.exit(0);
}
const seed = Number(values.seed);
const split: Split = esco ? splitEsco(readEsco(dir), seed) : splitOnet(readOnet(dir), seed);
const curated: TitleSource[] = [];
if (values.library) {
  const library = await readContentLibrary(join(import.meta.dirname, '..', '..', 'content'));
  for (const role of library.roles) {
    curated.push(titleSourceOf({ taxonomy: 'rolebook', code: role.code, ...role.content }));
  }
}
const started = performance.now();
const index = TitleIndex.build([...split.sources, ...curated]);
const buildMs = performance.now() - started;
const options = {
  top: 5,
  minScore: 0,
  ...(values.library ? { taxonomy: esco ? 'esco' : 'onet' } : {}),
};
const clean = split.queries.map((q) => q.title);
const modes: Array<[string, string[]]> = [
  ['clean', clean],
  ['noisy', makeNoisy(clean, seed + 1)],
];
for (const [mode, titles] of modes) {
  let at1 = 0;
  let at5 = 0;
  let reciprocal = 0;
  let ties = 0;
  const misses: string[] = [];
  const begin = performance.now();
  titles.forEach((title, i) => {
    const expected = split.queries[i]?.codes ?? new Set<string>();
    const matches = index.match(title, options).matches;
    const top = matches[0];
    if (top !== undefined && top.score === matches[1]?.score) ties++;
    if (top !== undefined && expected.has(top.code)) at1++;
    else if (misses.length < Number(values.misses)) {
      misses.push(
        `  ${title} → ${top?.name ?? '(none)'} via ${top?.matchedTitle ?? '-'} ` +
          `(${top?.score ?? 0}); want ${[...expected].join(', ')}`,
      );
    }
    const rank = matches.findIndex((m) => expected.has(m.code));
    if (rank >= 0) {
      at5++;
      reciprocal += 1 / (rank + 1);
    }
  });
  const perSecond = titles.length / ((performance.now() - begin) / 1000);
  const pct = (n: number): string => ((100 * n) / titles.length).toFixed(1);
  process.stdout.write(
    `${mode}: @1 ${pct(at1)}% @5 ${pct(at5)}% MRR@5 ${(reciprocal / titles.length).toFixed(3)} ` +
      `top tied ${pct(ties)}% ${Math.round(perSecond)}/s\n`,
  );
  for (const miss of misses) process.stdout.write(`${miss}\n`);
}
process.stdout.write(
  `build ${buildMs.toFixed(0)} ms: ${index.size} roles, ${index.titleCount} titles, ` +
    `${split.queries.length} queries\n`,
);
