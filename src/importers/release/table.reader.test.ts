import { describe, expect, it } from 'vitest';
import type { AppError } from '../../domain/index.js';
import { textFiles } from './text-file.fixture.js';
import { readTable, type TableDialect } from './table.reader.js';

const tableFile = textFiles('table.txt');

const columns = {
  code: { header: 'Code', maxLength: 20 },
  title: { header: 'Title', maxLength: 200 },
};

/** The lines each row and each problem of a table is placed on. */
const linesOf = async (text: string, dialect: TableDialect = 'csv') => {
  const problems: number[] = [];
  const rows: number[] = [];
  const file = await tableFile(text);
  for await (const row of readTable(file, { dialect, columns }, (problem: AppError) => {
    problems.push(problem.details[0]?.line ?? 0);
  })) {
    rows.push(row.line);
  }
  return { rows, problems };
};

describe('readTable', () => {
  it('places a row after a quoted CRLF line break on the line it starts on', async () => {
    const text = 'Code,Title\r\nA-1,"Data\r\nAnalyst"\r\nA-2,Engineer\r\nA-3,Lead,extra\r\n';
    expect(await linesOf(text)).toEqual({ rows: [2, 4], problems: [5] });
  });

  it('places a row after a quoted LF line break on the line it starts on', async () => {
    const text = 'Code,Title\nA-1,"Data\nAnalyst"\nA-2,Engineer\nA-3,Lead,extra\n';
    expect(await linesOf(text)).toEqual({ rows: [2, 4], problems: [5] });
  });

  it('places a row after empty lines and a quoted CRLF line break on its own line', async () => {
    const text = 'Code,Title\r\n\r\nA-1,"Data\r\n\r\nAnalyst"\r\n\r\nA-2,Engineer\r\n';
    expect(await linesOf(text)).toEqual({ rows: [3, 7], problems: [] });
  });

  it('places a row of a tab-separated file after a quoted CRLF line break', async () => {
    const text = 'Code\tTitle\r\nA-1\t"Data\r\nAnalyst"\r\nA-2\tEngineer\r\n';
    expect(await linesOf(text, 'tsv')).toEqual({ rows: [2, 4], problems: [] });
  });

  it('places a broken quote after a quoted CRLF line break on its own line', async () => {
    const text = 'Code,Title\r\nA-1,"Data\r\nAnalyst"\r\nA-2,"Lead"x\r\n';
    expect((await linesOf(text)).problems).toEqual([4]);
  });

  it('reads a file separated by semicolons, as a spreadsheet saves a CSV where the comma is the decimal mark', async () => {
    const file = await tableFile('Code;Title\r\nA-1;"Data; Analyst"\r\nA-2;Engineer, Lead\r\n');
    const titles: string[] = [];
    for await (const row of readTable(file, { dialect: 'csv', columns }))
      titles.push(row.values.title);
    expect(titles).toEqual(['Data; Analyst', 'Engineer, Lead']);
  });
});
