import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import type { AppError } from '../../src/domain/index.js';
import {
  exportPack,
  getGuideView,
  getRole,
  getTaxonomy,
  importEscoRelease,
  importOnetRelease,
  renderRoleGuide,
  systemActor,
  type Rolebook,
} from '../../src/services/index.js';
import {
  escoFixtureRelease,
  onetFixtureRelease,
  sharedFixtureReleases,
} from '../support/release-fixtures.js';
import { storeTargets } from '../support/stores.js';

const importer = systemActor('test-importer');
const frenchFixture = join(import.meta.dirname, '../fixtures/esco/french');
const developer = 'http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-000000000001';

/** The store's content without the moment of the export. */
const snapshot = async (rolebook: Rolebook) => ({
  ...(await exportPack(rolebook.ctx)),
  exportedAt: '',
});

/** The fixture releases, shared by the tests that only read them. */
const releases = sharedFixtureReleases();

/** A copy of the O*NET fixture release whose files the test may change, removed after it. */
const copyOfOnet = async () => {
  const { dir, dispose } = await onetFixtureRelease();
  onTestFinished(dispose);
  const edit = async (file: string, change: (text: string) => string) =>
    writeFile(join(dir, file), change(await readFile(join(dir, file), 'utf8')));
  return { dir, edit };
};

/** Drops the rows of one occupation from every file of a release. */
const withoutOccupation = (code: string) => (text: string) =>
  text
    .split('\n')
    .filter((line) => !line.startsWith(`${code}\t`))
    .join('\n');

