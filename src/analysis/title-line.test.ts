import { describe, expect, it } from 'vitest';
import { findTitleLine } from './title-line.js';

describe('findTitleLine', () => {
  it('takes a Markdown heading at the top', () => {
    const text = '# Senior Data Engineer\nWe move data.';
    expect(findTitleLine(text)).toEqual({ text: 'Senior Data Engineer', start: 2, end: 22 });
  });

  it('takes a labelled title line', () => {
    const text = 'Acme Corp\nJob title: Platform Engineer\nAbout us...';
    const line = findTitleLine(text)!;
    expect(line.text).toBe('Platform Engineer');
    expect(text.slice(line.start, line.end)).toBe('Platform Engineer');
  });

  it('skips a company line that names no job', () => {
    expect(findTitleLine('Acme Corp\n\nBackend Developer\nWe build things.')?.text).toBe(
      'Backend Developer',
    );
  });

  it('finds no title when the text starts with sentences', () => {
    expect(
      findTitleLine('We are hiring someone to build our website. You will love it.'),
    ).toBeUndefined();
  });
});
