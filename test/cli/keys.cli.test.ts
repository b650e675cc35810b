import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, sqliteCliStore, type CliDatabase } from '../support/cli.js';

describe('rolebook keys create --expires', () => {
  let database: CliDatabase;
  beforeAll(async () => {
    database = await sqliteCliStore.create();
  });
  afterAll(async () => {
    await database.drop();
  });

  const create = (name: string, expires: string) =>
    runCli(database.url, [
      'keys',
      'create',
      '--name',
      name,
      '--scope',
      'read',
      '--expires',
      expires,
    ]);

  it.each([
    ['a day its month does not have', '2099-02-30T00:00:00Z'],
    ['text that is no date-time', 'tomorrow'],
    ['a year of more than four digits', '+275760-09-13T00:00:00Z'],
  ])('refuses %s as the API does, creating no key', async (_, expires) => {
    const run = await create('refused', expires);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `--expires takes an RFC 3339 date-time, such as 2027-01-31T00:00:00Z; "${expires}" is not one.`,
    );
    expect((await runCli(database.url, ['keys', 'list'])).stdout).not.toContain('refused');
  });

  it('keeps the moment given as the expiry', async () => {
    const run = await create('kept', '2099-02-28T12:30:00Z');
    expect(run.code, run.stderr).toBe(0);
    expect((await runCli(database.url, ['keys', 'list'])).stdout).toMatch(
      /kept.*expires 2099-02-28T12:30:00\.000Z/,
    );
  });
});
