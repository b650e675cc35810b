import { describe, expect, it } from 'vitest';
import {
  bulkRow,
  bulkRowsOfTable,
  titlesOfList,
  titlesOfTable,
  titleTableOf,
} from './bulk-titles.js';

const csv = 'id,Job Title\n1,Sr. Backend Eng\n2,"Frontend Developer, React"\n3,\n';

describe('reading titles from a form', () => {
  it('reads one title a line, leaving out blank lines', () => {
    expect(titlesOfList(' Data Engineer \r\n\r\nQA Lead\n')).toEqual(['Data Engineer', 'QA Lead']);
  });

  it('reads a CSV column named by its header in any case, a row without a title kept', async () => {
    expect(titlesOfTable(await titleTableOf(csv, 'job title'))).toEqual([
      'Sr. Backend Eng',
      'Frontend Developer, React',
      '',
    ]);
  });

  it("keeps every cell of the rows it reads, under the file's own headers", async () => {
    expect(await titleTableOf(csv, 'job title')).toEqual({
      columns: ['id', 'Job Title'],
      rows: [
        { cells: ['1', 'Sr. Backend Eng'] },
        { cells: ['2', 'Frontend Developer, React'] },
        { cells: ['3', ''] },
      ],
      titleAt: 1,
      skipped: [],
    });
  });

  it('reads the column whose header names job titles when no column is chosen', async () => {
    const table = await titleTableOf('id,Position,city\n1,QA Lead,Oslo\n', undefined);
    expect(titlesOfTable(table)).toEqual(['QA Lead']);
  });

  it('refuses a file where no header names job titles and no column is chosen', async () => {
    await expect(titleTableOf('Data Engineer,x\nQA Lead,y\n', undefined)).rejects.toThrow(
      /no column header of the CSV names job titles/,
    );
  });

  it('reads a quote inside an unquoted field literally, the row kept whole', async () => {
    const table = await titleTableOf(
      'id,Job Title,notes\n1,Tech "lead",y\n2,java dev,z\n',
      undefined,
    );
    expect(table.rows).toEqual([
      { cells: ['1', 'Tech "lead"', 'y'] },
      { cells: ['2', 'java dev', 'z'] },
    ]);
  });

  it('keeps a row whose quote never closes in its place, naming its line', async () => {
    const table = await titleTableOf('id,title\n1,QA Lead\n2,"never closed\n3,x\n', undefined);
    expect(table.rows).toEqual([
      { cells: ['1', 'QA Lead'] },
      { problem: expect.stringMatching(/^line 3 cannot be read/) as string, ends: false },
    ]);
  });

  it('names the columns there are when the one asked for is missing', async () => {
    await expect(titleTableOf(csv, 'role')).rejects.toThrow(/its columns are "id", "Job Title"/);
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

  it('keeps the technology that reached a role when no title of it matched', () => {
    const best = { ...matched.matches[0]!, matchedTechnology: 'Splunk' };
    expect(bulkRow({ ...matched, matches: [best] }).role?.matchedTechnology).toBe('Splunk');
  });

  it('shows qualifiers the normalizer adds later, whatever their shape', () => {
    const row = bulkRow({ ...matched, qualifiers: { contract: true, shift: 'night' } } as never);
    expect(row.qualifiers).toContain('Qualifiers: Shift: night');
  });

  it('answers each table row in its place, a row that could not be read with why', () => {
    const table = {
      columns: ['id', 'title'],
      rows: [
        { problem: 'line 2 cannot be read: Quote Not Closed', ends: false },
        { cells: ['2', 'Sr. Backend Eng (remote)'] },
      ],
      titleAt: 1,
      skipped: [],
    };
    const rows = bulkRowsOfTable(table, [matched]);
    expect(rows.map((r) => [r.error, r.cells])).toEqual([
      ['line 2 cannot be read: Quote Not Closed', undefined],
      [undefined, ['2', 'Sr. Backend Eng (remote)']],
    ]);
  });
});
