import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliStores, runCli, type CliDatabase, onOneStore } from '../support/cli.js';
import { onetFixtureRelease } from '../support/release-fixtures.js';

describe.each(cliStores)('rolebook render on $name', (store) => {
  const itOnOneStore = onOneStore(store);
  let database: CliDatabase;
  const render = (...args: string[]) => runCli(database.url, ['render', ...args]);

  beforeAll(async () => {
    database = await store.create();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('prints a guide as Markdown', async () => {
    const { code, stdout } = await render('api-builder', '--format', 'md');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# API Builder$/m);
    expect(stdout).toContain('## Why hire an API Builder?');
  });

  itOnOneStore('prints a standalone HTML page by default', async () => {
    const { code, stdout } = await render('api-builder');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<!doctype html>/i);
    expect(stdout).toContain('<h1');
  });

  itOnOneStore('prints the JSON view', async () => {
    const { stdout } = await render('query-writer', '--format', 'json');
    expect(JSON.parse(stdout)).toMatchObject({
      format: 'rolebook.guide/1',
      role: { taxonomy: 'rolebook', code: 'query-writer' },
    });
  });

  itOnOneStore('prints schema.org JSON-LD whose links are absolute under PUBLIC_URL', async () => {
    const { stdout } = await runCli(
      database.url,
      ['render', 'query-writer', '--format', 'jsonld', '--taxonomy', 'rolebook'],
      { env: { PUBLIC_URL: 'https://rolebook.example' } },
    );
    expect(JSON.parse(stdout)).toMatchObject({
      '@type': 'Occupation',
      name: 'Query Writer',
      '@id': 'https://rolebook.example/roles/query-writer',
    });
  });

  itOnOneStore(
    'refuses to print JSON-LD without PUBLIC_URL, its links having no site',
    async () => {
      const { code, stdout, stderr } = await runCli(
        database.url,
        ['render', 'query-writer', '--format', 'jsonld'],
        { env: { PUBLIC_URL: '' } },
      );
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain('set PUBLIC_URL');
    },
  );

  itOnOneStore('reads a role named taxonomy/code, as lint and drafts do', async () => {
    const { code, stdout } = await render('rolebook/api-builder', '--format', 'md');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# API Builder$/m);
  });

  itOnOneStore('names the taxonomy of a taxonomy/code that was never imported', async () => {
    const { code, stderr } = await render('esco/2654.1.7');
    expect(code).toBe(4);
    expect(stderr).toContain('Taxonomy esco was not found.');
  });

  itOnOneStore('fails with the not-found exit code for an unknown role', async () => {
    const { code, stdout, stderr } = await render('nobody');
    expect(code).toBe(4);
    expect(stdout).toBe('');
    expect(stderr).toContain('Role rolebook/nobody was not found.');
  });

  itOnOneStore('says a taxonomy was never imported, and how to import it', async () => {
    const { code, stderr } = await render('2654.1.7', '--taxonomy', 'esco');
    expect(code).toBe(4);
    expect(stderr).toContain(
      'Taxonomy esco was not found. Taxonomies here: rolebook. ESCO is not imported: `rolebook import esco DIR` loads it from the ESCO CSV files.',
    );
  });

  itOnOneStore('says how to find the code when a role is asked for by its name', async () => {
    const { code, stderr } = await render('API Builder');
    expect(code).toBe(4);
    expect(stderr).toContain('`rolebook normalize "API Builder"` finds the code for a title.');
  });

  itOnOneStore(
    'says how to find the code when a role of another taxonomy is asked for by its name',
    async () => {
      const withOnet = await store.create();
      const release = await onetFixtureRelease();
      await runCli(withOnet.url, ['import', 'onet', release.dir]);
      const { code, stderr } = await runCli(withOnet.url, [
        'render',
        'Software Developers',
        '--taxonomy',
        'onet',
      ]);
      await Promise.all([withOnet.drop(), release.dispose()]);
      expect(code).toBe(4);
      expect(stderr).toContain(
        '`rolebook normalize --taxonomy onet "Software Developers"` finds the code for a title.',
      );
    },
  );

  itOnOneStore('refuses a format it does not know', async () => {
    const { code, stderr } = await render('api-builder', '--format', 'pdf');
    expect(code).not.toBe(0);
    expect(stderr).toContain('html, md, json, jsonld');
  });
});
