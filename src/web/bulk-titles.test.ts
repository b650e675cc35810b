import { describe, expect, it } from 'vitest';
import { bulkCsv, bulkRow, titlesOfCsv, titlesOfList } from './bulk-titles.js';

const csv = 'id,Job Title\n1,Sr. Backend Eng\n2,"Frontend Developer, React"\n3,\n';

describe('reading titles from a form', () => {
  it('reads one title a line, leaving out blank lines', () => {
    expect(titlesOfList(' Data Engineer \r\n\r\nQA Lead\n')).toEqual(['Data Engineer', 'QA Lead']);
  });

  it('reads a CSV column named by its header in any case, skipping empty cells', () => {
    expect(titlesOfCsv(csv, 'job title')).toEqual(['Sr. Backend Eng', 'Frontend Developer, React']);
  });

  it('reads a CSV column by its number, header row included', () => {
    expect(titlesOfCsv(csv, '1')).toEqual(['id', '1', '2', '3']);
  });

  it('reads the column whose header names job titles when no column is chosen', () => {
    expect(titlesOfCsv('id,Position,city\n1,QA Lead,Oslo\n', undefined)).toEqual(['QA Lead']);
  });

  it('reads every row of the first column when no column is chosen and no header names titles', () => {
    expect(titlesOfCsv('Data Engineer,x\nQA Lead,y\n', undefined)).toEqual([
      'Data Engineer',
      'QA Lead',
    ]);
  });

  it('names the columns there are when the one asked for is missing', () => {
    expect(() => titlesOfCsv(csv, 'role')).toThrow(/its columns are 1 “id”, 2 “Job Title”/);
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
});
