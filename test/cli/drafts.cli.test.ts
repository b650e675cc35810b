import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyRoleContent } from '../../src/domain/index.js';
import { createRole, openRolebook, systemActor } from '../../src/services/index.js';
import { cliStores, databasesPerTest, fixtures, runCli, onOneStore } from '../support/cli.js';
import { guideSections } from '../support/guides.js';
import { fixtureContentDir } from '../support/stores.js';

const page = join(fixtures, 'guide-page/api-builder-placeholder-page.txt');
/** A page of a role the library lacks: its import makes a role never published. */
const newPage = join(fixtures, 'guide-page/clean-page.txt');

describe.each(cliStores)('rolebook drafts on $name', (store) => {
  const itOnOneStore = onOneStore(store);
  const create = databasesPerTest(store);

  it('says an export leaves pending drafts out, and an import of the pack keeps those here', async () => {
    const { url, dir } = await create();
    await runCli(url, ['import', 'guide', page, '--replace']);
    const file = join(dir, 'library.json');
    const exported = await runCli(url, ['export', file]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toContain('note: 1 pending draft not exported');
    const imported = await runCli(url, ['import', 'pack', file]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(
      'note: a pack carries no drafts; 1 pending draft here is kept as it was.',
    );
    expect((await runCli(url, ['drafts', 'list'])).stdout).toMatch(/^role rolebook\/api-builder:/m);
  });

  itOnOneStore('lists the pending draft a page import made', async () => {
    const { url } = await create();
    await runCli(url, ['import', 'guide', page, '--replace']);
    const run = await runCli(url, ['drafts', 'list']);
    expect(run.stdout).toMatch(
      /^role rolebook\/api-builder: draft version 1, based on version 1,/m,
    );
  });

  itOnOneStore('lists a role a page import made new, as a draft never published', async () => {
    const { url } = await create();
    await runCli(url, ['import', 'guide', join(fixtures, 'guide-page/clean-page.txt')]);
    const run = await runCli(url, ['drafts', 'list']);
    expect(run.stdout).toMatch(
      /^role rolebook\/qa-engineer: draft version 1, a new role, never published, saved .+ by \S+\n1 pending draft\n$/,
    );
  });

  itOnOneStore('lists every draft, however many pages of the service they fill', async () => {
    const { url, dir } = await create();
    const exported = await runCli(url, ['export', '-']);
    const pack = JSON.parse(exported.stdout) as { roles: unknown[] };
    // One more than the largest page the service answers.
    const count = 501;
    const stamps = {
      version: 1,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    };
    for (let i = 1; i <= count; i++) {
      pack.roles.push({
        taxonomy: 'rolebook',
        code: `role-${i}`,
        ...emptyRoleContent(`Role ${i}`),
        ...stamps,
      });
    }
    const file = join(dir, 'drafts.json');
    await writeFile(file, JSON.stringify(pack));
    const imported = await runCli(url, ['import', 'pack', file]);
    expect(imported.code, imported.stderr).toBe(0);
    const run = await runCli(url, ['drafts', 'list']);
    expect(new Set(run.stdout.match(/^role rolebook\/role-\d+: /gm))).toHaveProperty('size', count);
    expect(run.stdout).toMatch(new RegExp(`^${count} pending drafts\n$`, 'm'));
  });

  itOnOneStore('leaves a role never published out of the export, and says so', async () => {
    const { url, dir } = await create();
    await runCli(url, ['import', 'guide', newPage]);
    const file = join(dir, 'library.json');
    const exported = await runCli(url, ['export', file]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toBe(
      'note: 1 role never published not exported: a pack carries published versions only; publish a draft to carry it.\n',
    );
    const pack = JSON.parse(await readFile(file, 'utf8')) as { roles: { code: string }[] };
    expect(pack.roles.map((r) => r.code)).not.toContain('qa-engineer');
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

  itOnOneStore('discards a pending draft, and then has none to discard', async () => {
    const { url } = await create();
    await runCli(url, ['import', 'guide', page, '--replace']);
    expect((await runCli(url, ['drafts', 'discard', 'api-builder'])).code).toBe(0);
    const again = await runCli(url, ['drafts', 'discard', 'api-builder']);
    expect(again.code, again.stderr).toBe(4);
    expect(again.stderr).toContain('A draft of Role rolebook/api-builder was not found.');
  });

  itOnOneStore(
    'says there is no draft of a role because its taxonomy was never imported',
    async () => {
      const { url } = await create();
      const run = await runCli(url, ['drafts', 'show', '--taxonomy', 'esco', '2654.1.7']);
      expect(run.code).toBe(4);
      expect(run.stderr).toContain('Taxonomy esco was not found.');
    },
  );

  it('shows a role never published as its draft, based on no version', async () => {
    const { url } = await create();
    await runCli(url, ['import', 'guide', newPage]);
    const run = await runCli(url, ['drafts', 'show', 'qa-engineer']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^ {2}"baseVersion": 0,$/m);
    expect(run.stdout).toMatch(/^ {2}"author": "\S+",$/m);
  });

  it('publishes a role never published as the version after its draft', async () => {
    const { url } = await create();
    const rolebook = await openRolebook({ database: url, contentDir: fixtureContentDir });
    try {
      const ref = { taxonomy: 'rolebook', code: 'qa-engineer' };
      const content = { name: 'QA Engineer', summary: 'Checks the software.' };
      await createRole(rolebook.ctx, systemActor('test-editor'), ref, {
        ...content,
        ...guideSections(content.name),
      });
    } finally {
      await rolebook.close();
    }
    const run = await runCli(url, ['drafts', 'publish', 'qa-engineer']);
    expect([run.code, run.stdout]).toEqual([
      0,
      'published the draft of role rolebook/qa-engineer as version 2\n',
    ]);
    expect((await runCli(url, ['drafts', 'list'])).stdout).toBe('0 pending drafts\n');
    expect((await runCli(url, ['render', 'qa-engineer', '--format', 'json'])).code).toBe(0);
  });

  it('refuses to publish a draft lint finds errors in, naming each and keeping the draft', async () => {
    const { url } = await create();
    await runCli(url, ['import', 'guide', newPage]);
    const run = await runCli(url, ['drafts', 'publish', 'qa-engineer']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the technologies section is missing');
    expect((await runCli(url, ['drafts', 'list'])).stdout).toMatch(/^role rolebook\/qa-engineer:/m);
  });

  it('discards a role never published, so that the role is gone', async () => {
    const { url } = await create();
    await runCli(url, ['import', 'guide', newPage]);
    const run = await runCli(url, ['drafts', 'discard', 'qa-engineer']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect((await runCli(url, ['drafts', 'list'])).stdout).toBe('0 pending drafts\n');
    expect((await runCli(url, ['render', 'qa-engineer'])).code).toBe(4);
  });
});
