import { describe, expect, it } from 'vitest';
import {
  blendedOrder,
  learnedInputs,
  learnedLikelihoods,
  weighedMost,
  type LearnedModel,
} from './learned-scorer.js';

const model: LearnedModel = {
  roles: ['backend-developer', 'frontend-developer'],
  bias: [0, 0],
  weights: { 'w:button': [1, 3], 'w:slow': [0, 1, 1, 0.5], 'c:outage': [0, 2] },
};

describe('learned scorer', () => {
  it('reads each word, concept and term once, a long problem weighing no more than a short one', () => {
    const inputs = learnedInputs(
      new Map([
        ['w:slow', 3],
        ['c:outage', 1.5],
        ['c:speaker', 0],
      ]),
      ['kubernetes'],
    );
    expect([...inputs.keys()]).toEqual(['w:slow', 'c:outage', 't:kubernetes']);
    expect([...inputs.values()].reduce((sum, v) => sum + v * v, 0)).toBeCloseTo(1);
  });

  it('gives each role a probability, the ones summing to one', () => {
    const likely = learnedLikelihoods(model, new Map([['w:button', 1]]));
    expect(likely.get('frontend-developer')!).toBeGreaterThan(0.9);
    expect(likely.get('backend-developer')! + likely.get('frontend-developer')!).toBeCloseTo(1);
  });

  it('names the inputs that raised a role most, heaviest first, and none that lowered it', () => {
    const inputs = new Map([
      ['w:slow', 0.5],
      ['c:outage', 0.5],
      ['w:button', 0.5],
    ]);
    expect(weighedMost(model, inputs, 'backend-developer', 3)).toEqual(['c:outage', 'w:slow']);
  });

  it('puts first the candidate the model and the evidence favour together', () => {
    const ranked = [
      { code: 'backend-developer', raw: 1, learned: 0.1 },
      { code: 'frontend-developer', raw: 0.8, learned: 0.8 },
      { code: 'ui-designer', raw: 0.5, learned: 0.1 },
    ];
    expect(blendedOrder(ranked, 2).map((r) => r.code)).toEqual([
      'frontend-developer',
      'backend-developer',
      'ui-designer',
    ]);
  });

  it('keeps the rules first when the model leans only a little the other way', () => {
    const ranked = [
      { code: 'backend-developer', raw: 1, learned: 0.3 },
      { code: 'frontend-developer', raw: 0.5, learned: 0.4 },
    ];
    expect(blendedOrder(ranked, 2)[0]!.code).toBe('backend-developer');
  });

  it('looks no further down than the rules first candidates', () => {
    const ranked = [1, 0.9, 0.8, 0.7, 0.6, 0.5].map((raw, i) => ({
      code: `role-${i}`,
      raw,
      learned: i === 5 ? 1 : 0,
    }));
    expect(blendedOrder(ranked, 2)[0]!.code).toBe('role-0');
  });
});
