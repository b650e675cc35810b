import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownLink, markdownUrl } from './markdown.js';

describe('escapeMarkdown', () => {
  it('escapes inline markers', () => {
    expect(escapeMarkdown('*a* _b_ `c` [d] <e> |f| ~g~ \\')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d\\] \\<e\\> \\|f\\| \\~g\\~ \\\\',
    );
  });

  it('escapes markers that would start a block', () => {
    expect(escapeMarkdown('# Title')).toBe('\\# Title');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('> quote')).toBe('\\> quote');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
  });

  it('escapes entity references but not a lone ampersand', () => {
    expect(escapeMarkdown('R&D &amp; &#60;')).toBe('R&D \\&amp; \\&#60;');
  });

  it('keeps ordinary punctuation readable', () => {
    expect(escapeMarkdown('Node.js, C# and C++ (v2)!')).toBe('Node.js, C# and C++ (v2)!');
  });

  it('folds line breaks so text cannot open a new block', () => {
    expect(escapeMarkdown('one\n# two')).toBe('one \\# two');
  });
});

describe('markdownUrl', () => {
  it('encodes characters that would end the destination', () => {
    expect(markdownUrl('https://x.test/a (b)<c>')).toBe('https://x.test/a%20%28b%29%3Cc%3E');
  });
});

describe('markdownLink', () => {
  it('escapes the text and encodes the URL', () => {
    expect(markdownLink('[x]', 'https://x.test/(y)')).toBe('[\\[x\\]](https://x.test/%28y%29)');
  });
});
