/**
 * Fits the score shown for the diagnosis's first role (src/analysis/blended-score.ts) on dev
 * problems each answered with the learned scorer trained without the problem's batch
 * (left-out-answers.ts), so the score is the chance that the blended first role is right as on
 * writers the model never saw; never reads a test half. Prints the weights to paste, then, for the
 * score shown before (the rules' chance that their own best role is right) and after: how often
 * the first role is right in each band of the score, the Brier score and log loss, and right first
 * and no-fit refused with refusals decided by either score.
 *
 *   npx tsx bench/diagnosis/calibrate-blend.ts
 */
import { calibratedScores } from '../../src/analysis/index.js';
import {
  blendedFirstScore,
  logOdds,
  type BlendedCalibration,
} from '../../src/analysis/blended-score.js';
import { blendedOrder } from '../../src/analysis/learned-scorer.js';
import { TRAINING } from './learned-model.js';
import { leftOutAnswers } from './left-out-answers.js';
import { logistic } from './logistic.js';

const FITS = 0.5;
const { answers } = await leftOutAnswers(TRAINING);

const rows = answers.map(({ problem, signals }) => {
  const [rules = 0] = calibratedScores(
    signals.ranked.map((r) => r.raw),
    signals,
  );
  const first = blendedOrder(signals.ranked)[0];
  const right =
    problem.role !== null &&
    first !== undefined &&
    [problem.role, ...(problem.alsoAccept ?? [])].includes(first.role.code);
  return { problem, rules, first, top: signals.ranked[0]?.raw ?? 0, right };
});

const fitOn = (group: typeof rows): BlendedCalibration => {
  const [bias, rules, learned] = logistic(
    group
      .filter((r) => r.first !== undefined && r.top > 0)
      .map((r) => ({
        x: [1, logOdds(r.rules), logOdds(r.first!.learned)],
        y: r.right ? 1 : 0,
      })),
  );
  return { bias: bias!, rules: rules!, learned: learned! };
};
const fitted = fitOn(rows);
// Each batch's scores from weights fitted without it, so the figures below are not in-sample.
const crossFitted = new Map(
  [...new Set(rows.map((r) => r.problem.batch))].map((b) => [
    b,
    fitOn(rows.filter((r) => r.problem.batch !== b)),
  ]),
);
console.log(`BLENDED_CALIBRATION = ${JSON.stringify(fitted)}`);

const percent = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
const round = (n: number) => Math.round(n * 1000) / 1000;
const shown = {
  before: rows.map((r) => round(r.rules)),
  after: rows.map((r) =>
    round(
      r.first && r.top > 0
        ? blendedFirstScore(r.rules, r.first.learned, crossFitted.get(r.problem.batch))
        : 0,
    ),
  ),
};
const BANDS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];
console.log(
  '| shown score | before: problems | before: mean score | before: first right | after: problems | after: mean score | after: first right |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (let b = 0; b + 1 < BANDS.length; b++) {
  const cells = [shown.before, shown.after].map((scores) => {
    const inBand = rows.flatMap((r, i) =>
      scores[i]! >= BANDS[b]! && scores[i]! < BANDS[b + 1]! ? [{ r, score: scores[i]! }] : [],
    );
    const right = inBand.filter(({ r }) => r.right).length;
    const mean = inBand.reduce((sum, { score }) => sum + score, 0) / Math.max(1, inBand.length);
    return inBand.length > 0
      ? `${inBand.length} | ${mean.toFixed(3)} | ${right} ${percent(right, inBand.length)}`
      : '0 | — | —';
  });
  console.log(`| ${BANDS[b]}–${Math.min(1, BANDS[b + 1]!)} | ${cells.join(' | ')} |`);
}
for (const [name, scores] of Object.entries(shown)) {
  const brier =
    rows.reduce((s, r, i) => s + (scores[i]! - (r.right ? 1 : 0)) ** 2, 0) / rows.length;
  const loss =
    rows.reduce((s, r, i) => {
      const p = Math.min(1 - 1e-6, Math.max(1e-6, scores[i]!));
      return s - Math.log(r.right ? p : 1 - p);
    }, 0) / rows.length;
  console.log(
    `${name}: Brier ${brier.toFixed(4)}, log loss ${loss.toFixed(4)} over ${rows.length} problems`,
  );
}
const fitting = rows.filter((r) => r.problem.role !== null);
const noFit = rows.filter((r) => r.problem.role === null);
const refusals = {
  ...shown,
  'before and after': rows.map((_, i) => Math.min(shown.before[i]!, shown.after[i]!)),
};
for (const [name, scores] of Object.entries(refusals)) {
  const offered = (r: (typeof rows)[number]) => scores[rows.indexOf(r)]! >= FITS;
  const first = fitting.filter((r) => offered(r) && r.right).length;
  const wrongly = fitting.filter((r) => !offered(r)).length;
  const refused = noFit.filter((r) => !offered(r)).length;
  console.log(
    `refused by the ${name} score: right first ${first}/${fitting.length} ${percent(first, fitting.length)}, ` +
      `wrongly refused ${wrongly}, no-fit refused ${refused}/${noFit.length} ${percent(refused, noFit.length)}`,
  );
}
