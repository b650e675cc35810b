import { describe, expect, it } from 'vitest';
import { isStopword, sameWord, stem, words } from './words.js';

describe('words', () => {
  it('brings forms of a word to one stem', () => {
    expect(['crash', 'crashes', 'crashed', 'crashing'].map(stem)).toEqual(Array(4).fill('crash'));
    expect(stem('developer')).toBe(stem('development'));
    expect(stem('slowly')).toBe('slow');
  });

  it('keeps a person named from a word that doubles its last letter apart from the word', () => {
    expect(stem('programmer')).toBe(stem('programmers'));
    expect(stem('programmer')).not.toBe(stem('program'));
    expect(stem('programming')).toBe(stem('program'));
  });

  it('keeps a person named without doubling with the word', () => {
    expect(stem('designer')).toBe(stem('design'));
    expect(stem('tester')).toBe(stem('testing'));
    expect(stem('planner')).toBe(stem('plan'));
  });

  it('leaves short words and words with digits alone', () => {
    expect(stem('api')).toBe('api');
    expect(stem('k8s')).toBe('k8s');
  });

  it('keeps offsets and drops a trailing possessive', () => {
    expect(words("Go's team")).toEqual([
      { word: 'go', stem: 'go', start: 0, end: 4 },
      { word: 'team', stem: 'team', start: 5, end: 9 },
    ]);
  });

  it('knows the words that carry no subject', () => {
    expect(['the', 'nobody', 'during'].every(isStopword)).toBe(true);
    expect(isStopword('sale')).toBe(false);
  });
});

describe('sameWord', () => {
  it('joins forms of one word made by an ending', () => {
    expect(sameWord('crashes', 'crashed')).toBe(true);
    expect(sameWord('freezing', 'freeze')).toBe(true);
    expect(sameWord('stopped', 'stop')).toBe(true);
    expect(sameWord('coder', 'code')).toBe(true);
  });

  it('keeps apart words that only share a stem', () => {
    expect(stem('sits')).toBe(stem('site'));
    expect(sameWord('sits', 'site')).toBe(false);
    expect(sameWord('career', 'car')).toBe(false);
  });
});
