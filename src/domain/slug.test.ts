import { describe, expect, it } from 'vitest';
import { startsAWord } from './slug.js';

describe('startsAWord', () => {
  it('finds a query at the start of the text or of any of its words', () => {
    expect(startsAWord('go developer', 'go')).toBe(true);
    expect(startsAWord('senior go developer', 'go dev')).toBe(true);
  });

  it('does not find a query that only sits inside a word', () => {
    expect(startsAWord('django developer', 'go')).toBe(false);
  });

  it('finds a query at the start of any title of several, one per line', () => {
    expect(startsAWord('query writer\nsql writer', 'sql')).toBe(true);
  });
});
