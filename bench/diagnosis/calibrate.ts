/**
 * Fits the diagnosis calibration (src/analysis/diagnose.ts, CALIBRATION) on the dev half of
 * the outside evaluation set, and never reads the test half. Each dev problem is read twice:
 * by the engine as it is, and by an engine without the list phrases only its batch uses
 * (unseen-engines.ts), so the weights are also learnt from evidence as writers the lists never
 * saw give it, where technology words and jobs outside technology go unlisted more often. `fit`: a logistic regression from
 * the best role's raw evidence, how much of the problem speaks of work outside technology, how
 * many technology concepts and terms it names and how much of its wording that evidence
 * accounts for, to whether that best role is right. `role`:
 * from each of the five best roles' raw evidence and its share of the best one's, to whether
 * that role is a right answer. Prints the weights to paste, the dev figures they give and how
 * often the roles scored in each band were right.
 *
 *   npx tsx bench/diagnosis/calibrate.ts
 */
import { join } from 'node:path';
import {
  calibratedScores,
  diagnosisSignals,
  linkGlossary,
  readGuides,
  TermSpotter,
  type Calibration,
} from '../../src/analysis/index.js';
import { readContentLibrary } from '../../src/importers/content/index.js';
import {
  libraryForEngines,
  outsideProblemCases,
  type OutsideProblemCase,
} from '../../test/fixtures/analysis/evaluation.js';
import { logistic } from './logistic.js';
import { unseenEngines } from './unseen-engines.js';

const library = await readContentLibrary(join(import.meta.dirname, '../../content'));
const { roles, terms } = libraryForEngines(library);
const spotter = TermSpotter.build(terms);
const termMap = new Map(terms.map((t) => [t.slug, t]));
// The guides read once, as the evaluation and the server read them, not once a problem.
const deps = {
  roles,
  spotter,
  terms: termMap,
  profiles: linkGlossary(readGuides(roles), { spotter, terms: termMap }),
};

const rowOf = (p: OutsideProblemCase, signals: ReturnType<typeof diagnosisSignals>) => {
  const right = p.role === null ? [] : [p.role, ...(p.alsoAccept ?? [])];
  const ranked = signals.ranked.slice(0, 5).map((r) => ({
    raw: r.raw,
    right: right.includes(r.role.code),
  }));
  return { fits: p.role !== null, ranked, signals };
};
const known = outsideProblemCases()
  .filter((p) => p.split === 'dev')
  .map((p) => rowOf(p, diagnosisSignals(p.text, deps)));
const unseen: typeof known = [];
for await (const engine of unseenEngines()) {
  for (const { problem } of engine.cases) {
    unseen.push(rowOf(problem, engine.analysis.diagnosisSignals(problem.text, engine.deps)));
  }
}
const rows = [...known, ...unseen];

const fitWeights = logistic(
  rows.map((r) => ({
    x: [
      1,
      r.ranked[0]?.raw ?? 0,
      r.signals.otherWork,
      Math.min(r.signals.technical, 5),
      r.signals.explained,
    ],
    y: r.ranked[0]?.right ? 1 : 0,
  })),
);
const roleWeights = logistic(
  rows.flatMap((r) =>
    r.ranked.map((c) => ({ x: [1, c.raw, c.raw / r.ranked[0]!.raw], y: c.right ? 1 : 0 })),
  ),
);
const fitted: Calibration = {
  fit: {
    bias: fitWeights[0]!,
    raw: fitWeights[1]!,
    otherWork: fitWeights[2]!,
    technical: fitWeights[3]!,
    explained: fitWeights[4]!,
  },
  role: { bias: roleWeights[0]!, raw: roleWeights[1]!, share: roleWeights[2]! },
};
console.log(`CALIBRATION = ${JSON.stringify(fitted)}`);

const percent = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
const scoredOf = (group: typeof rows) =>
  group.map((r) => ({
    ...r,
    scores: calibratedScores(
      r.ranked.map((c) => c.raw),
      r.signals,
      fitted,
    ),
  }));
const scored = scoredOf(rows);
for (const [name, group] of [
  ['dev', scoredOf(known)],
  ['dev, each batch without its own list phrases', scoredOf(unseen)],
] as const) {
  const fitting = group.filter((r) => r.fits);
  const none = group.filter((r) => !r.fits);
  const offered = (r: (typeof group)[number]) => (r.scores[0] ?? 0) >= 0.5;
  console.log(
    `${name}: right first ${percent(fitting.filter((r) => offered(r) && r.ranked[0]?.right).length, fitting.length)}, ` +
      `no-fit refused ${percent(none.filter((r) => !offered(r)).length, none.length)}`,
  );
}
const all = scored.flatMap((r) => r.ranked.map((c, i) => ({ p: r.scores[i]!, right: c.right })));
for (const [lo, hi] of [
  [0, 0.1],
  [0.1, 0.3],
  [0.3, 0.5],
  [0.5, 0.7],
  [0.7, 0.9],
  [0.9, 1.01],
] as const) {
  const band = all.filter((c) => c.p >= lo && c.p < hi);
  const right = band.filter((c) => c.right).length;
  console.log(
    `score ${lo}-${Math.min(hi, 1)}: ${band.length} roles, ${percent(right, band.length)} right`,
  );
}
