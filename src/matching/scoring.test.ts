import { describe, expect, it } from 'vitest';
import { DEFAULT_MIN_SCORE } from './calibration.js';
import { unexplained, wordCoverage } from './scoring.js';

describe('unexplained', () => {
  it('keeps a low calibrated score as it is, so scores below the threshold stay in order', () => {
    expect(unexplained(0.2)).toBe(0.2);
    expect(unexplained(0.3)).toBeGreaterThan(unexplained(0.2));
  });

  it('holds a high calibrated score below the default threshold', () => {
    expect(unexplained(0.99)).toBeLessThan(DEFAULT_MIN_SCORE);
  });
});

describe('wordCoverage', () => {
  it('counts a word more for the role holding more of the titles that use it', () => {
    expect(wordCoverage(3, 20, 4)).toBeGreaterThan(wordCoverage(1, 3, 4));
  });

  it("counts a word used by none of the role's titles as nothing", () => {
    expect(wordCoverage(0, 10, 5)).toBe(0);
  });
});
