import { describe, expect, it } from 'vitest';
import { blendedFirstScore } from './blended-score.js';

describe('blended first score', () => {
  it('rises with the rules’ chance that their best role is right', () => {
    expect(blendedFirstScore(0.9, 0.5)).toBeGreaterThan(blendedFirstScore(0.6, 0.5));
  });

  it('rises with the learned scorer’s probability for the role put first', () => {
    expect(blendedFirstScore(0.7, 0.9)).toBeGreaterThan(blendedFirstScore(0.7, 0.2));
  });

  it('stays a probability when either chance is exactly 0 or 1', () => {
    for (const [rules, learned] of [
      [0, 1],
      [1, 0],
      [1, 1],
      [0, 0],
    ] as const) {
      const score = blendedFirstScore(rules, learned);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });
});
