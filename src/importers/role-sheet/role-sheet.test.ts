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
});
