import { describe, expect, it } from 'vitest';
import { DEFAULT_MIN_SCORE } from './calibration.js';
import { effectiveRoles, unexplained, wordCoverage } from './scoring.js';

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

describe('effectiveRoles', () => {
  it('counts roles sharing a word evenly as they are', () => {
    expect(effectiveRoles([0, 2, 1, 2, 2, 2])).toBeCloseTo(3);
  });

  it('counts a role holding most of the titles with a word as nearly the only one', () => {
    expect(effectiveRoles([0, 20, 1, 1, 2, 1])).toBeLessThan(1.5);
  });

  it('counts a word no role uses as in no role', () => {
    expect(effectiveRoles([])).toBe(0);
  });
});
