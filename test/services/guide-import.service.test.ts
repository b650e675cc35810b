import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  exportPack,
  getRole,
  getRoleDraft,
  getTerm,
  importGuidePage,
  systemActor,
  type Rolebook,
} from '../../src/services/index.js';
import { storeTargets } from '../support/stores.js';

const importer = systemActor('test-importer');
const referencePage = '/work/shared/reference/recruiter-role-page.txt';

const reportWriterPage = `Meet the Report Writer

What does a report writer do?

A report writer, also called reporting specialist, turns stored data into reports people read.

Why hire a report writer?

  • Clear figures:Managers read the same numbers every week.

What are the signs that you need a report writer?

  • Spreadsheet chaos:Every team keeps its own copy of the figures.

Terminology

  • Structured Query Language: The language used to ask databases for data.
  • Dashboard: A page of charts that refreshes itself.

Reference links

  • PostgreSQL – the official tutorial: https://www.postgresql.org/docs/current/tutorial.html
`;

const placeholderPage = reportWriterPage.replace('the same numbers', 'the same {metric}');

describe.each(storeTargets)('guide page imports on $name', (target) => {
  const open: Rolebook[] = [];
  const temp: string[] = [];
  const start = async () => {
    const rolebook = await target.open();
    open.push(rolebook);
    return rolebook;
  };
  const page = async (text = reportWriterPage) => {
    const dir = await mkdtemp(join(tmpdir(), 'rolebook-page-'));
    temp.push(dir);
    await writeFile(join(dir, 'page.txt'), text);
    return join(dir, 'page.txt');
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.close()));
    await Promise.all(temp.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  it('imports a page as a draft of the built-in taxonomy', async () => {
    const { ctx } = await start();
    const result = await importGuidePage(ctx, importer, await page());
    expect(result).toMatchObject({ taxonomy: 'rolebook', code: 'report-writer', findings: [] });
    expect(result.report?.roles).toEqual({ added: 1, changed: 0, unchanged: 0, removed: 0 });
    const role = await getRole(ctx, { taxonomy: 'rolebook', code: 'report-writer' }, importer);
    expect(role).toMatchObject({ name: 'Report Writer', status: 'draft' });
  });

  it('keeps the related roles the page names that the library has, warning of the others', async () => {
    const { ctx } = await start();
    const result = await importGuidePage(
      ctx,
      importer,
      await page(`${reportWriterPage}\nRelated roles\n\n  • Query Writer\n  • Chart Painter\n`),
    );
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'unknown-role',
        severity: 'warning',
        line: 27,
        message: expect.stringContaining('"Chart Painter"') as string,
      }),
    ]);
    const role = await getRole(ctx, { taxonomy: 'rolebook', code: 'report-writer' }, importer);
    expect(role.relatedRoles).toEqual([{ taxonomy: 'rolebook', code: 'query-writer' }]);
  });

  it('adds the terms the page defines that the glossary lacks', async () => {
    const { ctx } = await start();
    const result = await importGuidePage(ctx, importer, await page());
    expect(result.newTerms).toEqual(['dashboard']);
    expect((await getTerm(ctx, 'dashboard')).definition).toBe(
      'A page of charts that refreshes itself.',
    );
  });

  it('points a term the glossary has under another name at the stored term', async () => {
    const { ctx } = await start();
    await importGuidePage(ctx, importer, await page());
    const role = await getRole(ctx, { taxonomy: 'rolebook', code: 'report-writer' }, importer);
    expect(role.terms).toEqual(['sql', 'dashboard']);
  });

  it('gives the draft the code asked for', async () => {
    const { ctx } = await start();
    const result = await importGuidePage(ctx, importer, await page(), { code: 'reports' });
    expect(result.code).toBe('reports');
    await expect(
      getRole(ctx, { taxonomy: 'rolebook', code: 'reports' }, importer),
    ).resolves.toMatchObject({ name: 'Report Writer' });
  });

  it('refuses the code of a published role, writing nothing but listing the defects', async () => {
    const rolebook = await start();
    const before = await exportPack(rolebook.ctx);
    const result = await importGuidePage(rolebook.ctx, importer, await page(placeholderPage), {
      code: 'api-builder',
    });
    expect(result.refused).toMatchObject({ code: 'conflict' });
    expect(result.findings.map((f) => f.rule)).toContain('placeholder');
    expect({ ...(await exportPack(rolebook.ctx)), exportedAt: '' }).toEqual({
      ...before,
      exportedAt: '',
    });
  });

  it('never takes a published role offline, even when asked to replace it', async () => {
    const { ctx } = await start();
    await importGuidePage(ctx, importer, await page(), { code: 'api-builder', replace: true });
    const role = await getRole(ctx, { taxonomy: 'rolebook', code: 'api-builder' }, importer);
    expect(role).toMatchObject({ name: 'API Builder', status: 'published', version: 1 });
  });

  it('makes the page the pending draft of a published role when asked to replace it', async () => {
    const { ctx } = await start();
    const result = await importGuidePage(ctx, importer, await page(placeholderPage), {
      code: 'api-builder',
      replace: true,
    });
    expect(result.pending).toEqual({ baseVersion: 1, version: 1 });
    const draft = await getRoleDraft(ctx, importer, { taxonomy: 'rolebook', code: 'api-builder' });
    expect(draft.content).toMatchObject({ name: 'Report Writer', status: 'published' });
  });

  it('returns the defects of a page made a pending draft, errors included', async () => {
    const { ctx } = await start();
    const result = await importGuidePage(ctx, importer, await page(placeholderPage), {
      code: 'api-builder',
      replace: true,
    });
    expect(result.findings).toContainEqual(
      expect.objectContaining({ rule: 'placeholder', severity: 'error' }),
    );
  });

  it("keeps in the pending draft the published guide's sections the page has no place for", async () => {
    const { ctx } = await start();
    await importGuidePage(ctx, importer, await page(), { code: 'api-builder', replace: true });
    const draft = await getRoleDraft(ctx, importer, { taxonomy: 'rolebook', code: 'api-builder' });
    expect(draft.content).toMatchObject({
      technologies: [{ name: 'OpenAPI' }],
      relatedRoles: [{ taxonomy: 'rolebook', code: 'query-writer' }],
      crosswalk: [expect.objectContaining({ taxonomy: 'onet' })],
    });
  });

  it('names no section missing that the pending draft keeps from the published guide', async () => {
    const { ctx } = await start();
    const withoutSigns = reportWriterPage.replace(/What are the signs[\s\S]*?(?=Terminology)/, '');
    const result = await importGuidePage(ctx, importer, await page(withoutSigns), {
      code: 'api-builder',
      replace: true,
    });
    const draft = await getRoleDraft(ctx, importer, { taxonomy: 'rolebook', code: 'api-builder' });
    expect(draft.content.signs).not.toEqual([]);
    expect(result.findings).not.toContainEqual(
      expect.objectContaining({ rule: 'missing-section', field: 'signs' }),
    );
  });

  it('leaves out of a pending draft the terms the glossary lacks, each with a warning', async () => {
    const { ctx } = await start();
    const result = await importGuidePage(ctx, importer, await page(), {
      code: 'api-builder',
      replace: true,
    });
    expect(result.newTerms).toEqual([]);
    await expect(getTerm(ctx, 'dashboard')).rejects.toMatchObject({ code: 'not_found' });
    expect(result.findings).toContainEqual(
      expect.objectContaining({ rule: 'undefined-term', severity: 'warning' }),
    );
    const draft = await getRoleDraft(ctx, importer, { taxonomy: 'rolebook', code: 'api-builder' });
    expect(draft.content.terms).not.toContain('dashboard');
  });

  it('writes no pending draft on a dry run', async () => {
    const { ctx } = await start();
    const result = await importGuidePage(ctx, importer, await page(), {
      code: 'api-builder',
      replace: true,
      dryRun: true,
    });
    expect(result.pending).toEqual({ baseVersion: 1, version: 1 });
    await expect(
      getRoleDraft(ctx, importer, { taxonomy: 'rolebook', code: 'api-builder' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses the code of a draft unless asked to replace it', async () => {
    const { ctx } = await start();
    await importGuidePage(ctx, importer, await page());
    const again = await importGuidePage(ctx, importer, await page(placeholderPage));
    expect(again.refused).toMatchObject({ code: 'conflict' });
  });

  it('says on a dry run that the import would be refused, not that nothing was written', async () => {
    const { ctx } = await start();
    await importGuidePage(ctx, importer, await page());
    const again = await importGuidePage(ctx, importer, await page(placeholderPage), {
      dryRun: true,
    });
    expect(again.refused?.message).toMatch(
      /already exists as a draft; the import would be refused\.$/,
    );
  });

  it('writes the page over a draft of that code when asked', async () => {
    const { ctx } = await start();
    await importGuidePage(ctx, importer, await page());
    const result = await importGuidePage(ctx, importer, await page(placeholderPage), {
      replace: true,
    });
    expect(result.report?.roles).toEqual({ added: 0, changed: 1, unchanged: 0, removed: 0 });
    const role = await getRole(ctx, { taxonomy: 'rolebook', code: 'report-writer' }, importer);
    expect(role).toMatchObject({ status: 'draft', version: 2 });
  });

  it('refuses a page named by a title another role has, naming --code of that role, --name and --taxonomy', async () => {
    const { ctx } = await start();
    const result = await importGuidePage(ctx, importer, await page(), {
      name: 'API Engineer',
      code: 'api-engineer-2',
    });
    expect(result.refused).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('rolebook/api-builder') as string,
      details: [
        {
          message: expect.stringMatching(
            /--code api-builder --replace .*--name.*--taxonomy/,
          ) as string,
        },
      ],
    });
  });

  it('warns that a new role reads as one the taxonomy has, naming --code of that role', async () => {
    const { ctx } = await start();
    const result = await importGuidePage(ctx, importer, await page(), { name: 'API Engineers' });
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        rule: 'similar-role',
        field: 'name',
        message: expect.stringContaining('--code api-builder --replace') as string,
      }),
    );
    expect(result.report?.roles.added).toBe(1);
  });

  it('leaves out, with a warning, the titles another role has', async () => {
    const { ctx } = await start();
    const result = await importGuidePage(
      ctx,
      importer,
      await page(
        reportWriterPage.replace(
          'reporting specialist, turns',
          'interface developer, is the one who turns',
        ),
      ),
    );
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        rule: 'duplicate-title',
        message: expect.stringContaining('Interface Developer') as string,
      }),
    );
    const role = await getRole(ctx, { taxonomy: 'rolebook', code: 'report-writer' }, importer);
    expect(role.alternativeTitles).toEqual([]);
  });

  it("imports into a taxonomy of the user's own, creating it, where a title may be shared", async () => {
    const { ctx } = await start();
    const result = await importGuidePage(ctx, importer, await page(), {
      taxonomy: 'acme',
      name: 'API Builder',
    });
    expect(result.report?.taxonomies.added).toBe(1);
    await expect(
      getRole(ctx, { taxonomy: 'acme', code: 'api-builder' }, importer),
    ).resolves.toMatchObject({ status: 'draft' });
  });

  it("takes the name it is given over the page's own", async () => {
    const { ctx } = await start();
    const result = await importGuidePage(ctx, importer, await page(), { name: 'Reporting Lead' });
    expect(result.code).toBe('reporting-lead');
  });

  it('writes nothing on a dry run', async () => {
    const { ctx } = await start();
    const result = await importGuidePage(ctx, importer, await page(), { dryRun: true });
    expect(result.report).toMatchObject({ dryRun: true, roles: { added: 1 } });
    await expect(
      getRole(ctx, { taxonomy: 'rolebook', code: 'report-writer' }, importer),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it.skipIf(!existsSync(referencePage))(
    'reports exactly the two defects of the reference page',
    async () => {
      const { ctx } = await start();
      const result = await importGuidePage(ctx, importer, referencePage);
      expect(result.findings.map((f) => [f.rule, f.field])).toEqual([
        ['placeholder', undefined],
        ['empty-section', 'links'],
      ]);
      expect(result.findings[0]!.message).toContain('{role_name}');
    },
  );
});
