import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRole, openRolebook, systemActor } from '../../src/services/index.js';
import { finished, runCli, sqliteCliStore, startCli, type CliDatabase } from '../support/cli.js';
import { guideSections } from '../support/guides.js';
import { fixtureContentDir } from '../support/stores.js';

interface Line {
  input: string;
  matches?: { code: string }[];
  error?: { code: string };
  seniority?: string;
}

const parseLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);

describe('rolebook normalize', () => {
  let database: CliDatabase;
  beforeAll(async () => {
    database = await sqliteCliStore.create();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('writes one JSON line per input line, in input order', async () => {
    const titles = Array.from({ length: 5_000 }, (_, i) =>
      i % 2 ? `SQL Writer ${i}` : `Senior API Engineer #${i}`,
    );
    const { code, stdout } = await runCli(
      database.url,
      ['normalize', '--top', '1', '--workers', '2'],
      { stdin: `${titles.join('\n')}\n` },
    );
    expect(code).toBe(0);
    const lines = parseLines(stdout);
    expect(lines.map((l) => l.input)).toEqual(titles);
    expect(lines[0]?.matches?.[0]?.code).toBe('api-builder');
    expect(lines[1]?.matches?.[0]?.code).toBe('query-writer');
  });

  it('answers a title a batch repeats with the line it gets when asked alone', async () => {
    const repeated = ['Senior API Engineer', 'SQL Writer (Remote)', 'sql writer'];
    const titles = Array.from({ length: 5_000 }, (_, i) => repeated[i % 3] as string);
    const batch = await runCli(database.url, ['normalize', '--workers', '2'], {
      stdin: `${titles.join('\n')}\n`,
    });
    const alone = await runCli(database.url, ['normalize', ...repeated]);
    const aloneLines = alone.stdout.trim().split('\n');
    expect(batch.stdout.trim().split('\n')).toEqual(titles.map((_, i) => aloneLines[i % 3]));
  });

  it('leaves quietly with exit code 0 when its reader stops reading early', async () => {
    const titles = Array.from({ length: 20_000 }, (_, i) => `backend engineer ${i}`).join('\n');
    const child = startCli(database.url, ['normalize'], { stdin: titles });
    // What `| head -n 1` does: read a little, then close the pipe.
    child.stdout!.once('data', () => child.stdout!.destroy());
    const run = await finished(child);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it.each([
    [['--top', '0'], '--top must be 1 or more'],
    [['--top', 'abc'], '--top must be a whole number'],
    [['--min-score', '5'], '--min-score must be 1 or less'],
    [['--workers', '1000'], '--workers must be 8 or less'],
  ])('refuses %j as the API refuses it, naming the flag, with exit code 2', async (flags, said) => {
    const run = await runCli(database.url, ['normalize', ...flags], {
      stdin: 'backend engineer\n',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`rolebook: ${said}\n`);
    expect(run.stdout).toBe('');
  });

  it('reports an unreadable title on its own line and goes on', async () => {
    const { code, stdout } = await runCli(database.url, ['normalize'], {
      stdin: 'API Engineer\n   \nSQL Writer\n',
    });
    expect(code).toBe(0);
    expect(parseLines(stdout).map((l) => l.error?.code ?? l.matches?.[0]?.code)).toEqual([
      'api-builder',
      'validation_failed',
      'query-writer',
    ]);
  });

  it('reads titles from a file', async () => {
    const file = join(database.dir, 'titles.txt');
    await writeFile(file, 'Lead SQL Writer\n');
    const { stdout } = await runCli(database.url, ['normalize', '--file', file]);
    expect(parseLines(stdout)[0]).toMatchObject({
      seniority: 'lead',
      matches: [{ code: 'query-writer' }],
    });
  });

  it('normalizes the titles given as arguments, one line each, in order', async () => {
    const { code, stdout } = await runCli(database.url, [
      'normalize',
      'Lead SQL Writer',
      'API Engineer',
    ]);
    expect(code).toBe(0);
    expect(parseLines(stdout).map((line) => line.matches?.[0]?.code)).toEqual([
      'query-writer',
      'api-builder',
    ]);
  });

  it('refuses titles given as arguments together with --file, with exit code 2', async () => {
    const { code, stderr } = await runCli(database.url, [
      'normalize',
      '--file',
      'titles.txt',
      'API Engineer',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('not both');
  });

  it('names an unknown --format before any other rule, even with titles as arguments', async () => {
    const { code, stderr } = await runCli(database.url, [
      'normalize',
      '--format',
      'json',
      'API Engineer',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('--format must be one of ndjson, csv, not "json"');
  });

  it('fails with one clear line when the file is missing', async () => {
    const { code, stderr } = await runCli(database.url, [
      'normalize',
      '--file',
      '/nonexistent/titles.txt',
    ]);
    expect(code).not.toBe(0);
    expect(stderr).toBe('rolebook: Cannot read /nonexistent/titles.txt: it does not exist.\n');
  });

  it('says standard input is empty when --format csv reads nothing, not that an upload is', async () => {
    const { code, stderr } = await runCli(database.url, ['normalize', '--format', 'csv'], {
      stdin: '',
    });
    expect(code).toBe(2);
    expect(stderr).toBe('rolebook: standard input is empty: a CSV needs a header row\n');
  });

  it('refuses with exit 2 a CSV whose title header heads two columns, then reads the one --column picks by position', async () => {
    const stdin = 'Title,Title\nnotes,SQL Writer\n';
    const refused = await runCli(database.url, ['normalize', '--format', 'csv'], { stdin });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('columns 1 and 2 of the CSV are all headed "Title"');
    expect(refused.stderr).toContain('--column');
    const chosen = await runCli(database.url, ['normalize', '--format', 'csv', '--column', '2'], {
      stdin,
    });
    expect(chosen.code, chosen.stderr).toBe(0);
    const [header, row]: string[][] = parse(chosen.stdout);
    expect(row?.[header!.indexOf('code')]).toBe('query-writer');
  });

  it('names the empty file --format csv was given', async () => {
    const file = join(database.dir, 'empty.csv');
    await writeFile(file, '');
    const { code, stderr } = await runCli(database.url, [
      'normalize',
      '--format',
      'csv',
      '--file',
      file,
    ]);
    expect(code).toBe(2);
    expect(stderr).toBe(`rolebook: ${file} is empty: a CSV needs a header row\n`);
  });

  it('writes CSV rows with result columns for --format csv, reading the chosen column', async () => {
    const { code, stdout } = await runCli(
      database.url,
      ['normalize', '--format', 'csv', '--column', 'Position'],
      { stdin: 'ref,Position\nA1,SQL Writer - Night Shift\nA2,"API Engineer, Payments"\n' },
    );
    expect(code).toBe(0);
    const [header, ...rows]: string[][] = parse(stdout);
    const at = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => [r[0], r[at('code')]])).toEqual([
      ['A1', 'query-writer'],
      ['A2', 'api-builder'],
    ]);
    expect(rows[0]?.[at('shift')]).toBe('night');
    expect(rows[1]?.[at('team')]).toBe('Payments');
  });

  it('reads the column whose header names job titles when none is chosen', async () => {
    const { code, stdout } = await runCli(database.url, ['normalize', '--format', 'csv'], {
      stdin: 'ref,Job Title\nA1,SQL Writer\n',
    });
    expect(code).toBe(0);
    const [header, ...rows]: string[][] = parse(stdout);
    expect(rows[0]?.[header!.indexOf('code')]).toBe('query-writer');
  });

  it('skips a title line above the CSV header and names it on stderr', async () => {
    const { code, stdout, stderr } = await runCli(database.url, ['normalize', '--format', 'csv'], {
      stdin: 'Open roles Q3\nTitle,Grade\nSQL Writer,G7\n',
    });
    expect(code).toBe(0);
    expect(stderr).toBe('stdin: The line above the CSV header was left out: "Open roles Q3".\n');
    const [header, ...rows]: string[][] = parse(stdout);
    expect(rows[0]?.[header!.indexOf('code')]).toBe('query-writer');
  });

  it('prefixes every added column with rolebook_ when one shares a name with an input column', async () => {
    const { code, stdout } = await runCli(database.url, ['normalize', '--format', 'csv'], {
      stdin: 'Title,code\nSQL Writer,1\n',
    });
    expect(code).toBe(0);
    const [header, ...rows]: string[][] = parse(stdout);
    expect(header?.slice(0, 4)).toEqual(['Title', 'code', 'rolebook_code', 'rolebook_name']);
    expect(new Set(header).size).toBe(header?.length);
    expect(rows[0]?.slice(0, 3)).toEqual(['SQL Writer', '1', 'query-writer']);
  });

  it('reads a quote inside an unquoted field literally, one row per input row', async () => {
    const { stdout } = await runCli(database.url, ['normalize', '--format', 'csv'], {
      stdin: 'id,Job Title,notes\n1,Tech "lead",y\n2,java dev,z\n',
    });
    const [, ...rows]: string[][] = parse(stdout);
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['1', 'Tech "lead"', 'y'],
      ['2', 'java dev', 'z'],
    ]);
  });

  it('answers a row whose quote never closes with one error row naming its line', async () => {
    const { stdout } = await runCli(database.url, ['normalize', '--format', 'csv'], {
      stdin: 'id,Job Title\n1,SQL Writer\n2,"never closed\n3,SQL Writer\n',
    });
    const [, ...rows]: string[][] = parse(stdout);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.at(-1)).toMatch(/^line 3 cannot be read/);
  });

  it('fails on stderr, naming the line, when a row over the size limit stops the CSV', async () => {
    const { code, stdout, stderr } = await runCli(database.url, ['normalize', '--format', 'csv'], {
      stdin: `id,Job Title\n1,SQL Writer\n2,${'a'.repeat(9_000)}\n3,SQL Writer\n`,
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ {2}stdin: the CSV stops parsing at line 3: Max Record Size/m);
    expect(stdout.trim().split('\n').at(-1)).toMatch(/the CSV stops parsing at line 3/);
  });

  it('fails on stderr, naming the line, when a quote that never closes swallows the rows after it', async () => {
    const { code, stderr } = await runCli(database.url, ['normalize', '--format', 'csv'], {
      stdin: 'id,Job Title\n1,SQL Writer\n2,"never closed\n3,SQL Writer\n',
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ {2}stdin: line 3 cannot be read: Quote Not Closed/m);
  });

  it('fails and names the columns there are when no column is named for titles', async () => {
    const { code, stderr } = await runCli(database.url, ['normalize', '--format', 'csv'], {
      stdin: 'ref,Name\nA1,SQL Writer\n',
    });
    expect(code).not.toBe(0);
    expect(stderr).toContain('"ref", "Name"');
  });

  it('keeps the title index beside the database and answers the same from it', async () => {
    const stdin = 'API Engineer\nSQL Writer - Night Shift\nqury writer\n';
    const first = await runCli(database.url, ['normalize'], { stdin });
    expect(existsSync(`${database.url}.title-index`)).toBe(true);
    const second = await runCli(database.url, ['normalize'], { stdin });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });

  it('fails instead of hanging when its workers cannot load the kept index', async () => {
    const kept = `${database.url}.title-index`;
    await runCli(database.url, ['normalize'], { stdin: 'API Engineer\n' });
    const bytes = await readFile(kept);
    const body = bytes.indexOf(0x0a) + 1;
    // The key still matches; the index after it is cut short, as by a disk that filled up.
    await writeFile(kept, bytes.subarray(0, body + (bytes.length - body) / 2));
    try {
      const titles = Array.from({ length: 3_000 }, (_, i) => `SQL Writer ${i}`);
      const { code, stderr } = await runCli(database.url, ['normalize', '--workers', '2'], {
        stdin: `${titles.join('\n')}\n`,
      });
      expect(code).not.toBe(0);
      expect(stderr).toContain('snapshot');
    } finally {
      await rm(kept, { force: true });
    }
  });

  it('matches a role written after the index was kept', async () => {
    await runCli(database.url, ['normalize'], { stdin: 'API Engineer\n' });
    const rolebook = await openRolebook({ database: database.url, contentDir: fixtureContentDir });
    try {
      await createRole(
        rolebook.ctx,
        systemActor('test-editor'),
        { taxonomy: 'rolebook', code: 'lighthouse-keeper' },
        {
          name: 'Lighthouse Keeper',
          summary: 'Keeps the light.',
          ...guideSections('Lighthouse Keeper'),
          status: 'published',
        },
      );
    } finally {
      await rolebook.close();
    }
    const { stdout } = await runCli(database.url, ['normalize'], { stdin: 'Lighthouse Keeper\n' });
    expect(parseLines(stdout)[0]?.matches?.[0]?.code).toBe('lighthouse-keeper');
  });

  it('fails as not found for a taxonomy that does not exist', async () => {
    const { code, stderr } = await runCli(database.url, ['normalize', '--taxonomy', 'nosuch'], {
      stdin: 'SQL Writer\n',
    });
    expect(code).toBe(4);
    expect(stderr).toContain('nosuch');
  });

  it('names the stored taxonomies when the one asked for does not exist', async () => {
    const { stderr } = await runCli(database.url, ['normalize', '--taxonomy', 'onet'], {
      stdin: 'SQL Writer\n',
    });
    expect(stderr).toContain('Taxonomy onet was not found. Taxonomies here: rolebook.');
  });
});
