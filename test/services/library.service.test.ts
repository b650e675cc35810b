import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyRoleContent, type RoleContent } from '../../src/domain/index.js';
import {
  applyImport,
  createRole,
  deleteRole,
  getLibraryOverview,
  getTermDetails,
  searchLibrary,
  systemActor,
  type Rolebook,
} from '../../src/services/index.js';
import { guideSections } from '../support/guides.js';
import { storeTargets } from '../support/stores.js';

const editor = systemActor('test-editor');

const role = (name: string, extra: Partial<RoleContent> = {}): RoleContent => ({
  ...emptyRoleContent(name),
  summary: `${name} summary`,
  status: 'published',
  ...extra,
});

describe.each(storeTargets)('library reads on $name', (target) => {
  let rolebook: Rolebook;
  beforeAll(async () => {
    rolebook = await target.open();
    await applyImport(rolebook.ctx, editor, {
      source: 'test',
      taxonomies: [{ id: 'aaa', name: 'A taxonomy sorted before the library' }],
      roles: [{ taxonomy: 'aaa', code: 'x1', content: role('API Tester') }],
    });
  });
  afterAll(async () => {
    await rolebook.close();
  });

  it('counts the taxonomies, roles and terms for the front page', async () => {
    const overview = await getLibraryOverview(rolebook.ctx);
    expect(overview.termCount).toBe(3);
    expect(overview.featured.map((r) => r.code)).toEqual(['api-builder', 'query-writer']);
    expect(overview.taxonomies.find((t) => t.id === 'rolebook')?.roleCount).toBe(2);
  });

  it('counts a taxonomy’s published roles only, as readers see them listed', async () => {
    await createRole(
      rolebook.ctx,
      editor,
      { taxonomy: 'aaa', code: 'draft-only' },
      role('Drafted', { status: 'draft' }),
    );
    const overview = await getLibraryOverview(rolebook.ctx);
    expect(overview.taxonomies.find((t) => t.id === 'aaa')?.roleCount).toBe(1);
    await deleteRole(rolebook.ctx, editor, { taxonomy: 'aaa', code: 'draft-only' }, 1);
  });

  it('finds roles of the built-in library before other taxonomies', async () => {
    const found = await searchLibrary(rolebook.ctx, 'api');
    expect(found.roles.map((r) => `${r.taxonomy}/${r.code}`)).toEqual([
      'rolebook/api-builder',
      'aaa/x1',
    ]);
  });

  it('finds the roles whose guides list a term the query names, saying so', async () => {
    const found = await searchLibrary(rolebook.ctx, 'Structured Query Language');
    expect(found.roles).toContainEqual(
      expect.objectContaining({ code: 'query-writer', uses: 'SQL' }),
    );
  });

  it('finds terms by abbreviation', async () => {
    const found = await searchLibrary(rolebook.ctx, 'API');
    expect(found.terms.map((t) => t.slug)).toContain('api');
  });

  it('finds a term named with typos', async () => {
    const found = await searchLibrary(rolebook.ctx, 'Aplication Programing Interface');
    expect(found.terms.map((t) => t.slug)).toEqual(['api']);
  });

  it('forgives no typo in a word shorter than five letters', async () => {
    const found = await searchLibrary(rolebook.ctx, 'SQK');
    expect(found.terms).toEqual([]);
  });

  it('puts names that start with the query first', async () => {
    const found = await searchLibrary(rolebook.ctx, 'writer');
    expect(found.roles[0]?.code).toBe('query-writer');
  });

  it('finds nothing for a query of punctuation alone', async () => {
    expect(await searchLibrary(rolebook.ctx, '  ?! ')).toEqual({
      roles: [],
      terms: [],
      termForms: {},
    });
  });

  it('gives a term its examples both ways', async () => {
    const api = await getTermDetails(rolebook.ctx, 'api');
    expect(api.examples.map((t) => t.slug)).toEqual(['rest']);
    const rest = await getTermDetails(rolebook.ctx, 'rest');
    expect(rest.exampleOf.map((t) => t.slug)).toEqual(['api']);
  });

  it('names the published roles that use a term', async () => {
    const details = await getTermDetails(rolebook.ctx, 'sql');
    expect(details.roles.map((r) => r.code)).toEqual(['query-writer']);
  });

  it('sees a role that starts using a term, and forgets it when deleted', async () => {
    await getTermDetails(rolebook.ctx, 'sql');
    const ref = { taxonomy: 'rolebook', code: 'sql-reader' };
    await createRole(
      rolebook.ctx,
      editor,
      ref,
      role('SQL Reader', { ...guideSections('SQL Reader'), terms: ['sql'] }),
    );
    expect((await getTermDetails(rolebook.ctx, 'sql')).roles.map((r) => r.code)).toEqual([
      'query-writer',
      'sql-reader',
    ]);
    await deleteRole(rolebook.ctx, editor, ref, 1);
    expect((await getTermDetails(rolebook.ctx, 'sql')).roles.map((r) => r.code)).toEqual([
      'query-writer',
    ]);
  });

  it('counts a guide that names a term among its technologies, after those that list it', async () => {
    const ref = { taxonomy: 'rolebook', code: 'analytics-builder' };
    const technologies = [{ name: 'Structured Query Language', category: 'Language' }];
    await createRole(
      rolebook.ctx,
      editor,
      ref,
      role('Analytics Builder', { ...guideSections('Analytics Builder'), technologies }),
    );
    expect((await getTermDetails(rolebook.ctx, 'sql')).roles.map((r) => r.code)).toEqual([
      'query-writer',
      'analytics-builder',
    ]);
    await deleteRole(rolebook.ctx, editor, ref, 1);
  });

  it('leaves draft roles out of a term', async () => {
    const ref = { taxonomy: 'rolebook', code: 'draft-user' };
    await createRole(
      rolebook.ctx,
      editor,
      ref,
      role('Draft User', { terms: ['rest'], status: 'draft' }),
    );
    expect((await getTermDetails(rolebook.ctx, 'rest')).roles.map((r) => r.code)).toEqual([
      'api-builder',
    ]);
  });

  it('refuses an unknown term', async () => {
    await expect(getTermDetails(rolebook.ctx, 'nothing')).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
