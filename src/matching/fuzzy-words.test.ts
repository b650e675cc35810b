import { describe, expect, it } from 'vitest';
import { allowedEdits, editDistance, FuzzyWords } from './fuzzy-words.js';

const WORDS = ['engineer', 'engineering', 'nurse', 'kitchen', 'kitten', 'helper', 'administrator'];

const fuzzyWith = (words: string[]): FuzzyWords => {
  const fuzzy = new FuzzyWords();
  words.forEach((word, id) => fuzzy.add(id, word));
  return fuzzy;
};

const similarWords = (fuzzy: FuzzyWords, word: string): string[] =>
  fuzzy.similar(word, 3).map((c) => WORDS[c.id] as string);

describe('editDistance', () => {
  it('counts inserts, deletes, substitutions and swaps of neighbours as one edit each', () => {
    expect(editDistance('enginer', 'engineer', 2)).toBe(1);
    expect(editDistance('enginear', 'engineer', 2)).toBe(1);
    expect(editDistance('engineeer', 'engineer', 2)).toBe(1);
    expect(editDistance('enigneer', 'engineer', 2)).toBe(1);
  });

  it('stops counting past the limit', () => {
    expect(editDistance('nurse', 'administrator', 2)).toBe(3);
  });
});

describe('allowedEdits', () => {
  it('forgives nothing under five letters, one edit from five, two from nine', () => {
    expect(allowedEdits(4)).toBe(0);
    expect(allowedEdits(5)).toBe(1);
    expect(allowedEdits(8)).toBe(1);
    expect(allowedEdits(9)).toBe(2);
  });
});

describe('FuzzyWords', () => {
  const fuzzy = fuzzyWith(WORDS);

  it('finds the word one edit away', () => {
    expect(similarWords(fuzzy, 'nurze')).toEqual(['nurse']);
    expect(similarWords(fuzzy, 'helepr')).toEqual(['helper']);
  });

  it('finds a five-letter word whose typo dropped a letter', () => {
    expect(similarWords(fuzzy, 'nure')).toEqual(['nurse']);
  });

  it('finds a long word two edits away', () => {
    expect(similarWords(fuzzy, 'admnistrater')).toEqual(['administrator']);
  });

  it('does not allow two edits in a short word', () => {
    expect(similarWords(fuzzy, 'nrsr')).toEqual([]);
  });

  it('trusts a word one edit away more than one two edits away', () => {
    const oneEdit = fuzzy.similar('administratr', 3)[0]?.credit ?? 0;
    const twoEdits = fuzzy.similar('admnistratr', 3)[0]?.credit ?? 0;
    expect(twoEdits).toBeGreaterThan(0);
    expect(oneEdit).toBeGreaterThan(twoEdits);
  });

  it('falls back to the most alike long word at a low credit', () => {
    const found = fuzzy.similar('enginearinqs', 3);
    expect(found.map((c) => WORDS[c.id])).toEqual(['engineering']);
    expect(found[0]?.credit).toBeLessThan(0.6);
  });

  it('takes no word that shares only an ending for a look-alike', () => {
    expect(fuzzyWith(['information']).similar('confirmation', 3)).toEqual([]);
  });

  it('finds nothing for a word unlike any other', () => {
    expect(similarWords(fuzzy, 'xylophonist')).toEqual([]);
  });
});
