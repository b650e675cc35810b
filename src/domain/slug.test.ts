import { describe, expect, it } from 'vitest';
import { searchedFor, startsAWord } from './slug.js';

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

describe('searchedFor', () => {
  it('folds a query as titles are folded', () => {
    expect(searchedFor('Back-End!')).toBe('back end');
  });

  it('filters nothing for a query not given or blank', () => {
    expect(searchedFor(undefined)).toBeUndefined();
    expect(searchedFor('  ')).toBeUndefined();
  });

  it('looks for nothing, so finds nothing, in a query of punctuation only', () => {
    expect(['!!!', '-', '_', '%', '*', '"'].map(searchedFor)).toEqual(['', '', '', '', '', '']);
  });
});
