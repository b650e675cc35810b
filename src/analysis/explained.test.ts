import { describe, expect, it } from 'vitest';
import { explainedShare } from './explained.js';
import { textFeatures } from './features.js';

const idf = new Map([
  ['w:sit', 1],
  ['w:crash', 2],
  ['w:secretary', 2],
  ['w:week', 0.2],
]);

const share = (text: string, covered: string[]) =>
  explainedShare(text, textFeatures(text).sources, new Set(covered), [], idf);

describe('explainedShare', () => {
  it('is the share of the problem’s rare words the evidence matched', () => {
    expect(share('the site crashes', ['w:sit'])).toBeCloseTo(1 / 3);
    expect(share('the site crashes', ['w:sit', 'c:outage'])).toBe(1);
  });

  it('weighs a word no guide uses as the rarest', () => {
    expect(share('site dictations', ['w:sit'])).toBeCloseTo(1 / 3);
  });

  it('leaves out who is asking and what is turned down', () => {
    expect(share('my client needs the site fixed', ['w:sit'])).toBeCloseTo(
      share('the site fixed', ['w:sit']),
    );
    expect(share('the site crashes, we do not need a secretary', ['w:sit', 'c:outage'])).toBe(1);
  });

  it('counts the spans of named technologies as explained', () => {
    const text = 'the site crashes';
    expect(explainedShare(text, [], new Set(), [{ start: 4, end: 16 }], idf)).toBe(1);
  });
});
