/**
 * Leave one batch out: for each batch, the learned scorer trained on the dev halves of all the
 * other batches and on the guides' own sentences, blended with the rules on that batch's dev
 * half. Prints each batch's right first and no-fit refused with the rules alone and with the
 * blend, as a batch of writers the model never saw would get them. Reads only the dev half.
 *
 *   npx tsx bench/diagnosis/learned-lobo.ts [--weights 2,4,6] [--smallest 0.1]
 */
import { calibratedScores } from '../../src/analysis/index.js';
import { blendedOrder, LEARNED_WEIGHT } from '../../src/analysis/learned-scorer.js';
import { addTally, countAnswer, emptyTally, tallyCells, type Tally } from './batch-tally.js';
import { TRAINING } from './learned-model.js';
import { leftOutAnswers } from './left-out-answers.js';

const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const blends = (option('--weights') ?? String(LEARNED_WEIGHT)).split(',').map(Number);
const training = { ...TRAINING, smallest: Number(option('--smallest') ?? TRAINING.smallest) };

const { answers, batches, inputsKept: kept } = await leftOutAnswers(training);
const rules = new Map<number, Tally>(batches.map((b) => [b, emptyTally()]));
const blended = blends.map(() => new Map<number, Tally>(batches.map((b) => [b, emptyTally()])));
for (const { problem, signals } of answers) {
  const [fit = 0] = calibratedScores(
    signals.ranked.map((r) => r.raw),
    signals,
  );
  const fits = Math.round(fit * 1000) / 1000 >= 0.5;
  countAnswer(rules.get(problem.batch)!, problem, fits ? signals.ranked[0]?.role.code : undefined);
  blends.forEach((weight, i) => {
    const got = fits ? blendedOrder(signals.ranked, weight)[0]?.role.code : undefined;
    countAnswer(blended[i]!.get(problem.batch)!, problem, got);
  });
}

console.log(
  `smallest weight kept ${training.smallest}, ${Math.round(kept)} inputs kept on average`,
);
console.log(
  `| Batch | rules: right first | rules: no-fit refused | ${blends.map((w) => `blend ${w}: right first | blend ${w}: no-fit refused`).join(' | ')} |`,
);
console.log(`|---|${'---:|'.repeat(2 + 2 * blends.length)}`);
const total = emptyTally();
const totals = blends.map(() => emptyTally());
for (const batch of batches) {
  addTally(total, rules.get(batch)!);
  blends.forEach((_, i) => addTally(totals[i]!, blended[i]!.get(batch)!));
  console.log(
    `| ${batch} | ${tallyCells(rules.get(batch)!)} | ${blended.map((t) => tallyCells(t.get(batch)!)).join(' | ')} |`,
  );
}
console.log(`| all | ${tallyCells(total)} | ${totals.map(tallyCells).join(' | ')} |`);
