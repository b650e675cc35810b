import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliStores, databasesPerTest, fixtures, runCli, onOneStore } from '../support/cli.js';
import { contentDir } from '../support/stores.js';

/** A complete page, except that its one link is plain http: an error lint reports. */
const pageWithHttpLink = `Meet the Release Manager

What does a release manager do?

A release manager plans and coordinates each software release.

Why hire a release manager?

  • Calm launches:Releases follow one checked routine.

What are the signs that you need a release manager?

  • Weekend firefights:Every launch ends in a rollback.

Terminology

  • Release train: A schedule on which releases leave at fixed times.

Reference links

  • Release notes guide: http://example.org/release-notes
`;

describe.each(cliStores)('rolebook lint on $name', (store) => {
  const itOnOneStore = onOneStore(store);
  const create = databasesPerTest(store);

  const withHttpLink = async () => {
    const database = await create();
    const page = join(database.dir, 'release-manager.txt');
    await writeFile(page, pageWithHttpLink);
    return { ...database, page };
  };

  // The first start loads the whole built-in library (833 terms) before lint runs: a few seconds
  // alone, far longer while every core is taken by other test files.
  it(
    'finds nothing wrong with the built-in library as shipped (--all)',
    { timeout: 120_000 },
    async () => {
      const { url } = await create();
      const run = await runCli(url, ['lint', '--all'], { content: contentDir });
      expect(run.stdout).toMatch(/^lint: \d+ roles checked, 0 errors, 0 warnings\n$/);
      expect(run.code, run.stderr).toBe(0);
    },
  );

  itOnOneStore(
    'refuses a content file whose list repeats an item, naming the file and field',
    async () => {
      const { url, dir } = await create();
      const content = join(dir, 'content');
      await mkdir(join(content, 'terms'), { recursive: true });
      const file = join(content, 'terms', 'node-js.md');
      await writeFile(
        file,
        [
          '---',
          'name: Node.js',
          'abbreviations: []',
          'aliases: [NodeJS, " nodejs "]',
          'category: platform',
          'examples: []',
          'caseSensitive: false',
          '---',
          'Node.js runs JavaScript on a server.',
        ].join('\n'),
      );
      const run = await runCli(url, ['lint', '--all'], { content });
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(`${file} aliases.1: aliases.1 repeats item 0 ("NodeJS")`);
    },
  );

  itOnOneStore(
    'keeps only the findings of the severity asked for, and exits on those',
    async () => {
      const { url, page } = await withHttpLink();
      await runCli(url, ['import', 'guide', page]);
      const run = await runCli(url, ['lint', 'release-manager', '--severity', 'warning']);
      expect([run.code, run.stdout]).toEqual([0, expect.stringContaining(', 0 errors,')]);
    },
  );

  itOnOneStore('keeps only the findings of the rules asked for, as JSON', async () => {
    const { url, page } = await withHttpLink();
    await runCli(url, ['import', 'guide', page]);
    const run = await runCli(url, [
      'lint',
      'release-manager',
      '--rule',
      'malformed-link',
      '--format',
      'json',
    ]);
    const report = JSON.parse(run.stdout) as { findings: { rule: string }[] };
    expect(report.findings.map((f) => f.rule)).toEqual(['malformed-link']);
  });

  itOnOneStore('refuses a rule lint does not have, naming those it has', async () => {
    const { url } = await create();
    const run = await runCli(url, ['lint', '--all', '--rule', 'typo']);
    expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('duplicate-title')]);
  });

  itOnOneStore(
    'prints each finding as taxonomy/code field: message [rule] and fails on an error',
    async () => {
      const { url, page } = await withHttpLink();
      await runCli(url, ['import', 'guide', page]);
      const run = await runCli(url, ['lint', 'release-manager']);
      expect(run.stdout.split('\n')).toContain(
        'rolebook/release-manager links.0.url: "http://example.org/release-notes" is not an absolute https URL [malformed-link]',
      );
      expect(run.code, run.stderr).toBe(1);
    },
  );

  itOnOneStore(
    'writes a page with an error among its defects, and exits 1 as lint does',
    async () => {
      const { url, page } = await withHttpLink();
      const run = await runCli(url, ['import', 'guide', page]);
      expect(run.stdout).toContain('[malformed-link]');
      expect([run.code, run.stdout]).toEqual([1, expect.stringContaining('draft: rolebook/')]);
    },
  );

  itOnOneStore('exits zero when lint finds only warnings', async () => {
    const { url } = await create();
    await runCli(url, ['import', 'guide', join(fixtures, 'guide-page/clean-page.txt')]);
    const run = await runCli(url, ['lint', 'rolebook/qa-engineer']);
    expect(run.stdout).toMatch(/^lint: 1 role checked, 0 errors, [1-9]\d* warnings?$/m);
    expect(run.code, run.stderr).toBe(0);
  });

  itOnOneStore('asks for a role, a taxonomy or --all', async () => {
    const { url } = await create();
    const run = await runCli(url, ['lint']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('--all');
  });

  itOnOneStore('shows in its usage that a role, a taxonomy or --all is required', async () => {
    const { url } = await create();
    const run = await runCli(url, ['lint', '--help']);
    expect(run.stdout).toContain('Usage: rolebook lint ROLE | --taxonomy T | --all [options]');
  });
});
