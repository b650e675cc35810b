import { describe, expect, it } from 'vitest';
import { charTables, foldText, SPACE_KIND, WORD } from './text-chars.js';

describe('text-chars', () => {
  it('folds case, accents and dashes, and collapses spaces, one unit for one unit', () => {
    expect(foldText('Café  Full–Stack\tNode.JS ')).toBe('cafe full stack node.js');
  });

  it('tells word characters, spaces and punctuation apart', () => {
    const { kind } = charTables();
    expect(kind['a'.charCodeAt(0)]).toBe(WORD);
    expect(kind['é'.charCodeAt(0)]).toBe(WORD);
    expect(kind['7'.charCodeAt(0)]).toBe(WORD);
    expect(kind['\u00a0'.charCodeAt(0)]).toBe(SPACE_KIND);
    expect(kind['-'.charCodeAt(0)]).toBe(SPACE_KIND);
    expect(kind['+'.charCodeAt(0)]).not.toBe(WORD);
  });
});
