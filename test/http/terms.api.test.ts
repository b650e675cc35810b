import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIDDEN_ACTOR, limits, type AppError } from '../../src/domain/index.js';
import { applyImport, systemActor } from '../../src/services/index.js';
import { inlined, type OpenApiDocument } from '../support/openapi.js';
import { startServer, type TestServer } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

const termContent = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  abbreviations: [],
  aliases: [],
  definition: `${name}, a term created by the API tests.`,
  examples: [],
  category: 'concept',
  caseSensitive: false,
  ...extra,
});

const newTerm = (slug: string, extra: Record<string, unknown> = {}) => ({
  slug,
  ...termContent(`Term ${slug}`, extra),
});

describe.each(storeTargets)('terms API on $name', (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(target);
  });
  afterAll(async () => {
    await server.close();
  });

  const ifMatch = (version?: number) =>
    version === undefined ? {} : { headers: { 'if-match': `"${version}"` } };

  const create = async (slug: string, extra: Record<string, unknown> = {}) => {
    const response = await server.request('/v1/terms', {
      method: 'POST',
      json: newTerm(slug, extra),
      key: server.writeKey,
    });
    expect(response.status).toBe(201);
  };

  const get = (slug: string) => server.request(`/v1/terms/${slug}`);

  const put = (slug: string, content: object, version?: number, key = server.writeKey) =>
    server.request(`/v1/terms/${slug}`, { method: 'PUT', json: content, key, ...ifMatch(version) });

  const remove = (slug: string, version?: number) =>
    server.request(`/v1/terms/${slug}`, {
      method: 'DELETE',
      key: server.writeKey,
      ...ifMatch(version),
    });

  const revert = (slug: string, toVersion: number, version?: number, key = server.writeKey) =>
    server.request(`/v1/terms/${slug}/revert`, {
      method: 'POST',
      json: { version: toVersion },
      key,
      ...ifMatch(version),
    });

  /** Creates `slug` and edits its definition twice: versions 1, 2 and 3. */
  const createAndEditTwice = async (slug: string) => {
    await create(slug);
    for (const version of [1, 2]) {
      const response = await put(
        slug,
        termContent(`Term ${slug}`, { definition: `Edit ${version}.` }),
        version,
      );
      expect(response.status).toBe(200);
    }
  };

  it('creates a term with its version as the ETag and its URL as the Location', async () => {
    const response = await server.request('/v1/terms', {
      method: 'POST',
      json: newTerm('created'),
      key: server.writeKey,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.headers.get('location')).toBe('/v1/terms/created');
    expect(await response.json()).toMatchObject({ slug: 'created', version: 1 });
  });

  it('creates a term from its slug, name, definition and category alone, its lists empty', async () => {
    const response = await server.request('/v1/terms', {
      method: 'POST',
      json: {
        slug: 'bare',
        name: 'Bare Term',
        definition: 'A term given the least.',
        category: 'concept',
      },
      key: server.writeKey,
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      abbreviations: [],
      aliases: [],
      examples: [],
      caseSensitive: false,
    });
  });

  it('refuses an alias every text would mention, naming it, and writes nothing', async () => {
    const response = await server.request('/v1/terms', {
      method: 'POST',
      json: newTerm('everywhere', { aliases: ['the'] }),
      key: server.writeKey,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ field: 'aliases.0' }] });
    expect((await get('everywhere')).status).toBe(404);
  });

  it('serves a term with its version as the ETag', async () => {
    await create('served');
    const response = await get('served');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(await response.json()).toMatchObject({ ...newTerm('served'), version: 1 });
  });

  it('replaces a term with the version in If-Match and answers the new ETag', async () => {
    await create('replaced');
    const response = await put('replaced', termContent('Replaced', { category: 'practice' }), 1);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    expect(await (await get('replaced')).json()).toMatchObject({
      name: 'Replaced',
      category: 'practice',
      version: 2,
    });
  });

  it('refuses a replace without If-Match and changes nothing', async () => {
    await create('unguarded');
    const response = await put('unguarded', termContent('Unguarded'));
    expect(response.status).toBe(428);
    expect(await response.json()).toMatchObject({ code: 'precondition_required' });
    expect(await (await get('unguarded')).json()).toMatchObject({ version: 1 });
  });

  it('refuses a replace with a stale version and changes nothing', async () => {
    await create('stale');
    expect((await put('stale', termContent('Fresh'), 1)).status).toBe(200);
    const response = await put('stale', termContent('Late'), 1);
    expect(response.status).toBe(412);
    expect(await response.json()).toMatchObject({ code: 'precondition_failed' });
    expect(await (await get('stale')).json()).toMatchObject({ name: 'Fresh', version: 2 });
  });

  it('names the bad field of a replace and changes nothing', async () => {
    await create('badly-replaced');
    const response = await put('badly-replaced', termContent('Bad', { category: 'colour' }), 1);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'category' }],
    });
    expect(await (await get('badly-replaced')).json()).toMatchObject({ version: 1 });
  });

  it('stores list items with their spaces collapsed', async () => {
    const response = await server.request('/v1/terms', {
      method: 'POST',
      json: newTerm('spaced', { abbreviations: [' SPC '], aliases: ['spaced\u00a0out  term'] }),
      key: server.writeKey,
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      abbreviations: ['SPC'],
      aliases: ['spaced out term'],
    });
  });

  it('refuses an alias that repeats another but for its case, naming both, and writes nothing', async () => {
    const response = await server.request('/v1/terms', {
      method: 'POST',
      json: newTerm('repeated', { aliases: ['Nodejs', 'node js', 'nodejs'] }),
      key: server.writeKey,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'aliases.2', message: 'aliases.2 repeats item 0 ("Nodejs")' }],
    });
    expect((await get('repeated')).status).toBe(404);
  });

  it('takes short abbreviations and a case-sensitive term’s forms that differ only in case, as each is matched apart', async () => {
    const response = await server.request('/v1/terms', {
      method: 'POST',
      json: newTerm('cased', {
        abbreviations: ['IoC', 'IOC'],
        aliases: ['Helm chart', 'helm chart'],
        caseSensitive: true,
      }),
      key: server.writeKey,
    });
    expect(response.status).toBe(201);
  });

  it('refuses a term with more aliases than the limit, naming the field', async () => {
    const aliases = Array.from({ length: limits.termAliases + 1 }, (_, i) => `Alias ${i}`);
    const response = await server.request('/v1/terms', {
      method: 'POST',
      json: newTerm('many-aliases', { aliases }),
      key: server.writeKey,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      code: 'payload_too_large',
      errors: [{ field: 'aliases' }],
    });
    expect((await get('many-aliases')).status).toBe(404);
  });

  it('refuses an alias or abbreviation over the length limit, naming it', async () => {
    await create('long-forms');
    const long = 'x'.repeat(limits.termForm + 1);
    const response = await put(
      'long-forms',
      termContent('Long forms', { abbreviations: [long], aliases: ['fine', long] }),
      1,
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      code: 'payload_too_large',
      errors: [{ field: 'abbreviations.0' }, { field: 'aliases.1' }],
    });
  });

  it('refuses a write without a key and writes nothing', async () => {
    const response = await server.request('/v1/terms', {
      method: 'POST',
      json: newTerm('keyless'),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'unauthorized' });
    expect((await get('keyless')).status).toBe(404);
  });

  it('refuses a delete without If-Match', async () => {
    await create('undeleted');
    const response = await remove('undeleted');
    expect(response.status).toBe(428);
    expect((await get('undeleted')).status).toBe(200);
  });

  it('refuses a delete with a stale version', async () => {
    await create('stale-delete');
    expect((await put('stale-delete', termContent('Edited'), 1)).status).toBe(200);
    expect((await remove('stale-delete', 1)).status).toBe(412);
    expect((await get('stale-delete')).status).toBe(200);
  });

  it('deletes a term with the current version, then answers 404', async () => {
    await create('deleted');
    const response = await remove('deleted', 1);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ version: 2, referencedBy: [] });
    const after = await get('deleted');
    expect(after.status).toBe(404);
    expect(await after.json()).toMatchObject({ code: 'not_found' });
  });

  it('creates a deleted term again at the version after its history', async () => {
    await create('reborn');
    expect((await remove('reborn', 1)).status).toBe(200);
    const response = await server.request('/v1/terms', {
      method: 'POST',
      json: newTerm('reborn'),
      key: server.writeKey,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('"3"');
  });

  it('refuses a name another term has, written with other case, accents, width or spaces', async () => {
    await create('cafe-au-lait', { name: 'Caf\u00e9 au lait' });
    const written = [
      'Cafe\u0301 au lait',
      '\uff23\uff21\uff26\uff25 AU LAIT',
      ' Cafe  au-lait ',
      'Caf\u00e9\u00a0au\u200b lait',
    ];
    for (const [i, name] of written.entries()) {
      const response = await server.request('/v1/terms', {
        method: 'POST',
        json: newTerm(`cafe-spelling-${i}`, { name }),
        key: server.writeKey,
      });
      expect(response.status, JSON.stringify(name)).toBe(409);
      expect(await response.json()).toMatchObject({
        code: 'conflict',
        errors: [{ message: '"Caf\u00e9 au lait" already names term cafe-au-lait' }],
      });
    }
  });

  it('refuses to delete a term a role still uses', async () => {
    const response = await remove('sql', 1);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      code: 'conflict',
      errors: [{ field: 'slug', message: 'used by role rolebook/query-writer' }],
    });
    expect((await get('sql')).status).toBe(200);
  });

  it('never leaves a role naming a term deleted while the role was saved', async () => {
    for (let round = 0; round < 12; round++) {
      const slug = `contested-term-${round}`;
      await create(slug);
      const stored = await server.request('/v1/roles/rolebook/query-writer');
      const role = (await stored.json()) as { terms: string[] };
      const [saved, deleted] = await Promise.all([
        server.request('/v1/roles/rolebook/query-writer', {
          method: 'PUT',
          json: { ...role, terms: [...role.terms, slug] },
          key: server.writeKey,
          headers: { 'if-match': stored.headers.get('etag')! },
        }),
        remove(slug, 1),
      ]);
      const after = (await (await server.request('/v1/roles/rolebook/query-writer')).json()) as {
        terms: string[];
      };
      const termStatus = (await get(slug)).status;
      expect([saved.ok, deleted.ok], `round ${round}`).not.toEqual([true, true]);
      expect(after.terms.includes(slug) && termStatus === 404, `round ${round}`).toBe(false);
    }
  });

  it('refuses a whole import that brings two terms of one name, naming both', async () => {
    const refusal = await applyImport(server.rolebook.ctx, systemActor('test'), {
      source: 'test',
      taxonomies: [],
      roles: [],
      terms: [
        { slug: 'pack-first', content: { ...termContent('Packed Name'), category: 'concept' } },
        { slug: 'pack-second', content: { ...termContent('PACKED NAME'), category: 'concept' } },
      ],
    }).catch((error: unknown) => error as AppError);
    expect(refusal).toMatchObject({
      code: 'conflict',
      details: [{ field: 'pack-first', message: '"PACKED NAME" also names term pack-second' }],
    });
    expect((await get('pack-first')).status).toBe(404);
    expect((await get('pack-second')).status).toBe(404);
  });

  it("refuses to delete a term that is another term's example", async () => {
    await create('example-child');
    await create('example-parent', { examples: ['example-child'] });
    const response = await remove('example-child', 1);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      code: 'conflict',
      errors: [{ field: 'slug', message: 'an example in term example-parent' }],
    });
    expect((await get('example-child')).status).toBe(200);
  });

  it('finds no term for a search of punctuation only', async () => {
    const response = await server.request('/v1/terms?q=!!!');
    expect(await response.json()).toMatchObject({ items: [], total: 0 });
  });

  it('lists the revisions of a term after two edits, newest first', async () => {
    await createAndEditTwice('revised');
    const response = await server.request('/v1/terms/revised/revisions');
    expect(response.status).toBe(200);
    const { items: revisions } = (await response.json()) as {
      items: { version: number; action: string }[];
    };
    expect(revisions.map((r) => [r.version, r.action])).toEqual([
      [3, 'update'],
      [2, 'update'],
      [1, 'create'],
    ]);
  });

  it('names no writer of a revision to a reader without the read scope', async () => {
    await create('anonymous-history');
    const response = await server.request('/v1/terms/anonymous-history/revisions');
    expect(await response.json()).toMatchObject({
      items: [{ action: 'create', actor: HIDDEN_ACTOR }],
    });
  });

  it('names the writer of each revision to a caller with the read scope', async () => {
    await create('named-history');
    const response = await server.request('/v1/terms/named-history/revisions', {
      key: server.writeKey,
    });
    expect(await response.json()).toMatchObject({
      items: [{ action: 'create', actor: expect.stringMatching(/^key:test:/) as string }],
    });
  });

  it("reverts to version 1 after two edits as version 4 with version 1's content", async () => {
    await createAndEditTwice('reverted');
    const response = await revert('reverted', 1, 3);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"4"');
    const expected = { ...newTerm('reverted'), version: 4 };
    expect(await response.json()).toMatchObject(expected);
    expect(await (await get('reverted')).json()).toMatchObject(expected);
    const { items: revisions } = (await (
      await server.request('/v1/terms/reverted/revisions')
    ).json()) as { items: { version: number }[] };
    expect(revisions[0]).toMatchObject({ version: 4, action: 'revert' });
  });

  it('refuses a revert with a stale version and changes nothing', async () => {
    await createAndEditTwice('stale-revert');
    const response = await revert('stale-revert', 1, 2);
    expect(response.status).toBe(412);
    expect(await (await get('stale-revert')).json()).toMatchObject({
      definition: 'Edit 2.',
      version: 3,
    });
  });

  it('refuses a revert without If-Match', async () => {
    await createAndEditTwice('unguarded-revert');
    expect((await revert('unguarded-revert', 1)).status).toBe(428);
  });

  it('refuses a revert without a key', async () => {
    await createAndEditTwice('keyless-revert');
    expect((await revert('keyless-revert', 1, 3, '')).status).toBe(401);
    expect(await (await get('keyless-revert')).json()).toMatchObject({ version: 3 });
  });

  it('answers a revert to an unknown version with 404', async () => {
    await createAndEditTwice('unknown-version');
    const response = await revert('unknown-version', 9, 3);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      code: 'not_found',
      detail: 'Version 9 of term unknown-version was not found.',
    });
  });

  it('answers a revert of an unknown term with 404', async () => {
    const response = await revert('nothing-here', 1, 1);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      code: 'not_found',
      detail: 'Term nothing-here was not found.',
    });
  });

  it('describes the term revert route in the OpenAPI document', async () => {
    const document = (await (await server.request('/v1/openapi.json')).json()) as OpenApiDocument;
    const revert = document.paths['/v1/terms/{slug}/revert']?.post;
    expect(revert).toBeDefined();
    expect(JSON.stringify(inlined(document, revert?.requestBody))).toContain('"version"');
  });
});
