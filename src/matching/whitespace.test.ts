import { describe, expect, it } from 'vitest';
import { squashSpaces, trimEdges } from './whitespace.js';

describe('squashSpaces', () => {
  it('makes a run of spaces between words one space', () => {
    expect(squashSpaces('Senior    Data   Engineer')).toBe('Senior Data Engineer');
  });

  it('takes whitespace off both ends', () => {
    expect(squashSpaces('  Nurse \t')).toBe('Nurse');
  });

  it('reads tabs, line breaks and no-break and ideographic spaces as spaces', () => {
    expect(squashSpaces('Data\tAnalyst\nLead\u00a0Nurse\u3000Chef')).toBe(
      'Data Analyst Lead Nurse Chef',
    );
  });

  it('gives an empty string for whitespace alone', () => {
    expect(squashSpaces(' \t\n ')).toBe('');
  });

  it('treats every UTF-16 code unit as the regular expression \\s does', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const text = ` a${String.fromCharCode(code)}${String.fromCharCode(code)}b `;
      expect(squashSpaces(text)).toBe(text.replace(/\s+/g, ' ').trim());
    }
  });
});

describe('trimEdges', () => {
  it('takes the leading characters and whitespace off the start', () => {
    expect(trimEdges(' - : Data Analyst', '-:', '.')).toBe('Data Analyst');
  });

  it('takes the trailing characters and whitespace off the end', () => {
    expect(trimEdges('Data Analyst .: ', '-', '.:')).toBe('Data Analyst');
  });

  it('keeps the characters inside the text', () => {
    expect(trimEdges('Front-End: Vue', '-:', '-:')).toBe('Front-End: Vue');
  });

  it('keeps a trailing character at the start that only trailing may take', () => {
    expect(trimEdges('.NET Developer', '-', '.')).toBe('.NET Developer');
  });

  it('gives an empty string for edge characters alone', () => {
    expect(trimEdges(' -:. ', '-:', '.')).toBe('');
  });
});
