/**
 * Leave one batch out: for each batch, the learned scorer trained on the dev halves of all the
 * other batches and on the guides' own sentences, blended with the rules on that batch's dev
 * half. Prints each batch's right first and no-fit refused with the rules alone and with the
 * blend, as a batch of writers the model never saw would get them. Reads only the dev half.
 *
 *   npx tsx bench/diagnosis/learned-lobo.ts [--weights 2,4,6] [--smallest 0.1]
 */
import { calibratedScores, diagnosisSignals } from '../../src/analysis/index.js';
import {
  blendedOrder,
  LEARNED_WEIGHT,
  learnedLikelihoods,
} from '../../src/analysis/learned-scorer.js';
import { outsideProblemCases } from '../../test/fixtures/analysis/evaluation.js';
import { addTally, countAnswer, emptyTally, tallyCells, type Tally } from './batch-tally.js';
import { diagnosisDeps } from './diagnosis-deps.js';
import { guideExamples, problemExample, trainModel, TRAINING } from './learned-model.js';

const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const blends = (option('--weights') ?? String(LEARNED_WEIGHT)).split(',').map(Number);
const training = { ...TRAINING, smallest: Number(option('--smallest') ?? TRAINING.smallest) };

const deps = await diagnosisDeps();
const { spotter, profiles } = deps;
const guides = guideExamples(profiles, spotter);
const classes = profiles.profiles.map((p) => p.role.code);

const dev = outsideProblemCases()
  .filter((p) => p.split === 'dev')
  .map((problem) => {
    const signals = diagnosisSignals(problem.text, deps);
    const [fit = 0] = calibratedScores(
      signals.ranked.map((r) => r.raw),
      signals,
    );
    return { problem, signals, fits: Math.round(fit * 1000) / 1000 >= 0.5 };
  });

const batches = [...new Set(dev.map((d) => d.problem.batch))].sort((a, b) => a - b);
const rules = new Map<number, Tally>();
const blended = blends.map(() => new Map<number, Tally>());
let kept = 0;
for (const batch of batches) {
  const others = dev.filter((d) => d.problem.batch !== batch);
  const model = trainModel(
    [...guides, ...others.flatMap((d) => problemExample(d.problem, d.signals.inputs))],
    classes,
    training,
  );
  kept += Object.keys(model.weights).length / batches.length;
  rules.set(batch, emptyTally());
  for (const t of blended) t.set(batch, emptyTally());
  for (const { problem, signals, fits } of dev.filter((d) => d.problem.batch === batch)) {
    countAnswer(rules.get(batch)!, problem, fits ? signals.ranked[0]?.role.code : undefined);
    const likelihoods = learnedLikelihoods(model, signals.inputs);
    const ranked = signals.ranked.map((r) => ({ ...r, learned: likelihoods.get(r.role.code)! }));
    blends.forEach((weight, i) => {
      const got = fits ? blendedOrder(ranked, weight)[0]?.role.code : undefined;
      countAnswer(blended[i]!.get(batch)!, problem, got);
    });
  }
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
