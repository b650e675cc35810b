import { describe, expect, it } from 'vitest';
import {
  openClosedCompounds,
  splitClosedCompound,
  type CompoundWords,
} from './closed-compounds.js';

const TITLES = [
  ['glass', 'blower'],
  ['copy', 'holder'],
  ['track', 'walker'],
  ['sky', 'cap'],
  ['sheet', 'metal', 'smith'],
  ['controller'],
];

const words: CompoundWords = {
  knows: (word) => TITLES.some((title) => title.includes(word)),
  heads: (word) => TITLES.some((title) => title.at(-1) === word),
  nearlyKnows: (word) => word === 'controler',
};

describe('splitClosedCompound', () => {
  it('splits a word written closed into the two words titles write open', () => {
    expect(splitClosedCompound('glassblower', words)).toEqual(['glass', 'blower']);
  });

  it('splits only where the second word ends some title', () => {
    expect(splitClosedCompound('blowerglass', words)).toBeUndefined();
  });

  it('splits only where the first word is used by some title', () => {
    expect(splitClosedCompound('tinsmith', words)).toBeUndefined();
  });

  it('keeps parts of three letters or more', () => {
    expect(splitClosedCompound('skycap', words)).toEqual(['sky', 'cap']);
  });

  it('leaves a word the titles use whole', () => {
    expect(splitClosedCompound('controller', words)).toBeUndefined();
  });

  it('leaves a word one edit from a word the titles use, which reads as its typo', () => {
    expect(splitClosedCompound('controler', words)).toBeUndefined();
  });
});

describe('openClosedCompounds', () => {
  it('splits each closed compound in place among the other tokens', () => {
    expect(openClosedCompounds(['senior', 'copyholder', 'trackwalker'], words)).toEqual([
      'senior',
      'copy',
      'holder',
      'track',
      'walker',
    ]);
  });

  it('returns the same tokens when none is a closed compound', () => {
    const tokens = ['glass', 'blower'];
    expect(openClosedCompounds(tokens, words)).toBe(tokens);
  });
});
