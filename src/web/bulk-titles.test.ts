import { describe, expect, it } from 'vitest';
import {
  bulkCsv,
  bulkRow,
  tableCsv,
  titlesOfList,
  titlesOfTable,
  titleTableOf,
} from './bulk-titles.js';

const csv = 'id,Job Title\n1,Sr. Backend Eng\n2,"Frontend Developer, React"\n3,\n';

describe('reading titles from a form', () => {
  it('reads one title a line, leaving out blank lines', () => {
    expect(titlesOfList(' Data Engineer \r\n\r\nQA Lead\n')).toEqual(['Data Engineer', 'QA Lead']);
  });

  it('reads a CSV column named by its header in any case, skipping empty cells', () => {
    expect(titlesOfTable(titleTableOf(csv, 'job title'))).toEqual([
      'Sr. Backend Eng',
      'Frontend Developer, React',
    ]);
  });

  it("keeps every cell of the rows it reads, under the file's own headers", () => {
    expect(titleTableOf(csv, 'job title')).toEqual({
      columns: ['id', 'Job Title'],
      rows: [
        ['1', 'Sr. Backend Eng'],
        ['2', 'Frontend Developer, React'],
      ],
      titleAt: 1,
    });
  });

  it('reads a CSV column by its number, header row included, under numbered columns', () => {
    const table = titleTableOf(csv, '1');
    expect(titlesOfTable(table)).toEqual(['id', '1', '2', '3']);
    expect(table.columns).toEqual(['Column 1', 'Column 2']);
  });

  it('reads the column whose header names job titles when no column is chosen', () => {
    expect(titlesOfTable(titleTableOf('id,Position,city\n1,QA Lead,Oslo\n', undefined))).toEqual([
      'QA Lead',
    ]);
  });

  it('reads every row of the first column when no column is chosen and no header names titles', () => {
    expect(titlesOfTable(titleTableOf('Data Engineer,x\nQA Lead,y\n', undefined))).toEqual([
      'Data Engineer',
      'QA Lead',
    ]);
  });

  it('writes a table back as CSV that reads as the same table by its title column', () => {
    const table = titleTableOf('Data Engineer,"x, y"\nQA Lead,z\n', undefined);
    const again = titleTableOf(tableCsv(table), table.columns[table.titleAt]);
    expect(again).toEqual(table);
  });

  it('names the columns there are when the one asked for is missing', () => {
    expect(() => titleTableOf(csv, 'role')).toThrow(/its columns are 1 “id”, 2 “Job Title”/);
  });
});

describe('a normalized title as a row', () => {
  const matched = {
    input: 'Sr. Backend Eng (remote)',
    matches: [
      {
        taxonomy: 'rolebook',
        code: 'backend-developer',
        name: 'Backend Developer',
        score: 0.62,
        matchedTitle: 'Backend Engineer',
      },
    ],
    seniority: 'senior',
    workMode: 'remote',
    noise: [],
    core: 'backend eng',
  };

  it('flags a best match below the confidence threshold and lists the qualifiers', () => {
    const row = bulkRow(matched);
    expect(row.lowConfidence).toBe(true);
    expect(row.qualifiers).toEqual(['Work mode: remote']);
    expect(row.role?.matchedTitle).toBe('Backend Engineer');
  });

  it('shows qualifiers the normalizer adds later, whatever their shape', () => {
    const row = bulkRow({ ...matched, qualifiers: { contract: true, shift: 'night' } } as never);
    expect(row.qualifiers).toContain('Qualifiers: Shift: night');
  });

  it('writes CSV with quoting, and defuses a cell a spreadsheet would run as a formula', () => {
    const text = bulkCsv([
      bulkRow(matched),
      bulkRow({ input: '=HYPERLINK("x")', error: { code: 'validation_failed', message: 'bad' } }),
    ]);
    const lines = text.split('\r\n');
    expect(lines[1]).toBe(
      'Sr. Backend Eng (remote),rolebook,backend-developer,Backend Developer,0.62,Backend Engineer,senior,Work mode: remote,check',
    );
    expect(lines[2]).toBe(`"'=HYPERLINK(""x"")",,,bad,,,,,check`);
  });

  it("writes the input row's own columns first when the titles came from a CSV file", () => {
    const lines = bulkCsv(
      [{ ...bulkRow(matched), cells: ['R-1', 'Sr. Backend Eng (remote)'] }],
      ['req', 'Job Title'],
    ).split('\r\n');
    expect(lines[0]).toBe(
      'req,Job Title,taxonomy,code,role,score,matched_title,seniority,qualifiers,check',
    );
    expect(lines[1]).toMatch(/^R-1,Sr\. Backend Eng \(remote\),rolebook,backend-developer,/);
  });
});
