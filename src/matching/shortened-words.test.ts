import { describe, expect, it } from 'vitest';
import { shortenedWord } from './shortened-words.js';

describe('shortenedWord', () => {
  it('reads a title word written without its vowels', () => {
    expect(shortenedWord('ntwk')).toBe('network');
    expect(shortenedWord('anlst')).toBe('analyst');
    expect(shortenedWord('wrtr')).toBe('writer');
    expect(shortenedWord('scntst')).toBe('scientist');
  });

  it('reads a shortening that keeps its first vowel', () => {
    expect(shortenedWord('devlpr')).toBe('developer');
  });

  it('takes the shortest title word a shortening fits', () => {
    expect(shortenedWord('prgm')).toBe('program');
  });

  it('leaves alone the plain beginning of a word', () => {
    expect(shortenedWord('prog')).toBeUndefined();
    expect(shortenedWord('proj')).toBeUndefined();
  });

  it('leaves alone English words that fit a title word', () => {
    for (const word of ['sport', 'intern', 'split', 'stem', 'salt', 'cost', 'open']) {
      expect(shortenedWord(word)).toBeUndefined();
    }
  });

  it('leaves a typo that keeps its vowels to the fuzzy look-up', () => {
    expect(shortenedWord('engneer')).toBeUndefined();
  });

  it('leaves alone words of three letters', () => {
    expect(shortenedWord('cld')).toBeUndefined();
  });
});
