import { describe, expect, it } from 'vitest';
import { textFiles } from '../release/text-file.fixture.js';
import { openRoleSheet } from './role-sheet.js';

const sheetFile = textFiles('roles.csv');

const open = async (text: string) =>
  openRoleSheet(await sheetFile(text), { taxonomy: { id: 'acme', name: 'Acme' } });

describe('openRoleSheet', () => {
  it('places a bad row on its own line past a quoted CRLF line break and empty lines', async () => {
    const text = 'Code,Title\r\nA-1,Engineer\r\n\r\nA-2,"Data\r\nAnalyst"\r\nA-1,Lead\r\n';
    await expect(open(text)).rejects.toThrow(/:6 Code: repeats line 2 \(A-1\)/);
  });

  it('splits other titles on semicolons and bars, without the role title or repeats', async () => {
    const release = await open('Code,Title,Aliases\nA-1,Engineer,Dev; engineer | Coder; dev\n');
    const titles: string[][] = [];
    for await (const role of release.roles()) titles.push(role.content.alternativeTitles);
    expect(titles[0]).toEqual(['Dev', 'Coder']);
  });

  it('reads a sheet that starts with a byte order mark', async () => {
    const release = await open('\uFEFFJob Code,Job Title\nA-1,Engineer\n');
    expect(release.total).toBe(1);
  });

  it('reads a sheet whose cells are separated by semicolons, as a European spreadsheet saves it', async () => {
    const release = await open(
      'Job Code;Job Title;Aliases\nFIN-07;Boekhouder;"Accountant; Bookkeeper"\n',
    );
    const roles = [];
    for await (const role of release.roles()) roles.push(role);
    expect(roles.map((r) => [r.code, r.content.name, r.content.alternativeTitles])).toEqual([
      ['FIN-07', 'Boekhouder', ['Accountant', 'Bookkeeper']],
    ]);
  });

  it('reads a sheet whose cells are separated by tabs', async () => {
    const release = await open('Job Code\tJob Title\nOPS-3\tWarehouse Lead, Nights\n');
    const names = [];
    for await (const role of release.roles()) names.push(role.content.name);
    expect(names).toEqual(['Warehouse Lead, Nights']);
  });

  it('names headers for the missing code column only, not for the title it has', async () => {
    const refusal = open('Title,Department\nEngineer,Platform\n');
    await expect(refusal).rejects.toThrow(
      'no column for a job code (such as "Job Code", "ID" or "Code"); found "Title", "Department"',
    );
  });

  it('says in a note which separator it read when it is not the comma', async () => {
    const release = await open('Job Code;Job Title\nHR-1;Recruiter\n');
    expect(release.notes.map((n) => n.message)).toEqual([
      'the cells are read as separated by semicolons, as in the header row',
    ]);
  });
});