describe.each(storeTargets)('release imports on $name', (target) => {
  const open: Rolebook[] = [];
  const start = async () => {
    const rolebook = await target.open();
    open.push(rolebook);
    return rolebook;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.close()));
  });

  it('imports every occupation of an O*NET release as a role of onet', async () => {
    const { ctx } = await start();
    const { report } = await importOnetRelease(ctx, importer, releases.onet);
    expect(report.roles).toEqual({ added: 3, changed: 0, unchanged: 0, removed: 0 });
    const role = await getRole(ctx, { taxonomy: 'onet', code: '15-1252.00' });
    expect(role).toMatchObject({
      name: 'Software Developers',
      relatedRoles: [{ taxonomy: 'onet', code: '15-1253.00' }],
    });
    expect(role.alternativeTitles).toEqual(
      expect.arrayContaining(['Application Developer', 'Backend Developer']),
    );
  });

  it('records that O*NET names its roles in the plural, and words the guides so', async () => {
    const { ctx } = await start();
    await importOnetRelease(ctx, importer, releases.onet);
    expect((await getTaxonomy(ctx, 'onet')).roleNameNumber).toBe('plural');
    const guide = await getGuideView(ctx, { taxonomy: 'onet', code: '15-1252.00' });
    expect(guide.sections.summary?.heading).toBe('What do Software Developers do?');
    expect(guide.sections.responsibilities?.heading).toBe(
      'What Software Developers are responsible for',
    );
  });

  it('returns the notes of the release and the lint of the imported taxonomy', async () => {
    const { ctx } = await start();
    const { notes, lint } = await importOnetRelease(ctx, importer, releases.onet);
    expect(notes).toContainEqual(expect.objectContaining({ code: '15-1299.08' }));
    expect(lint).toEqual({ roles: 3, errors: 0, warnings: 0, findings: [] });
  });

  it('tells the caller the size of the release, then each role written', async () => {
    const { ctx } = await start();
    const calls: string[] = [];
    await importOnetRelease(ctx, importer, releases.onet, {
      onOpen: (total) => calls.push(`open ${total}`),
      onProgress: (done) => calls.push(`wrote ${done}`),
    });
    expect(calls).toEqual(['open 3', 'wrote 1', 'wrote 2', 'wrote 3']);
  });

  it('changes nothing when the same release is imported again', async () => {
    const { ctx } = await start();
    await importOnetRelease(ctx, importer, releases.onet);
    const before = await snapshot(open[0]!);
    const { report } = await importOnetRelease(ctx, importer, releases.onet);
    expect(report.taxonomies).toEqual({ added: 0, changed: 0, unchanged: 1, removed: 0 });
    expect(report.roles).toEqual({ added: 0, changed: 0, unchanged: 3, removed: 0 });
    expect(await snapshot(open[0]!)).toEqual(before);
  });

  it('reports what a newer release changed and removed', async () => {
    const { ctx } = await start();
    await importOnetRelease(ctx, importer, releases.onet);
    const newer = await copyOfOnet();
    await newer.edit('Occupation Data.txt', (t) =>
      withoutOccupation('11-1011.00')(t).replace('Check that software works', 'Prove software'),
    );
    for (const file of ['Alternate Titles.txt', 'Task Statements.txt', 'Technology Skills.txt']) {
      await newer.edit(file, withoutOccupation('11-1011.00'));
    }
    const { report } = await importOnetRelease(ctx, importer, newer.dir);
    expect(report.roles).toEqual({ added: 0, changed: 1, unchanged: 1, removed: 1 });
    await expect(getRole(ctx, { taxonomy: 'onet', code: '11-1011.00' })).rejects.toMatchObject({
      code: 'not_found',
    });
    const tester = await getRole(ctx, { taxonomy: 'onet', code: '15-1253.00' });
    expect(tester.summary).toMatch(/^Prove software/);
  });

  it('keeps the stored related roles when a release has no Related Occupations', async () => {
    const { ctx } = await start();
    await importOnetRelease(ctx, importer, releases.onet);
    const before = await getRole(ctx, { taxonomy: 'onet', code: '15-1252.00' });
    const newer = await copyOfOnet();
    await rm(join(newer.dir, 'Related Occupations.txt'));
    const { report, notes } = await importOnetRelease(ctx, importer, newer.dir);
    expect(report.roles.unchanged).toBe(3);
    expect(notes[0]?.message).toContain('Related Occupations.txt');
    const after = await getRole(ctx, { taxonomy: 'onet', code: '15-1252.00' });
    expect(after.relatedRoles).toEqual(before.relatedRoles);
    expect(after.relatedRoles.length).toBeGreaterThan(0);
  });

  it('holds a release to the lint errors of its taxonomy, as a write of one of its roles', async () => {
    const rolebook = await start();
    const broken = await copyOfOnet();
    await broken.edit('Occupation Data.txt', (t) =>
      t.replace('Check that software works', 'Check that {product} works'),
    );
    const error: unknown = await importOnetRelease(rolebook.ctx, importer, broken.dir).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'lint_failed' });
    expect((error as AppError).details).toContainEqual(
      expect.objectContaining({ field: 'roles.onet/15-1253.00.summary' }),
    );
    expect((await snapshot(rolebook)).roles.filter((r) => r.taxonomy === 'onet')).toEqual([]);
  });

  it('keeps the stored version when a release does not say its own', async () => {
    const { ctx } = await start();
    await importOnetRelease(ctx, importer, releases.onet);
    const newer = await copyOfOnet();
    await rm(join(newer.dir, 'Read Me.txt'));
    const { report } = await importOnetRelease(ctx, importer, newer.dir);
    expect(report.taxonomies.unchanged).toBe(1);
    expect((await getTaxonomy(ctx, 'onet')).version).toBe('27.0');
  });

  it('refuses a malformed row of a later file before writing any role, naming it', async () => {
    const rolebook = await start();
    await importOnetRelease(rolebook.ctx, importer, releases.onet);
    const before = await snapshot(rolebook);
    const broken = await copyOfOnet();
    // Every role would change, and the bad row is in the last file the roles are built from.
    await broken.edit('Occupation Data.txt', (t) => t.replaceAll('.\n', ', as revised.\n'));
    await broken.edit('Technology Skills.txt', (t) => `${t}15-1253.00\tPlaywright\n`);
    let written = 0;
    const error: unknown = await importOnetRelease(rolebook.ctx, importer, broken.dir, {
      onProgress: (done) => (written = done),
    }).catch((e: unknown) => e);
    expect(written).toBe(0);
    expect(error).toMatchObject({ code: 'import_failed' });
    expect((error as AppError).details).toEqual([
      expect.objectContaining({
        file: join(broken.dir, 'Technology Skills.txt'),
        line: 7,
        column: 3,
      }),
    ]);
    expect(await snapshot(rolebook)).toEqual(before);
  });

  it('writes nothing on a dry run, yet reports and lints as the import would', async () => {
    const rolebook = await start();
    const before = await snapshot(rolebook);
    const result = await importOnetRelease(rolebook.ctx, importer, releases.onet, { dryRun: true });
    expect(result.report).toMatchObject({ dryRun: true, roles: { added: 3 } });
    expect(result.lint.roles).toBe(3);
    expect(await snapshot(rolebook)).toEqual(before);
  });

  it('imports an ESCO download with essential skills before optional ones', async () => {
    const { ctx } = await start();
    const { report } = await importEscoRelease(ctx, importer, releases.esco);
    expect(report.roles).toEqual({ added: 3, changed: 0, unchanged: 0, removed: 0 });
    const role = await getRole(ctx, { taxonomy: 'esco', code: developer });
    expect(role.name).toBe('software developer');
    expect((await getTaxonomy(ctx, 'esco')).roleNameNumber).toBe('singular');
    const importance = role.skills.map((s) => s.importance);
    expect(importance).toEqual([...importance].sort());
    expect(importance).toContain('optional');
  });

  it('finds an ESCO occupation by the code ESCO publishes for it as well as by its URI', async () => {
    const { ctx } = await start();
    await importEscoRelease(ctx, importer, releases.esco);
    const role = await getRole(ctx, { taxonomy: 'esco', code: '2512.4' });
    expect(role).toMatchObject({ code: developer, occupationCode: '2512.4' });
  });

  it('changes nothing when the same ESCO download is imported again', async () => {
    const { ctx } = await start();
    await importEscoRelease(ctx, importer, releases.esco);
    const { report } = await importEscoRelease(ctx, importer, releases.esco);
    expect(report.roles).toEqual({ added: 0, changed: 0, unchanged: 3, removed: 0 });
  });

  it('keeps the stored skills when a later download holds the occupations alone', async () => {
    const { ctx } = await start();
    await importEscoRelease(ctx, importer, releases.esco);
    const { dir, dispose } = await escoFixtureRelease();
    onTestFinished(dispose);
    await rm(join(dir, 'skills_en.csv'));
    await rm(join(dir, 'occupationSkillRelations_en.csv'));
    const { report } = await importEscoRelease(ctx, importer, dir);
    expect(report.roles).toEqual({ added: 0, changed: 0, unchanged: 3, removed: 0 });
    expect((await getRole(ctx, { taxonomy: 'esco', code: developer })).skills).toHaveLength(3);
  });

  it('words the guides of a French download in French, without empty sections', async () => {
    const { ctx } = await start();
    const { dir, dispose } = await escoFixtureRelease();
    onTestFinished(dispose);
    await copyFile(join(frenchFixture, 'occupations-fr.csv'), join(dir, 'occupations_fr.csv'));
    await importEscoRelease(ctx, importer, dir, { language: 'fr' });
    const ref = { taxonomy: 'esco', code: developer };
    const page = (await renderRoleGuide(ctx, ref, 'html')).body;
    expect(page).toMatch(/^<!doctype html>\s*<html lang="fr">/);
    const headings = [...page.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Sur cette page',
      'En quoi consiste ce métier\u00a0?',
      'Pour aller plus loin',
      'Codes dans d&#39;autres classifications',
    ]);
    expect(page).toContain('>Ce métier sur le portail ESCO</a>');
    const markdown = (await renderRoleGuide(ctx, ref, 'md')).body;
    // Markdown spaces text plainly, so the no-break space before "?" is an ordinary one.
    expect(markdown.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## En quoi consiste ce métier ?',
      '## Pour aller plus loin',
      "## Codes dans d'autres classifications",
    ]);
    const view = await getGuideView(ctx, ref);
    expect([view.lang, Object.keys(view.sections)]).toEqual([
      'fr',
      ['summary', 'links', 'crosswalk'],
    ]);
  });

  it('refuses a language the download has no files for', async () => {
    const { ctx } = await start();
    await expect(
      importEscoRelease(ctx, importer, releases.esco, { language: 'fr' }),
    ).rejects.toMatchObject({ code: 'import_failed' });
  });

  it('refuses an actor without the write scope before reading anything', async () => {
    const { ctx } = await start();
    await expect(importOnetRelease(ctx, undefined, '/no/such/release')).rejects.toMatchObject({
      code: 'unauthorized',
    });
  });
});
