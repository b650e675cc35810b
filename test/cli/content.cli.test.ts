import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getRole, openRolebook, systemActor, updateRole } from '../../src/services/index.js';
import { cliStores, databasesPerTest, runCli } from '../support/cli.js';
import { fixtureContentDir } from '../support/stores.js';

const queryWriter = { taxonomy: 'rolebook', code: 'query-writer' };

describe.each(cliStores)('rolebook content sync on $name', (store) => {
  const create = databasesPerTest(store);

  /** A store synced from a copy of the fixture library, whose query writer an editor then changed. */
  const editedSinceSync = async () => {
    const { url, dir } = await create();
    const content = join(dir, 'content');
    await cp(fixtureContentDir, content, { recursive: true });
    expect((await runCli(url, ['content', 'sync', '--dir', content])).code).toBe(0);
    const rolebook = await openRolebook({ database: url, contentDir: content });
    try {
      const role = await getRole(rolebook.ctx, queryWriter);
      await updateRole(
        rolebook.ctx,
        systemActor('user:ann'),
        queryWriter,
        { ...role, summary: 'Edited in the editor.' },
        role.version,
      );
    } finally {
      await rolebook.close();
    }
    const file = join(content, 'roles/query-writer.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('A fixture role', 'A new role'));
    return { url, content };
  };

  it('refuses to write a changed file over an edit made since the last sync, exit 5, naming it and --force', async () => {
    const { url, content } = await editedSinceSync();
    const run = await runCli(url, ['content', 'sync', '--dir', content]);
    expect(run.code).toBe(5);
    expect(run.stderr).toContain(
      'roles.rolebook/query-writer: is at version 2, written by user:ann',
    );
    expect(run.stderr).toContain('--force');
  });

  it('writes the changed file over the edit with --force', async () => {
    const { url, content } = await editedSinceSync();
    const run = await runCli(url, ['content', 'sync', '--dir', content, '--force']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('roles       0 added, 1 changed');
  });
});
