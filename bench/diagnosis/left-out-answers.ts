/**
 * Each dev problem read by the diagnosis with the learned scorer trained on the dev halves of the
 * other batches and on the guides' own sentences, never on the problem's own batch: the answers a
 * batch of writers the model never saw would get. Reads only the dev half.
 */
import { diagnosisSignals, type DiagnosisSignals } from '../../src/analysis/index.js';
import { learnedLikelihoods } from '../../src/analysis/learned-scorer.js';
import {
  outsideProblemCases,
  type OutsideProblemCase,
} from '../../test/fixtures/analysis/evaluation.js';
import { diagnosisDeps } from './diagnosis-deps.js';
import {
  guideExamples,
  problemExample,
  trainModel,
  type TrainingOptions,
} from './learned-model.js';

export interface LeftOutAnswer {
  problem: OutsideProblemCase;
  /** The rules' signals, each ranked role's `learned` from the model its batch never trained. */
  signals: DiagnosisSignals;
}

export const leftOutAnswers = async (
  training: TrainingOptions,
): Promise<{ answers: LeftOutAnswer[]; batches: number[]; inputsKept: number }> => {
  const deps = await diagnosisDeps();
  const { spotter, profiles } = deps;
  const guides = guideExamples(profiles, spotter);
  const classes = profiles.profiles.map((p) => p.role.code);
  const dev = outsideProblemCases()
    .filter((p) => p.split === 'dev')
    .map((problem) => ({ problem, signals: diagnosisSignals(problem.text, deps) }));
  const batches = [...new Set(dev.map((d) => d.problem.batch))].sort((a, b) => a - b);
  const answers: LeftOutAnswer[] = [];
  let inputsKept = 0;
  for (const batch of batches) {
    const model = trainModel(
      [
        ...guides,
        ...dev
          .filter((d) => d.problem.batch !== batch)
          .flatMap((d) => problemExample(d.problem, d.signals.inputs)),
      ],
      classes,
      training,
    );
    inputsKept += Object.keys(model.weights).length / batches.length;
    for (const { problem, signals } of dev.filter((d) => d.problem.batch === batch)) {
      const likelihoods = learnedLikelihoods(model, signals.inputs);
      const ranked = signals.ranked.map((r) => ({ ...r, learned: likelihoods.get(r.role.code)! }));
      answers.push({ problem, signals: { ...signals, ranked } });
    }
  }
  return { answers, batches, inputsKept };
};
