import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliStores, fixtures, runCli, type CliDatabase } from '../support/cli.js';

const page = join(fixtures, 'guide-page/api-builder-placeholder-page.txt');

describe.each(cliStores)('rolebook drafts on $name', (store) => {
  const databases: CliDatabase[] = [];
  const create = async () => {
    const database = await store.create();
    databases.push(database);
    return database;
  };
  afterEach(async () => {
    await Promise.all(databases.splice(0).map((d) => d.drop()));
  });

  it('lists the pending draft a page import made', async () => {
    const { url } = await create();
    await runCli(url, ['import', 'guide', page, '--replace']);
    const run = await runCli(url, ['drafts', 'list']);
    expect(run.stdout).toMatch(
      /^role rolebook\/api-builder: draft version 1, based on version 1,/m,
    );
  });

  it('publishes a pending draft as the next version of the role', async () => {
    const { url } = await create();
    await runCli(url, ['import', 'guide', page, '--replace']);
    const run = await runCli(url, ['drafts', 'publish', 'api-builder']);
    expect([run.code, run.stdout]).toEqual([
      0,
      'published the draft of role rolebook/api-builder as version 2\n',
    ]);
    expect((await runCli(url, ['drafts', 'list'])).stdout).toBe('0 pending drafts\n');
  });

  it('discards a pending draft, and then has none to discard', async () => {
    const { url } = await create();
    await runCli(url, ['import', 'guide', page, '--replace']);
    expect((await runCli(url, ['drafts', 'discard', 'api-builder'])).code).toBe(0);
    const again = await runCli(url, ['drafts', 'discard', 'api-builder']);
    expect(again.code, again.stderr).toBe(4);
    expect(again.stderr).toContain('A draft of Role rolebook/api-builder was not found.');
  });
});
