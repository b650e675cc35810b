import { describe, expect, it } from 'vitest';
import { headerLineOf, skippedLinesNote } from './csv-header.js';

const isTitle = (cell: string) => cell === 'Title';

describe('the header line of a CSV', () => {
  it('is the first line when it names the title column', () => {
    expect(headerLineOf(['Title,Location\n', 'Title\n'], isTitle)).toBe(0);
  });

  it('is the first line naming the title column below lines of one cell at most', () => {
    expect(headerLineOf(['Open roles Q3\n', ',,\n', 'Title,Location\n'], isTitle)).toBe(2);
  });

  it('is the first line when a line above the title column holds data', () => {
    expect(headerLineOf(['Leeds,Q3\n', 'Title,Location\n'], isTitle)).toBe(0);
  });

  it('is the first line when no line names the title column', () => {
    expect(headerLineOf(['Open roles\n', 'Req,Posting\n'], isTitle)).toBe(0);
  });
});

describe('the note on lines skipped above a CSV header', () => {
  it('is nothing when none was skipped', () => {
    expect(skippedLinesNote([])).toBeUndefined();
  });

  it('quotes each skipped line that holds text and counts the blank ones', () => {
    expect(skippedLinesNote(['Open roles Q3', ''])).toBe(
      'The 2 lines above the CSV header were left out: "Open roles Q3".',
    );
  });
});
