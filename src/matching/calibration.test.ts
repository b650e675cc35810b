import { describe, expect, it } from 'vitest';
import { calibrate, DEFAULT_MIN_SCORE } from './calibration.js';

describe('calibrate', () => {
  it('stays between 0 and 1', () => {
    for (const raw of [0, 1, 2, 3.5, 10]) {
      for (const lead of [-1, 0, 0.5, 3.5]) {
        const score = calibrate(raw, lead);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }
    }
  });

  it('rises with the raw score', () => {
    expect(calibrate(2.5, 0.2)).toBeGreaterThan(calibrate(1.5, 0.2));
  });

  it('rises with the lead over the runner-up', () => {
    expect(calibrate(2.5, 1)).toBeGreaterThan(calibrate(2.5, 0.1));
  });

  it('keeps a weak, contested match below the default threshold', () => {
    expect(calibrate(1.2, 0.01)).toBeLessThan(DEFAULT_MIN_SCORE);
  });

  it('puts a strong, clear match above the default threshold', () => {
    expect(calibrate(3.3, 1.2)).toBeGreaterThan(DEFAULT_MIN_SCORE);
  });
});
