import { describe, expect, it } from 'vitest';
import { completeCutWord } from './cut-word.js';

/** An index whose titles are headed by engineer, scientist and analyst. */
const words = {
  headStartingWith: (prefix: string) =>
    ['engineer', 'scientist', 'analyst'].find((head) => head.startsWith(prefix)),
};

describe('completeCutWord', () => {
  it('writes a head cut off by an ellipsis whole', () => {
    expect(completeCutWord('Site Reliability Engin…', words)).toBe('Site Reliability engineer');
  });

  it('reads three dots as an ellipsis', () => {
    expect(completeCutWord('Lead Data Scien...', words)).toBe('Lead Data scientist');
  });

  it('leaves a fragment no head starts with as it is', () => {
    expect(completeCutWord('Data Engineer – Customer Platf…', words)).toBe(
      'Data Engineer – Customer Platf…',
    );
  });

  it('leaves an ellipsis after a space as it is', () => {
    expect(completeCutWord('Data Analyst – …', words)).toBe('Data Analyst – …');
  });

  it('completes no fragment shorter than three letters', () => {
    expect(completeCutWord('Growth & An…', words)).toBe('Growth & An…');
  });

  it('leaves a title with no ellipsis as it is', () => {
    expect(completeCutWord('Data Engin', words)).toBe('Data Engin');
  });
});
