import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTable } from '../release/index.js';
import { occupationTable } from './onet-tables.js';

/** `expect.stringContaining`, typed so it can stand for a string field. */
const containing = (text: string) => expect.stringContaining(text) as string;

const bad = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/onet/bad/${name}`, import.meta.url));

const readAll = async (file: string) => {
  const items = [];
  for await (const row of readTable(file, occupationTable.spec)) {
    items.push(occupationTable.item(row));
  }
  return items;
};

describe('O*NET file checks', () => {
  it('refuses a header row that lacks an expected column, naming it', async () => {
    const file = bad('wrong-header.txt');
    await expect(readAll(file)).rejects.toMatchObject({
      code: 'import_failed',
      details: [{ file, line: 1, message: containing('"Title"') }],
    });
  });

  it('refuses a file whose first line is data instead of the header', async () => {
    const file = bad('no-header.txt');
    await expect(readAll(file)).rejects.toMatchObject({
      code: 'import_failed',
      details: [{ file, line: 1, message: containing('not the expected header') }],
    });
  });

  it('says when a file is comma-separated instead of tab-separated', async () => {
    const file = bad('comma-separated.txt');
    await expect(readAll(file)).rejects.toMatchObject({
      details: [{ file, line: 1, message: containing('looks comma-separated') }],
    });
  });

  it('refuses bytes that are not UTF-8, naming line and character', async () => {
    const file = bad('latin1.txt');
    await expect(readAll(file)).rejects.toMatchObject({
      code: 'import_failed',
      details: [{ file, line: 3, column: 38, message: containing('UTF-8') }],
    });
  });

  it('refuses a row with fewer fields than the header', async () => {
    const file = bad('short-row.txt');
    await expect(readAll(file)).rejects.toMatchObject({
      code: 'import_failed',
      details: [{ file, line: 3, column: 3, message: containing('2 field(s)') }],
    });
  });

  it('refuses an over-long value, naming its column', async () => {
    const file = bad('long-title.txt');
    await expect(readAll(file)).rejects.toMatchObject({
      code: 'import_failed',
      details: [{ file, line: 2, column: 2, message: containing('"Title"') }],
    });
  });

  it('refuses a bidirectional override in a value, naming its line and column', async () => {
    const file = bad('bidi-title.txt');
    await expect(readAll(file)).rejects.toMatchObject({
      code: 'import_failed',
      details: [
        {
          file,
          line: 2,
          column: 2,
          message: containing(
            '"Title": the value contains a bidirectional control character (U+202E)',
          ),
        },
      ],
    });
  });

  it('refuses a NUL in a value, naming its line and column', async () => {
    const file = bad('nul-title.txt');
    await expect(readAll(file)).rejects.toMatchObject({
      code: 'import_failed',
      details: [{ file, line: 2, column: 2, message: containing('control character (U+0000)') }],
    });
  });

  it('refuses a value that is not an O*NET-SOC code', async () => {
    const file = bad('bad-code.txt');
    await expect(readAll(file)).rejects.toMatchObject({
      details: [{ file, line: 2, column: 1, message: containing('15-1252') }],
    });
  });

  it('refuses an empty file', async () => {
    const file = bad('empty.txt');
    await expect(readAll(file)).rejects.toMatchObject({
      details: [{ file, line: 1, message: containing('empty') }],
    });
  });

  it('refuses a file that does not exist', async () => {
    const file = bad('absent.txt');
    await expect(readAll(file)).rejects.toMatchObject({
      code: 'import_failed',
      details: [{ file, message: 'the file does not exist' }],
    });
  });
});
