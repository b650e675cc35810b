/**
 * Trains the diagnosis's learned scorer (src/analysis/learned-scorer.ts): a multinomial logistic
 * regression from what the scorer reads of a text to the role to hire, fitted by seeded
 * stochastic gradient descent on labelled texts (dev problems and the guides' own sentences).
 * Deterministic for one seed and one order of examples.
 */
import type { TermSpotter } from '../../src/analysis/index.js';
import { learnedInputs, type LearnedModel } from '../../src/analysis/learned-scorer.js';
import type { RoleProfiles } from '../../src/analysis/role-profiles.js';
import type { OutsideProblemCase } from '../../test/fixtures/analysis/evaluation.js';
import { seededRandom, shuffle } from '../normalize/random.js';

/** One labelled text as the model reads it: features with their values, and its role. */
export interface Example {
  features: ReadonlyMap<string, number>;
  label: string;
  weight: number;
}

export interface TrainingOptions {
  epochs: number;
  rate: number;
  /** L2 penalty per update on the weights an example touches. */
  l2: number;
  seed: number;
  /** Weights smaller than this, once rounded, change few answers and are left out. */
  smallest: number;
}

interface LinearModel {
  classes: string[];
  bias: Float64Array;
  weights: Map<string, Float64Array>;
}

const softmaxInPlace = (z: Float64Array) => {
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v);
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    z[i] = Math.exp(z[i]! - max);
    sum += z[i]!;
  }
  for (let i = 0; i < z.length; i++) z[i]! /= sum;
};

/** The model's probability of each class for one text's features. */
const classProbabilities = (
  model: LinearModel,
  features: ReadonlyMap<string, number>,
): Float64Array => {
  const z = Float64Array.from(model.bias);
  for (const [f, x] of features) {
    const w = model.weights.get(f);
    if (!w) continue;
    for (let c = 0; c < z.length; c++) z[c]! += w[c]! * x;
  }
  softmaxInPlace(z);
  return z;
};

const trainDense = (
  examples: readonly Example[],
  classes: readonly string[],
  options: TrainingOptions,
): LinearModel => {
  const index = new Map(classes.map((c, i) => [c, i]));
  const model: LinearModel = {
    classes: [...classes],
    bias: new Float64Array(classes.length),
    weights: new Map(),
  };
  for (const e of examples) {
    for (const f of e.features.keys()) {
      if (!model.weights.has(f)) model.weights.set(f, new Float64Array(classes.length));
    }
  }
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(random, order);
    const rate = options.rate / (1 + epoch);
    for (const at of order) {
      const e = examples[at]!;
      const p = classProbabilities(model, e.features);
      p[index.get(e.label)!]! -= 1;
      for (let c = 0; c < p.length; c++) model.bias[c]! -= rate * e.weight * p[c]!;
      for (const [f, x] of e.features) {
        const w = model.weights.get(f)!;
        for (let c = 0; c < p.length; c++) {
          w[c]! -= rate * (e.weight * p[c]! * x + options.l2 * w[c]!);
        }
      }
    }
  }
  return model;
};

const DECIMALS = 100;
const rounded = (n: number) => Math.round(n * DECIMALS) / DECIMALS;

/** The model as the scorer reads it: for each input, pairs of a role's index and its weight. */
export const trainModel = (
  examples: readonly Example[],
  classes: readonly string[],
  options: TrainingOptions,
): LearnedModel => {
  const dense = trainDense(examples, classes, options);
  const weights: Record<string, number[]> = {};
  for (const [feature, w] of [...dense.weights].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const pairs = [...w].flatMap((v, i) =>
      Math.abs(v) >= options.smallest ? [i, rounded(v)] : [],
    );
    if (pairs.length > 0) weights[feature] = pairs;
  }
  return { roles: dense.classes, bias: [...dense.bias].map(rounded), weights };
};

/** The guides' sections whose sentences are written as a role's own problems and work. */
const GUIDE_SECTIONS = new Set(['sign', 'benefit', 'responsibility', 'title']);
/** A guide's sentence counts for this much of a problem written by an outsider. */
const GUIDE_WEIGHT = 0.5;

export const TRAINING: TrainingOptions = {
  epochs: 12,
  rate: 0.5,
  l2: 1e-5,
  seed: 1,
  smallest: 0.25,
};

/** The guides' signs, reasons to hire, responsibilities and titles, each labelled by its role. */
export const guideExamples = (profiles: RoleProfiles, spotter: TermSpotter): Example[] =>
  profiles.profiles.flatMap((p) =>
    p.documents
      .filter((d) => GUIDE_SECTIONS.has(d.section))
      .map((d) => ({
        features: learnedInputs(
          d.features,
          spotter.spot(d.title ? `${d.title}. ${d.text}` : d.text).map((h) => h.slug),
        ),
        label: p.role.code,
        weight: GUIDE_WEIGHT,
      })),
  );

/** A dev problem a technology role fits, read as the diagnosis reads it, labelled by that role. */
export const problemExample = (
  problem: OutsideProblemCase,
  inputs: ReadonlyMap<string, number>,
): Example[] =>
  problem.role === null ? [] : [{ features: inputs, label: problem.role, weight: 1 }];
