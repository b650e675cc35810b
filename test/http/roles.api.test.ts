import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIDDEN_ACTOR } from '../../src/domain/index.js';
import { createApiKey, systemActor } from '../../src/services/index.js';
import { inlined, type OpenApiDocument } from '../support/openapi.js';
import { startServer, type TestServer } from '../support/server.js';
import { guideSections } from '../support/guides.js';
import { storeTargets } from '../support/stores.js';

const newRole = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  name: `Role ${code}`,
  summary: 'A role created by the API tests.',
  ...guideSections(`Role ${code}`),
  alternativeTitles: [`${code} specialist`],
  crosswalk: [],
  status: 'published',
  ...extra,
});

describe.each(storeTargets)('roles API on $name', (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(target, { limits: { bodyBytes: 64 * 1024 } });
  });
  afterAll(async () => {
    await server.close();
  });

  const roleExists = async (code: string) =>
    (await server.request(`/v1/roles/rolebook/${code}`)).status === 200;

  it('lists published roles with a total', async () => {
    const response = await server.request('/v1/roles?taxonomy=rolebook&limit=1');
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: { code: string }[]; total: number };
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
  });

  it.each(['!!!', '-', '_', '%', '*', '"'])(
    'finds no role for a search of punctuation only (%s), as the search page does',
    async (q) => {
      const response = await server.request(
        `/v1/roles?taxonomy=rolebook&q=${encodeURIComponent(q)}`,
      );
      expect(await response.json()).toMatchObject({ items: [], total: 0 });
    },
  );

  it('answers an unknown taxonomy with the same 404 problem as every endpoint that takes one', async () => {
    const paths = [
      '/v1/roles?taxonomy=nope',
      '/v1/lint?taxonomy=nope',
      '/v1/normalize?title=API%20Builder&taxonomy=nope',
    ];
    const answers = await Promise.all(
      paths.map(async (path) => {
        const response = await server.request(path);
        const problem = (await response.json()) as { code: string };
        return { path, status: response.status, code: problem.code };
      }),
    );
    expect(answers).toEqual(paths.map((path) => ({ path, status: 404, code: 'not_found' })));
  });

  it('answers a create in an unknown taxonomy with the same 404 problem', async () => {
    const response = await server.request('/v1/roles?taxonomy=nope', {
      method: 'POST',
      key: server.writeKey,
      json: { code: 'lost-role', name: 'Lost Role', summary: 'In no taxonomy.' },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not_found' });
  });

  it('names a wrong query parameter and what it takes in plain words', async () => {
    const response = await server.request('/v1/roles?limit=abc&q=' + 'a'.repeat(201));
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { field: string; message: string }[] };
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'query.limit', message: 'query.limit must be a whole number' },
        { field: 'query.q', message: 'query.q is longer than 200 characters' },
      ]),
    );
  });

  it.each(['0x2', '2e0', '+2', '%202'])(
    'refuses limit=%s, a number not written as a plain decimal',
    async (limit) => {
      const response = await server.request(`/v1/roles?limit=${limit}`);
      expect(response.status).toBe(400);
      const problem = (await response.json()) as { errors: { field: string; message: string }[] };
      expect(problem.errors).toEqual([
        {
          field: 'query.limit',
          message: 'query.limit must be written as a plain decimal number, such as 5 or 0.5',
        },
      ]);
    },
  );

  it('says a query parameter was given more than once, not that it has the wrong type', async () => {
    const response = await server.request('/v1/roles?limit=2&limit=3');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [
        { field: 'query.limit', message: 'query.limit is given more than once; give it once' },
      ],
    });
  });

  it('serves a role with its version as the ETag', async () => {
    const response = await server.request('/v1/roles/rolebook/api-builder');
    expect(response.headers.get('etag')).toBe('"1"');
    expect(await response.json()).toMatchObject({ name: 'API Builder', version: 1 });
  });

  it.each(['"1"', 'W/"1"', '"7", "1"', '*'])(
    'answers If-None-Match %s naming the version kept with 304 and no body',
    async (ifNoneMatch) => {
      const response = await server.request('/v1/roles/rolebook/api-builder', {
        headers: { 'if-none-match': ifNoneMatch },
      });
      expect(response.status).toBe(304);
      expect(await response.text()).toBe('');
    },
  );

  it('answers If-None-Match naming another version with the role', async () => {
    const response = await server.request('/v1/roles/rolebook/api-builder', {
      headers: { 'if-none-match': '"7"' },
    });
    expect(response.status).toBe(200);
  });

  it('answers an unknown role with a problem', async () => {
    const response = await server.request('/v1/roles/rolebook/nobody');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('stores a role’s titles with their spaces collapsed', async () => {
    const response = await server.request('/v1/roles', {
      method: 'POST',
      key: server.writeKey,
      json: newRole('spaced-role', { alternativeTitles: ['  Data\u00a0Wrangler ', 'Data  Tamer'] }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      alternativeTitles: ['Data Wrangler', 'Data Tamer'],
    });
  });

  it('refuses a skill that repeats another by name, naming both, and writes nothing', async () => {
    const response = await server.request('/v1/roles', {
      method: 'POST',
      key: server.writeKey,
      json: newRole('repeated-skill', { skills: [{ name: 'SQL' }, { name: ' sql ' }] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [{ field: 'skills.1', message: 'skills.1 repeats item 0 ("SQL")' }],
    });
    expect(await roleExists('repeated-skill')).toBe(false);
  });

  it('refuses a write without a key and writes nothing', async () => {
    const response = await server.request('/v1/roles', {
      method: 'POST',
      json: newRole('keyless'),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'unauthorized' });
    expect(await roleExists('keyless')).toBe(false);
  });

  it('names the scheme it accepts when it answers 401', async () => {
    const response = await server.request('/v1/roles', { method: 'POST', json: newRole('x') });
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="rolebook"');
  });

  it('refuses a key that is not valid', async () => {
    const response = await server.request('/v1/roles', {
      method: 'POST',
      json: newRole('badkey'),
      key: 'rbk_nope',
    });
    expect(response.status).toBe(401);
  });

  it('creates a role with a key', async () => {
    const response = await server.request('/v1/roles', {
      method: 'POST',
      json: newRole('created'),
      key: server.writeKey,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/v1/roles/rolebook/created');
    expect(await roleExists('created')).toBe(true);
  });

  it('names an unknown field and writes nothing', async () => {
    const response = await server.request('/v1/roles', {
      method: 'POST',
      json: newRole('extra', { colour: 'blue' }),
      key: server.writeKey,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'colour', message: 'colour is not a known field' }],
    });
    expect(await roleExists('extra')).toBe(false);
  });

  it('names a field of the wrong type', async () => {
    const response = await server.request('/v1/roles', {
      method: 'POST',
      json: newRole('typed', { alternativeTitles: 'one' }),
      key: server.writeKey,
    });
    expect(await response.json()).toMatchObject({ errors: [{ field: 'alternativeTitles' }] });
  });

  it('refuses an over-long string', async () => {
    const response = await server.request('/v1/roles', {
      method: 'POST',
      json: newRole('long', { name: 'x'.repeat(501) }),
      key: server.writeKey,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errors: [{ field: 'name' }] });
  });

  it('refuses malformed JSON', async () => {
    const response = await server.request('/v1/roles', {
      method: 'POST',
      body: '{"code": ',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.writeKey}` },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'bad_request' });
  });

  it('refuses an oversize body', async () => {
    const response = await server.request('/v1/roles', {
      method: 'POST',
      json: newRole('huge', { summary: 'x'.repeat(70 * 1024) }),
      key: server.writeKey,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('refuses a duplicate code', async () => {
    const response = await server.request('/v1/roles', {
      method: 'POST',
      json: newRole('api-builder', { alternativeTitles: [] }),
      key: server.writeKey,
    });
    expect(response.status).toBe(409);
  });

  it('names the field that gives a title another role holds: the name, or the alternative title', async () => {
    const response = await server.request('/v1/roles', {
      method: 'POST',
      json: newRole('sql-author', { name: 'Query Writer', alternativeTitles: ['x', 'SQL Writer'] }),
      key: server.writeKey,
    });
    expect(response.status).toBe(409);
    const problem = (await response.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field)).toEqual(['name', 'alternativeTitles.1']);
  });

  it('names an unknown reference', async () => {
    const response = await server.request('/v1/roles', {
      method: 'POST',
      json: newRole('dangling', { terms: ['missing-term'] }),
      key: server.writeKey,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ field: 'terms.0' }] });
    expect(await roleExists('dangling')).toBe(false);
  });

  it('refuses a stale write and a write without If-Match', async () => {
    await server.request('/v1/roles', {
      method: 'POST',
      json: newRole('edited'),
      key: server.writeKey,
    });
    const { code: _code, ...content } = newRole('edited', { summary: 'Edited once.' });
    const put = (ifMatch?: string) =>
      server.request('/v1/roles/rolebook/edited', {
        method: 'PUT',
        json: content,
        key: server.writeKey,
        ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
      });
    expect((await put()).status).toBe(428);
    const first = await put('"1"');
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"2"');
    expect((await put('"1"')).status).toBe(412);
  });

  it('lists the revisions of a role, newest first', async () => {
    const response = await server.request('/v1/roles/rolebook/edited/revisions');
    const { items: revisions } = (await response.json()) as {
      items: { version: number; action: string }[];
    };
    expect(revisions.map((r) => [r.version, r.action])).toEqual([
      [2, 'update'],
      [1, 'create'],
    ]);
  });

  it('pages the revisions of a role and says how many there are in all', async () => {
    const response = await server.request('/v1/roles/rolebook/edited/revisions?limit=1&offset=1');
    expect(await response.json()).toMatchObject({
      items: [{ version: 1, action: 'create' }],
      total: 2,
      limit: 1,
      offset: 1,
    });
  });

  it('names no writer of a revision to a reader without the read scope', async () => {
    const response = await server.request('/v1/roles/rolebook/edited/revisions');
    const { items: revisions } = (await response.json()) as { items: { actor: string }[] };
    expect(revisions.map((r) => r.actor)).toEqual([HIDDEN_ACTOR, HIDDEN_ACTOR]);
  });

  it('names the writer of each revision to a caller with the read scope', async () => {
    const { secret } = await createApiKey(server.rolebook.ctx, systemActor('test'), {
      name: 'history-reader',
      scopes: ['read'],
    });
    const response = await server.request('/v1/roles/rolebook/edited/revisions', { key: secret });
    const { items: revisions } = (await response.json()) as { items: { actor: string }[] };
    expect(revisions.map((r) => r.actor)).toEqual([
      expect.stringMatching(/^key:test:/),
      expect.stringMatching(/^key:test:/),
    ]);
  });

  it('reverts a role to an earlier version as a new version', async () => {
    await server.request('/v1/roles', {
      method: 'POST',
      json: newRole('reverted'),
      key: server.writeKey,
    });
    const { code: _code, ...content } = newRole('reverted', { summary: 'Edited once.' });
    const edit = await server.request('/v1/roles/rolebook/reverted', {
      method: 'PUT',
      json: content,
      key: server.writeKey,
      headers: { 'if-match': '"1"' },
    });
    expect(edit.status).toBe(200);
    const response = await server.request('/v1/roles/rolebook/reverted/revert', {
      method: 'POST',
      json: { version: 1 },
      key: server.writeKey,
      headers: { 'if-match': '"2"' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"3"');
    expect(await response.json()).toMatchObject({ summary: newRole('reverted').summary });
  });

  it('refuses a revert without a key before saying whether the version exists', async () => {
    const response = await server.request('/v1/roles/rolebook/api-builder/revert', {
      method: 'POST',
      json: { version: 99 },
      headers: { 'if-match': '"1"' },
    });
    expect(response.status).toBe(401);
  });

  it('lists the taxonomies with the number their role names are in', async () => {
    const response = await server.request('/v1/taxonomies');
    expect(response.status).toBe(200);
    expect(await response.json()).toContainEqual(
      expect.objectContaining({ id: 'rolebook', roleNameNumber: 'singular' }),
    );
    const document = (await (await server.request('/v1/openapi.json')).json()) as OpenApiDocument;
    const listed = document.paths['/v1/taxonomies']?.get?.responses;
    expect(JSON.stringify(inlined(document, listed))).toContain('roleNameNumber');
  });

  it('publishes an OpenAPI 3.1 document of the API', async () => {
    const response = await server.request('/v1/openapi.json');
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/roles',
        '/v1/roles/{taxonomy}/{code}',
        '/v1/terms',
        '/v1/terms/{slug}',
      ]),
    );
  });

  it('serves the API docs page', async () => {
    const response = await server.request('/v1/docs/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
  });

  it('reports health, readiness and metrics', async () => {
    expect((await server.request('/healthz')).status).toBe(200);
    expect(await (await server.request('/readyz')).json()).toEqual({ status: 'ready' });
    expect(await (await server.request('/metrics')).text()).toContain(
      'rolebook_http_request_duration_seconds',
    );
  });
});
