import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editsWithin } from './edit-distance.js';

describe('editsWithin', () => {
  it('counts a missing letter as one edit', () => {
    expect(editsWithin('kubernets', 'kubernetes', 2)).toBe(1);
  });

  it('counts two swapped neighbours as one edit', () => {
    expect(editsWithin('pyhton', 'python', 2)).toBe(1);
  });

  it('counts a wrong and a missing letter as two edits', () => {
    expect(editsWithin('postgress', 'postgresql', 2)).toBe(2);
  });

  it('stops at one past the limit', () => {
    expect(editsWithin('terraform', 'kubernetes', 2)).toBe(3);
  });

  it('finds no edit between equal words', () => {
    expect(editsWithin('docker', 'docker', 1)).toBe(0);
  });

  it('agrees with the full table of edits, capped at one past the limit', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 8 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, limit) => {
        expect(editsWithin(a, b, limit)).toBe(Math.min(fullEdits(a, b), limit + 1));
      }),
    );
  });
});

/** The whole table, no band and no early stop: the definition the fast version must keep. */
const fullEdits = (a: string, b: string): number => {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
};
