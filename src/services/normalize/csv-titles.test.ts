import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TitleIndex } from '../../matching/index.js';
import {
  type CsvTitles,
  normalizeCsv,
  openCsvTitles,
  resultColumnsFor,
  titleListTable,
} from './csv-titles.js';

describe('the result columns added to a CSV', () => {
  it('are named plainly when no input column has their names', () => {
    expect(resultColumnsFor(['id', 'Job Title']).slice(0, 3)).toEqual(['code', 'name', 'score']);
  });

  it('are all prefixed with rolebook_ when one would share an input column’s name, case aside', () => {
    const columns = resultColumnsFor(['Title', 'Code']);
    expect(columns.slice(0, 3)).toEqual(['rolebook_code', 'rolebook_name', 'rolebook_score']);
    expect(columns.every((name) => name.startsWith('rolebook_'))).toBe(true);
  });

  it('take a numbered prefix when the input is an earlier output with its rolebook_ columns', () => {
    const earlier = ['Title', 'code', ...resultColumnsFor(['Title', 'code'])];
    expect(resultColumnsFor(earlier).slice(0, 2)).toEqual(['rolebook2_code', 'rolebook2_name']);
  });
});

const index = TitleIndex.build([
  { taxonomy: 'rolebook', code: 'qa-engineer', name: 'QA Engineer', titles: ['Test Engineer'] },
]);

/** The CSV written for an opened table, whole. */
const written = async (table: CsvTitles): Promise<string> => {
  let out = '';
  for await (const part of normalizeCsv(index, table, {})) out += part;
  return out;
};

const upload = (csv: string, column?: string) => openCsvTitles(Readable.from([csv]), column);

describe('the CSV written for a table of titles', () => {
  it("keeps each row's own cells and adds the first match after them", async () => {
    const [header, row] = (await written(await upload('id,Job Title\nR-1,Test Engineer\n'))).split(
      '\n',
    );
    expect(header).toBe(
      'id,Job Title,code,name,score,matched_title,taxonomy,seniority,level,work_mode,location,team,technologies,shift,contract,error',
    );
    expect(row).toMatch(
      /^R-1,Test Engineer,qa-engineer,QA Engineer,[\d.]+,Test Engineer,rolebook,/,
    );
  });

  it('names every added column rolebook_ when one would clash with an input column', async () => {
    const [header] = (await written(await upload('Title,NAME\nTest Engineer,x\n'))).split('\n');
    expect(header).toMatch(/^Title,NAME,rolebook_code,rolebook_name,rolebook_score,/);
  });

  it('writes a list of titles as a file with the one column title', async () => {
    const lines = (await written(titleListTable(['Test Engineer']))).split('\n');
    expect(lines[0]).toMatch(/^title,code,name,/);
    expect(lines[1]).toMatch(/^Test Engineer,qa-engineer,/);
  });

  it('defuses a cell a spreadsheet would run as a formula', async () => {
    const lines = (await written(await upload('title\n=HYPERLINK("x")\n'))).split('\n');
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""x""\)",/);
  });

  it('reads a semicolon-separated export, as Excel saves one in many locales, and answers in kind', async () => {
    const lines = (
      await written(await upload('\ufeffJob Title;Dept\r\nTest Engineer;QA\r\n'))
    ).split('\n');
    expect(lines[0]).toMatch(/^Job Title;Dept;code;name;score;/);
    expect(lines[1]).toMatch(/^Test Engineer;QA;qa-engineer;QA Engineer;/);
  });

  it('reads a tab-separated export and answers in kind', async () => {
    const lines = (await written(await upload('id\tTitle\nR-1\tTest Engineer\n'))).split('\n');
    expect(lines[1]).toMatch(/^R-1\tTest Engineer\tqa-engineer\tQA Engineer\t/);
  });

  it('quotes a cell that holds the separator it answers with', async () => {
    const lines = (await written(await upload('Title;Notes\nTest Engineer;"a;b"\n'))).split('\n');
    expect(lines[1]).toMatch(/^Test Engineer;"a;b";qa-engineer;/);
  });

  it('takes the comma when the header has more commas than semicolons, whatever the cells hold', async () => {
    const lines = (await written(await upload('Title,Notes\nTest Engineer,a;b\n'))).split('\n');
    expect(lines[1]).toMatch(/^Test Engineer,a;b,qa-engineer,/);
  });

  it('reads a row on each line whatever its line ends with, CRLF, LF or CR mixed in one file', async () => {
    const input = new PassThrough();
    // The CRLF after the first row arrives split across two parts of the upload.
    input.write('title\r\nTest Engineer\r');
    input.end('\nTest Engineer\nTest Engineer\rTest Engineer\r\n');
    const lines = (await written(await openCsvTitles(input, undefined))).trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.slice(1).every((line) => line.startsWith('Test Engineer,qa-engineer,'))).toBe(
      true,
    );
  });

  it('ends with a row saying why when the upload fails after some rows', async () => {
    const input = new PassThrough();
    input.write(`title\n${'Test Engineer\n'.repeat(8)}`);
    const table = await openCsvTitles(input, undefined);
    input.destroy(new Error('the connection was lost'));
    const lines = (await written(table)).trimEnd().split('\n');
    expect(lines.slice(1, -1).every((line) => line.includes('qa-engineer'))).toBe(true);
    expect(lines.at(-1)).toMatch(/the CSV stops parsing here: the connection was lost$/);
  });

  it('blames the upload, not the column option, for a CSV with no header row', async () => {
    await expect(upload('')).rejects.toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'body', message: 'the CSV upload is empty: a CSV needs a header row' }],
    });
  });

  it('refuses a file where no header names job titles before writing anything', async () => {
    await expect(upload('Test Engineer,x\nQA,y\n')).rejects.toThrow(
      /no column header of the CSV names job titles.*its columns are "Test Engineer", "x"$/,
    );
  });
});

