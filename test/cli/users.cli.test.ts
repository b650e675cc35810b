import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliStores, runCli, type CliDatabase, onOneStore } from '../support/cli.js';

describe.each(cliStores)('rolebook users on $name', (store) => {
  const itOnOneStore = onOneStore(store);
  let database: CliDatabase;
  const users = (args: string[], stdin?: string) =>
    runCli(database.url, ['users', ...args], stdin !== undefined ? { stdin } : {});

  beforeAll(async () => {
    database = await store.create();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('creates a user with the password given on standard input, and prints no password', async () => {
    const run = await users(
      ['create', '--name', 'Ada', '--role', 'editor', '--password-stdin'],
      'a passphrase from stdin\n',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('Created editor ada.\n');
    expect(run.stdout).toBe('');
  });

  itOnOneStore('makes a password and shows it once when none is given', async () => {
    const run = await users(['create', '--name', 'bob', '--role', 'viewer']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^[\w-]{24}\n$/);
  });

  itOnOneStore('says what it did on stderr, so stdout holds the made password alone', async () => {
    const run = await users(['create', '--name', 'cy', '--role', 'viewer']);
    expect(run.stderr).toBe('Created viewer cy.\nTheir password, shown once:\n');
    expect(run.stdout.split('\n')).toHaveLength(2);
  });

  itOnOneStore('lists users with their role and state', async () => {
    const run = await users(['list']);
    expect(run.stdout).toMatch(/^ada {2}editor {2}active {2}created /m);
    expect(run.stdout).toMatch(/^bob {2}viewer {2}active/m);
  });

  itOnOneStore('changes a role and disables a user', async () => {
    expect((await users(['set-role', 'bob', 'admin'])).stdout).toBe('bob is now admin\n');
    expect((await users(['disable', 'ada'])).code).toBe(0);
    const list = (await users(['list'])).stdout;
    expect(list).toMatch(/^ada {2}editor {2}disabled /m);
    expect(list).toMatch(/^bob {2}admin {2}active/m);
  });

  itOnOneStore('re-enables a disabled user with the role they had', async () => {
    expect((await users(['enable', 'ada'])).stdout).toBe('Enabled ada\n');
    expect((await users(['list'])).stdout).toMatch(/^ada {2}editor {2}active/m);
  });

  itOnOneStore(
    'refuses to demote or disable the last enabled admin, with exit code 5',
    async () => {
      const demote = await users(['set-role', 'bob', 'viewer']);
      expect(demote.code, demote.stderr).toBe(5);
      expect(demote.stderr).toContain('bob is the last enabled admin');
      expect((await users(['disable', 'bob'])).code).toBe(5);
      expect((await users(['list'])).stdout).toMatch(/^bob {2}admin {2}active/m);
    },
  );

  itOnOneStore('signs a user out everywhere, saying how many sessions ended', async () => {
    expect((await users(['sign-out', 'ada'])).stdout).toBe('Ended 0 session(s) of ada\n');
  });

  itOnOneStore('refuses an unknown role with exit code 2 naming the field', async () => {
    const run = await users(['create', '--name', 'cy', '--role', 'owner']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('role: "owner" is not a role');
  });

  itOnOneStore('refuses a second user of the same name with exit code 5', async () => {
    const run = await users(
      ['create', '--name', 'ADA', '--role', 'viewer', '--password-stdin'],
      'another passphrase\n',
    );
    expect(run.code, run.stderr).toBe(5);
    expect(run.stderr).toContain('There is already a user named ada.');
  });

  itOnOneStore('answers not_found with exit code 4 for a user that does not exist', async () => {
    expect((await users(['disable', 'nobody'])).code).toBe(4);
  });
});
