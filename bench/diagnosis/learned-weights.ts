/**
 * Fits the diagnosis's learned scorer on the dev half of the outside evaluation set and the
 * guides' own sentences, and writes it to src/analysis/learned-weights.json. Never reads the
 * test half. The same data and seed give the same file.
 *
 *   npx tsx bench/diagnosis/learned-weights.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnosisSignals } from '../../src/analysis/index.js';
import { outsideProblemCases } from '../../test/fixtures/analysis/evaluation.js';
import { diagnosisDeps } from './diagnosis-deps.js';
import { guideExamples, problemExample, trainModel, TRAINING } from './learned-model.js';

const deps = await diagnosisDeps();
const { spotter, profiles } = deps;

const examples = [
  ...guideExamples(profiles, spotter),
  ...outsideProblemCases()
    .filter((p) => p.split === 'dev')
    .flatMap((p) => problemExample(p, diagnosisSignals(p.text, deps).inputs)),
];
const model = trainModel(
  examples,
  profiles.profiles.map((p) => p.role.code),
  TRAINING,
);
const file = join(import.meta.dirname, '../../src/analysis/learned-weights.json');
const about =
  'Written by `npx tsx bench/diagnosis/learned-weights.ts`: a logistic regression fitted on the ' +
  `dev half of test/fixtures/analysis/outside/problems.json and the guides in content/roles ` +
  `(${examples.length} texts, seed ${TRAINING.seed}); weights: input, then role index and weight pairs.`;
writeFileSync(file, `${JSON.stringify({ about, ...model })}\n`);
console.log(`${examples.length} texts, ${Object.keys(model.weights).length} inputs kept: ${file}`);
