import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, sqliteCliStore, type CliDatabase } from '../support/cli.js';

describe('rolebook export', () => {
  let database: CliDatabase;
  beforeAll(async () => {
    database = await sqliteCliStore.create();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('writes the pack to stdout for -, and the summary to stderr', async () => {
    const run = await runCli(database.url, ['export', '-']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ format: 'rolebook-pack' });
    expect(run.stderr).toMatch(/^Exported 1 taxonomy, \d+ terms, \d+ roles\n$/);
    expect(existsSync(join(process.cwd(), '-'))).toBe(false);
  });

  it('names the file it cannot write and why, not its temporary file, with exit code 2', async () => {
    const file = join(database.dir, 'missing-folder', 'pack.json');
    const run = await runCli(database.url, ['export', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`rolebook: Cannot write ${file}: its folder does not exist.\n`);
    expect(existsSync(join(database.dir, 'missing-folder'))).toBe(false);
  });

  it('leaves no partial file behind when the file cannot take the pack', async () => {
    const run = await runCli(database.url, ['export', database.dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`rolebook: Cannot write ${database.dir}: it is a folder.\n`);
    expect(existsSync(`${database.dir}.partial`)).toBe(false);
  });
});

describe('rolebook import pack', () => {
  let database: CliDatabase;
  beforeAll(async () => {
    database = await sqliteCliStore.create();
  });
  afterAll(async () => {
    await database.drop();
  });

  interface PackEntry {
    taxonomy?: string;
    code?: string;
    slug?: string;
    skills?: { name: unknown }[];
    [field: string]: unknown;
  }

  /** The store's pack with one entry spoilt, written to a file of its own. */
  const spoiltPack = async (name: string, spoil: (pack: Record<string, PackEntry[]>) => void) => {
    const run = await runCli(database.url, ['export', '-']);
    const pack = JSON.parse(run.stdout) as Record<string, PackEntry[]>;
    spoil(pack);
    const file = join(database.dir, name);
    await writeFile(file, JSON.stringify(pack));
    return file;
  };

  it('names the file, the role by its code and place, and the field of a role at fault', async () => {
    let role: PackEntry | undefined;
    let at = -1;
    const file = await spoiltPack('bad-role.json', (pack) => {
      at = pack.roles!.findIndex((r) => (r.skills?.length ?? 0) > 0);
      role = pack.roles![at];
      role!.skills![0]!.name = 123;
    });
    const run = await runCli(database.url, ['import', 'pack', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `rolebook: ${file}: role ${role!.taxonomy}/${role!.code} (roles[${at}]): skills[0].name must be text\n`,
    );
  });

  it('names the file, line and column where a pack that is not JSON goes wrong', async () => {
    const file = join(database.dir, 'truncated.json');
    await writeFile(file, '{\n  "format": "rolebook-pack",\n  "roles": [\n');
    const run = await runCli(database.url, ['import', 'pack', file]);
    expect(run.code).toBe(7);
    expect(run.stderr).toBe(
      `rolebook: ${file} is not valid JSON at line 4, column 1: Unexpected end of JSON input.\n  ${file}:4:1: Unexpected end of JSON input\n`,
    );
  });

  it('names a term at fault by its slug and place', async () => {
    let slug = '';
    const file = await spoiltPack('bad-term.json', (pack) => {
      const term = pack.terms![1]!;
      slug = term.slug!;
      term.name = 5;
    });
    const run = await runCli(database.url, ['import', 'pack', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^rolebook: .*: term ${slug} \\(terms\\[1\\]\\): name `));
  });
});
