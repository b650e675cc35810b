import { describe, expect, it } from 'vitest';
import { changesTable } from './editor-parts.js';
import { textOf } from './views.fixture.js';

/** The table's text cell by cell, one row a line, tags and spacing aside. */
const rowsOf = (table: string): string[] =>
  table
    .split('</tr>')
    .map(textOf)
    .filter((row) => row !== '');

describe('the table of changes', () => {
  it('heads a list line that was only added as added, not as a list that was empty before', () => {
    const table = String(
      changesTable(
        [{ field: 'alternativeTitles', removed: [], added: ['Reporting Analyst (Excel)'] }],
        'What version 3 changed',
      ),
    );
    expect(rowsOf(table)).toEqual([
      'What version 3 changed Field Removed Added',
      'Alternative titles — Reporting Analyst (Excel)',
    ]);
  });
});

describe('a line rewritten in place', () => {
  const summary = {
    field: 'summary',
    removed: ['Keeps the stock records right and answers the phones.'],
    added: ['Keeps the stock records right and plans the deliveries.'],
  };

  it('shows the line once, the words it lost and gained marked within it', () => {
    const table = String(changesTable([summary], 'What version 4 changed'));
    expect(table).toContain(
      'right and <del>answers</del> <ins>plans</ins> the <del>phones</del> <ins>deliveries</ins>.',
    );
    expect(table.match(/Keeps the stock records/g)).toHaveLength(1);
  });
});