describe('the title column of a CSV', () => {
  it('refuses a header that names titles twice, naming both positions and the column option', async () => {
    const refusal = upload('Title,Title\nA,B\n');
    await expect(refusal).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(refusal).rejects.toThrow(/columns 1 and 2 .*"Title".*column option.*1 or 2/);
  });

  it('refuses a column named by a header that heads two columns, case aside', async () => {
    await expect(upload('id,Title,title\n1,A,B\n', 'TITLE')).rejects.toThrow(/columns 2 and 3/);
  });

  it('reads the column at the position named, when no header is named so', async () => {
    expect((await upload('Title,Title\nA,B\n', '2')).titleAt).toBe(1);
  });

  it('reads a column headed with a number by its header before its position', async () => {
    expect((await upload('2,Title\nA,B\n', '2')).titleAt).toBe(0);
  });

  it('reads the first title column when the title columns are headed differently', async () => {
    expect((await upload('ref,Job Title,Title\n1,A,B\n')).titleAt).toBe(1);
  });
});

describe('a title line above the header of a CSV', () => {
  it('is skipped, and the header below it read', async () => {
    const table = await upload('Open roles Q3\nTitle,Location\nTest Engineer,Leeds\n');
    expect([table.header, table.skipped]).toEqual([['Title', 'Location'], ['Open roles Q3']]);
  });

  it('is skipped with the blank line under it when the column is named', async () => {
    const table = await upload('Open roles Q3\n\nReq,Posting\n1,Test Engineer\n', 'posting');
    expect([table.header, table.titleAt, table.skipped]).toEqual([
      ['Req', 'Posting'],
      1,
      ['Open roles Q3', ''],
    ]);
  });

  it('leaves the rows below the header as they were, answered in the header’s separator', async () => {
    const lines = (
      await written(await upload('Open roles Q3\nTitle;Grade\nTest Engineer;G7\n'))
    ).split('\n');
    expect(lines[0]).toMatch(/^Title;Grade;code;/);
    expect(lines[1]).toMatch(/^Test Engineer;G7;qa-engineer;/);
  });

  it('counts in the line numbers of rows that cannot be read', async () => {
    const lines = (await written(await upload('Open roles Q3\nTitle\n"never closed\n'))).split(
      '\n',
    );
    expect(lines[1]).toMatch(/the CSV stops parsing at line 3|line 3 cannot be read/);
  });

  it('is not skipped when it holds two cells, as a row of data does', async () => {
    await expect(upload('Open roles,Q3\nTitle,Location\nTest Engineer,Leeds\n')).rejects.toThrow(
      /no column header of the CSV names job titles/,
    );
  });

  it('is quoted with the lines under it, not called the columns, when no header is found', async () => {
    await expect(upload('Open roles Q3\nFunctie,Afdeling\nTester,QA\n')).rejects.toThrow(
      /its first lines hold "Open roles Q3", "Functie,Afdeling", "Tester,QA"$/,
    );
  });

  it('is quoted with the lines under it when the column named is not found', async () => {
    await expect(upload('Open roles Q3\nFunctie,Afdeling\n', 'Titel')).rejects.toThrow(
      /no "Titel" column; its first lines hold "Open roles Q3", "Functie,Afdeling"$/,
    );
  });

  it('is looked for only in the first few lines', async () => {
    const above = 'Open roles\n'.repeat(6);
    await expect(upload(`${above}Title\nTest Engineer\n`)).rejects.toThrow(
      /no column header of the CSV names job titles/,
    );
  });
});
