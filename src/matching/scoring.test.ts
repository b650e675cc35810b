import { describe, expect, it } from 'vitest';
import { DEFAULT_MIN_SCORE } from './calibration.js';
import { unexplained } from './scoring.js';

describe('unexplained', () => {
  it('keeps a low calibrated score as it is, so scores below the threshold stay in order', () => {
    expect(unexplained(0.2)).toBe(0.2);
    expect(unexplained(0.3)).toBeGreaterThan(unexplained(0.2));
  });

  it('holds a high calibrated score below the default threshold', () => {
    expect(unexplained(0.99)).toBeLessThan(DEFAULT_MIN_SCORE);
  });
});
