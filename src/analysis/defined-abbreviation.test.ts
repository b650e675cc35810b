import { describe, expect, it } from 'vitest';
import { definedAt } from './defined-abbreviation.js';

const at = (text: string, abbreviation: string) => {
  const start = text.indexOf(`(${abbreviation})`) + 1;
  return definedAt(text, start, start + abbreviation.length);
};

describe('definedAt', () => {
  it('finds the words that spell an abbreviation just before its brackets', () => {
    expect(at('a Senior Executive Officer (SEO) role', 'SEO')).toBe(2);
  });

  it('lets link words stand between the spelling words', () => {
    const text = 'the Chief Officer of Information Security (COIS)';
    expect(at(text, 'COIS')).toBe(4);
  });

  it('finds nothing when the words before do not spell it', () => {
    expect(at('strong marketing skills (SEO)', 'SEO')).toBeUndefined();
  });

  it('finds nothing for an abbreviation written without brackets', () => {
    expect(definedAt('Senior Executive Officer SEO', 25, 28)).toBeUndefined();
  });

  it('reads only capitals as an abbreviation', () => {
    expect(at('Search Engine optimisation (seo)', 'seo')).toBeUndefined();
  });
});
