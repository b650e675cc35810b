import learnedWeights from './learned-weights.json' with { type: 'json' };
import type { Features } from './features.js';

/**
 * A multinomial logistic regression from a problem's words, concepts and glossary terms to the
 * role to hire, stored sparse: for each input, pairs of a role's index and its weight. Weights
 * too small to change an answer are left out.
 */
export interface LearnedModel {
  roles: string[];
  bias: number[];
  weights: Record<string, number[]>;
}

/** Fitted by `npx tsx bench/diagnosis/learned-weights.ts`; the file says on what. */
export const LEARNED_MODEL: LearnedModel = learnedWeights;

/**
 * What the model reads of a problem: each word stem and concept it was read into and each
 * glossary term it names, all alike, so a long problem weighs no more than a short one.
 */
export const learnedInputs = (said: Features, spotted: readonly string[]): Map<string, number> => {
  const present = [
    ...[...said].filter(([, weight]) => weight > 0).map(([feature]) => feature),
    ...spotted.map((slug) => `t:${slug}`),
  ];
  const value = 1 / Math.sqrt(Math.max(1, new Set(present).size));
  return new Map(present.map((feature) => [feature, value]));
};

/** Each role's probability under the model, by role code. */
export const learnedLikelihoods = (
  model: LearnedModel,
  inputs: ReadonlyMap<string, number>,
): Map<string, number> => {
  const z = [...model.bias];
  for (const [feature, x] of inputs) {
    const pairs = model.weights[feature];
    if (!pairs) continue;
    for (let i = 0; i < pairs.length; i += 2) z[pairs[i]!]! += pairs[i + 1]! * x;
  }
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return new Map(model.roles.map((role, i) => [role, e[i]! / sum]));
};

/** The inputs that raised one role's score most, heaviest first. */
export const weighedMost = (
  model: LearnedModel,
  inputs: ReadonlyMap<string, number>,
  role: string,
  count: number,
): string[] => {
  const at = model.roles.indexOf(role);
  const weightOf = (feature: string) => {
    const pairs = model.weights[feature] ?? [];
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === at) return pairs[i + 1]!;
    return 0;
  };
  return [...inputs.keys()]
    .map((feature) => ({ feature, weight: weightOf(feature) }))
    .filter((f) => f.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, count)
    .map((f) => f.feature);
};

/**
 * How much the model's probability counts beside the rules' evidence, which is taken as a share
 * of the best role's: chosen on problems of batches the model was not trained on.
 */
export const LEARNED_WEIGHT = 2;
/** The model picks the first role among the roles the rules rank this high. */
export const LEARNED_CANDIDATES = 5;

/**
 * The rules' ranking with the best of their first candidates, by evidence blended with the
 * model's probability, moved to the front; the others keep the rules' order.
 */
export const blendedOrder = <T extends { raw: number; learned: number }>(
  ranked: readonly T[],
  weight = LEARNED_WEIGHT,
): T[] => {
  const top = ranked[0]?.raw ?? 0;
  if (top <= 0) return [...ranked];
  const score = (r: T) => r.raw / top + weight * r.learned;
  const best = ranked
    .slice(0, LEARNED_CANDIDATES)
    .reduce((a, b) => (score(b) > score(a) ? b : a), ranked[0]!);
  return [best, ...ranked.filter((r) => r !== best)];
};
