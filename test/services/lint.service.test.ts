import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { roleContentOf, type RoleContent, type TermContent } from '../../src/domain/index.js';
import {
  createRole,
  createTerm,
  getRole,
  importOnetRelease,
  lintStoredLibrary,
  lintStoredRole,
  lintStoredTaxonomy,
  systemActor,
  type Rolebook,
} from '../../src/services/index.js';
import type { LintFinding } from '../../src/lint/index.js';
import { lintTaxonomyIn } from '../../src/services/lint.service.js';
import { onetFixtureRelease } from '../support/release-fixtures.js';
import { contentDir, storeTargets } from '../support/stores.js';

const editor = systemActor('test-editor');

const orphanTerm: TermContent = {
  name: 'Orphan',
  abbreviations: [],
  aliases: [],
  definition: 'A term defined for this test that no role uses.',
  examples: [],
  category: 'concept',
  caseSensitive: false,
};

/** The O*NET fixture release with "QA Tester" listed under two occupations, for one test. */
const sharedTitleRelease = async (): Promise<string> => {
  const { dir, dispose } = await onetFixtureRelease();
  onTestFinished(dispose);
  const titles = join(dir, 'Alternate Titles.txt');
  const text = await readFile(titles, 'utf8');
  await writeFile(
    titles,
    text.replace('15-1253.00\t', '15-1252.00\tQA Tester\tn/a\t08\n15-1253.00\t'),
  );
  return dir;
};

describe.each(storeTargets)('lint on $name', (target) => {
  const open: Rolebook[] = [];
  const start = async (options: Parameters<typeof target.open>[0] = {}) => {
    const rolebook = await target.open(options);
    open.push(rolebook);
    return rolebook;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.close()));
  });

  /** A copy of a fixture role under a new code, changed as the test needs. */
  const addRole = async (
    rolebook: Rolebook,
    code: string,
    change: Partial<RoleContent>,
  ): Promise<void> => {
    const model = await getRole(rolebook.ctx, { taxonomy: 'rolebook', code: 'query-writer' });
    await createRole(
      rolebook.ctx,
      editor,
      { taxonomy: 'rolebook', code },
      { ...roleContentOf(model), alternativeTitles: [`Also ${code}`], ...change },
    );
  };

  it('finds nothing wrong with the built-in library as shipped', async () => {
    const rolebook = await start({ contentDir });
    const report = await lintStoredLibrary(rolebook.ctx, editor);
    expect(report.findings).toEqual([]);
    expect(report.roles).toBeGreaterThanOrEqual(40);
  });

  it('reports an unfilled placeholder in one role', async () => {
    const rolebook = await start();
    await addRole(rolebook, 'placeholder-role', {
      name: 'Placeholder Role',
      summary: 'What does a {role_name} do?',
      status: 'draft',
    });
    const report = await lintStoredRole(
      rolebook.ctx,
      { taxonomy: 'rolebook', code: 'placeholder-role' },
      editor,
    );
    expect(report).toMatchObject({ roles: 1, errors: 1, warnings: 0 });
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'placeholder', field: 'summary' }),
    ]);
  });

  it('reports a title another role of its taxonomy claims, naming that role', async () => {
    const rolebook = await start();
    await importOnetRelease(rolebook.ctx, editor, await sharedTitleRelease());
    const { findings } = await lintStoredRole(rolebook.ctx, {
      taxonomy: 'onet',
      code: '15-1252.00',
    });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'duplicate-title',
        severity: 'warning',
        message: '"QA Tester" is also claimed by 15-1253.00',
      }),
    ]);
  });

  it('compares the titles of every role when linting a taxonomy', async () => {
    const rolebook = await start();
    await importOnetRelease(rolebook.ctx, editor, await sharedTitleRelease());
    const report = await lintStoredTaxonomy(rolebook.ctx, 'onet');
    expect(report).toMatchObject({ roles: 3, errors: 0, warnings: 2 });
    expect(report.findings.map((f) => [f.rule, f.code])).toEqual([
      ['duplicate-title', '15-1252.00'],
      ['duplicate-title', '15-1253.00'],
    ]);
  });

  it("takes what an import's publication check found of a role rather than linting it again", async () => {
    const { ctx } = await start();
    await importOnetRelease(ctx, editor, await sharedTitleRelease());
    const found: LintFinding = {
      taxonomy: 'onet',
      code: '15-1252.00',
      rule: 'placeholder',
      severity: 'warning',
      message: 'found by the publication check',
    };
    const report = await lintTaxonomyIn(
      ctx.store.db,
      'onet',
      new Map([['onet/15-1252.00', [found]]]),
    );
    expect(report.findings.filter((f) => f.code === '15-1252.00')).toEqual([found]);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ code: '15-1253.00', rule: 'duplicate-title' }),
    );
  });

  it('shows drafts only to an actor allowed to edit', async () => {
    const rolebook = await start();
    await addRole(rolebook, 'hidden-draft', {
      name: 'Hidden Draft',
      summary: 'A {role_name} draft.',
      status: 'draft',
    });
    const ref = { taxonomy: 'rolebook', code: 'hidden-draft' };
    await expect(lintStoredRole(rolebook.ctx, ref)).rejects.toMatchObject({ code: 'not_found' });
    expect((await lintStoredRole(rolebook.ctx, ref, editor)).errors).toBe(1);
    expect((await lintStoredTaxonomy(rolebook.ctx, 'rolebook')).roles).toBe(2);
    expect((await lintStoredTaxonomy(rolebook.ctx, 'rolebook', editor)).roles).toBe(3);
  });

  it('reports a glossary term that no role uses when linting the library', async () => {
    const rolebook = await start();
    await createTerm(rolebook.ctx, editor, 'orphan', orphanTerm);
    const report = await lintStoredLibrary(rolebook.ctx);
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'unused-term', taxonomy: 'glossary', code: 'orphan' }),
    ]);
  });

  it('counts a term a draft uses as used, even for a reader who cannot see the draft', async () => {
    const rolebook = await start();
    await createTerm(rolebook.ctx, editor, 'orphan', orphanTerm);
    await addRole(rolebook, 'draft-user', {
      name: 'Draft User',
      terms: ['orphan'],
      status: 'draft',
    });
    expect((await lintStoredLibrary(rolebook.ctx)).findings).toEqual([]);
  });

  it('refuses a taxonomy that does not exist with not_found', async () => {
    const rolebook = await start();
    await expect(lintStoredTaxonomy(rolebook.ctx, 'nowhere')).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
