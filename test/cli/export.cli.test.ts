import { existsSync } from 'node:fs';
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

  it('names the file it cannot write, with exit code 2, and leaves nothing behind', async () => {
    const file = join(database.dir, 'missing-folder', 'pack.json');
    const run = await runCli(database.url, ['export', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`rolebook: Cannot write ${file}: ENOENT`);
    expect(run.stderr).not.toContain('unexpected error');
    expect(existsSync(join(database.dir, 'missing-folder'))).toBe(false);
  });
});
