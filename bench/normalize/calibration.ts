/**
 * How honest the calibrated score of our top match is on the development splits (O*NET and
 * ESCO held-out titles, seed 7, clean and noisy, and the dev half of our posting titles), or
 * with `--split test` on the reported ones (seed 42, the test half of the posting titles):
 * the share right in each score band, and how many titles the default threshold answers and
 * how many of those answers are right. With `--fit` (dev only) it also fits, by maximum
 * likelihood, the logistic correction a + b·logit(score) that would make the scores match
 * what was right, and the slope alone (a = 0) that does so without changing which titles the
 * default threshold answers; calibration.ts folds such a correction into its constants. The
 * fit takes every top match, those held at the unexplained ceiling too, so fold in a fit made
 * on the explained matches alone.
 *
 *   npx tsx bench/normalize/calibration.ts [--split dev|test] [--seed N] [--fit]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readContentLibrary } from '../../src/importers/content/index.js';
import { DEFAULT_MIN_SCORE, TitleIndex, titleSourceOf } from '../../src/matching/index.js';
import { escoFilesPresent, readEsco, splitEsco } from './esco-titles.js';
import { makeNoisy } from './noise.js';
import { onetFilesPresent, readOnet, splitOnet, type Split } from './onet-titles.js';

const { values } = parseArgs({
  options: {
    onet: { type: 'string', default: '/work/shared/data/onet' },
    esco: { type: 'string', default: '/work/shared/data/esco' },
    split: { type: 'string', default: 'dev' },
    seed: { type: 'string' },
    fit: { type: 'boolean', default: false },
  },
});

interface Outcome {
  /** The top match's score; undefined when nothing was ranked. */
  score: number | undefined;
  right: boolean;
  /** False for a title that should be refused: any answer is wrong. */
  answerable: boolean;
}

const out = (line: string): void => void process.stdout.write(`${line}\n`);
if (values.split !== 'dev' && values.split !== 'test') throw new Error('--split is dev or test');
// Fit on dev only: the test splits are the ones bench/RESULTS.md reports.
if (values.fit && values.split !== 'dev') throw new Error('--fit runs on --split dev only');
const seed = Number(values.seed ?? (values.split === 'dev' ? 7 : 42));
const sets: Array<[string, Outcome[]]> = [];

const heldOut = (label: string, split: Split): void => {
  const index = TitleIndex.build(split.sources);
  const clean = split.queries.map((q) => q.title);
  for (const [mode, titles] of [
    ['clean', clean],
    ['noisy', makeNoisy(clean, seed + 1)],
  ] as const) {
    sets.push([
      `${label} ${mode}`,
      titles.map((title, i) => {
        const top = index.match(title, { top: 2, minScore: 0 }).matches[0];
        const codes = split.queries[i]?.codes ?? new Set<string>();
        return {
          score: top?.score,
          right: top !== undefined && codes.has(top.code),
          answerable: true,
        };
      }),
    ]);
  }
};

if (onetFilesPresent(values.onet)) heldOut('O*NET', splitOnet(readOnet(values.onet), seed));
if (escoFilesPresent(values.esco)) heldOut('ESCO', splitEsco(readEsco(values.esco), seed));

const library = await readContentLibrary(join(import.meta.dirname, '..', '..', 'content'));
const own = TitleIndex.build(
  library.roles.map((r) => titleSourceOf({ taxonomy: 'rolebook', code: r.code, ...r.content })),
);
const postings = readFileSync(join(import.meta.dirname, 'postings', 'titles.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line.length > 0 && !line.startsWith('#'))
  .map((line) => line.split('\t') as [string, string, string])
  .filter(([split]) => split === values.split);
sets.push([
  `postings ${values.split}`,
  postings.map(([, expected, title]) => {
    const top = own.match(title, { top: 2, minScore: 0 }).matches[0];
    return { score: top?.score, right: top?.code === expected, answerable: expected !== '-' };
  }),
]);

const pct = (n: number, of: number): string => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
out(`threshold ${DEFAULT_MIN_SCORE}, seed ${seed}, ${values.split} split`);
out('| Titles | <0.2 | 0.2–0.4 | 0.4–0.6 | 0.6–0.8 | ≥0.8 | answered | right when answered |');
out('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [label, outcomes] of sets) {
  const bands = Array.from({ length: 5 }, () => ({ n: 0, right: 0 }));
  let answered = 0;
  let answeredRight = 0;
  for (const { score, right } of outcomes) {
    if (score === undefined) continue;
    const band = bands[Math.min(4, Math.floor(score * 5))] as { n: number; right: number };
    band.n++;
    if (right) band.right++;
    if (score >= DEFAULT_MIN_SCORE) {
      answered++;
      if (right) answeredRight++;
    }
  }
  const cells = bands.map((b) => (b.n === 0 ? '–' : `${pct(b.right, b.n)} of ${b.n}`));
  out(
    `| ${label} | ${cells.join(' | ')} | ${pct(answered, outcomes.length)} | ` +
      `${pct(answeredRight, answered)} |`,
  );
}

if (values.fit) {
  // Fitted on the held-out splits only: the posting titles are few and checked above.
  const points = sets
    .filter(([label]) => !label.startsWith('postings'))
    .flatMap(([, outcomes]) => outcomes)
    .filter((o): o is Outcome & { score: number } => o.score !== undefined && o.score > 0)
    .map((o) => {
      const p = Math.min(0.999, Math.max(0.001, o.score));
      return { x: Math.log(p / (1 - p)), y: o.right ? 1 : 0 };
    });
  let a = 0;
  let b = 1;
  // Newton's method on the log-likelihood of y ~ sigmoid(a + b·x).
  for (let step = 0; step < 50; step++) {
    let ga = 0;
    let gb = 0;
    let haa = 0;
    let hab = 0;
    let hbb = 0;
    for (const { x, y } of points) {
      const p = 1 / (1 + Math.exp(-(a + b * x)));
      const w = p * (1 - p);
      ga += y - p;
      gb += (y - p) * x;
      haa += w;
      hab += w * x;
      hbb += w * x * x;
    }
    const det = haa * hbb - hab * hab;
    a += (hbb * ga - hab * gb) / det;
    b += (haa * gb - hab * ga) / det;
  }
  out(`fit on ${points.length} top matches: logit' = ${a.toFixed(3)} + ${b.toFixed(3)} · logit`);
  // The same with a = 0: the slope alone, which keeps what the default threshold answers.
  let slope = 1;
  for (let step = 0; step < 50; step++) {
    let g = 0;
    let h = 0;
    for (const { x, y } of points) {
      const p = 1 / (1 + Math.exp(-slope * x));
      g += (y - p) * x;
      h += p * (1 - p) * x * x;
    }
    slope += g / h;
  }
  out(`keeping the threshold where it is: logit' = ${slope.toFixed(3)} · logit`);
}
