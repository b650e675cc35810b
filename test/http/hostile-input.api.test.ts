import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyRoleContent } from '../../src/domain/index.js';
import { startServer, type TestServer } from '../support/server.js';
import { storeTargets } from '../support/stores.js';
import { guideSections } from '../support/guides.js';

const role = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  ...emptyRoleContent(`Role ${code}`),
  ...guideSections(`Role ${code}`),
  summary: 'A role written by the hostile-input tests.',
  status: 'published',
  ...extra,
});

interface Problem {
  code: string;
  detail: string;
  requestId: string;
  errors?: { field?: string; message: string }[];
}

describe.each(storeTargets)('hostile input on $name', (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(target);
  });
  afterAll(async () => {
    await server.close();
  });

  const createRole = (body: unknown) =>
    server.request('/v1/roles?taxonomy=rolebook', {
      method: 'POST',
      key: server.writeKey,
      json: body,
    });

  const roleCount = async () =>
    ((await (await server.request('/v1/roles?taxonomy=rolebook')).json()) as { total: number })
      .total;

  it('refuses a code with a lone surrogate before anything is written', async () => {
    const before = await roleCount();
    const response = await createRole(role('\ud800'));
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Problem;
    expect(problem.errors?.[0]?.field).toBe('code');
    expect(problem.errors?.[0]?.message).toContain('well-formed Unicode');
    expect(await roleCount()).toBe(before);
  });

  it.each([
    ['an escape sequence', 'Backend \u001b[2J Developer', 'U+001B'],
    ['a bell', 'Backend\u0007 Developer', 'U+0007'],
    ['a bidirectional override', 'Backend \u202eDeveloper', 'U+202E'],
    ['a NUL', 'Backend\u0000Developer', 'U+0000'],
  ])('refuses a name holding %s, naming the field and the character', async (_case, name, what) => {
    const response = await createRole(role('control-name', { name }));
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Problem;
    expect(problem.errors?.[0]).toMatchObject({ field: 'name' });
    expect(problem.errors?.[0]?.message).toContain(what);
  });

  it.each(['javascript:alert(1)', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'data:text/html,x'])(
    'refuses a link to %s, saying what a link must be',
    async (url) => {
      const response = await createRole(
        role('bad-link', { links: [{ title: 'Learn more', url }] }),
      );
      expect(response.status).toBe(400);
      expect(((await response.json()) as Problem).errors).toContainEqual({
        field: 'links.0.url',
        message: 'links.0.url must be an http or https URL',
      });
    },
  );

  it.each([
    ['a name of spaces only', { name: '   ' }, 'name'],
    ['the code "."', { code: '.' }, 'code'],
    ['the code ".."', { code: '..' }, 'code'],
  ])('refuses %s', async (_case, extra, field) => {
    const response = await createRole({ ...role('spaces'), ...extra });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).errors?.[0]?.field).toBe(field);
  });

  it.each([
    ['a malformed percent-encoding', '/v1/roles/rolebook/%', {}, 400],
    [
      'a path that climbs out of the console',
      '/v1/docs/static/%2e%2e/%2e%2e/package.json',
      {},
      404,
    ],
    [
      'a range past the end of a file',
      '/v1/docs/static/swagger-ui.css',
      { range: 'bytes=999999999-' },
      400,
    ],
  ])('answers %s with a 4xx problem, not a 500', async (_case, path, headers, status) => {
    const response = await server.request(path, { headers });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    if (status !== 404) expect(response.headers.get('content-type')).toContain('problem+json');
  });

  it('answers a health probe whatever its Authorization header says', async () => {
    const response = await server.request('/healthz', { headers: { authorization: 'Bearer x' } });
    expect(response.status).toBe(200);
  });

  it.each(['/v1/analyze', '/v1/diagnose'])(
    'answers a POST to %s with no body and no Content-Type with 415 naming the types',
    async (path) => {
      const response = await server.request(path, { method: 'POST' });
      expect(response.status).toBe(415);
      const problem = (await response.json()) as { detail: string };
      expect(problem.detail).toContain('application/json, text/plain');
    },
  );

  it('refuses a write body that is not valid UTF-8', async () => {
    const json = Buffer.from(JSON.stringify(role('latin-one', { name: 'Caf_' })));
    json[json.indexOf('_')] = 0xe9;
    const response = await server.request('/v1/roles?taxonomy=rolebook', {
      method: 'POST',
      key: server.writeKey,
      headers: { 'content-type': 'application/json' },
      body: json,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).detail).toContain('UTF-8');
    expect((await server.request('/v1/roles/rolebook/latin-one')).status).toBe(404);
  });

  it('refuses a JSON body that is not an object as the request body, not as "(root)"', async () => {
    const response = await server.request('/v1/analyze', { method: 'POST', json: [1, 2] });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Problem;
    expect(problem.detail).toBe('the request body must be a JSON object');
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'body' })]);
  });

  it.each([
    ['a NUL in a role code', '/v1/roles/rolebook/a%00b'],
    ['a NUL in a list filter', '/v1/roles?q=a%00b'],
    ['a NUL in a term slug', '/v1/terms/a%00b'],
    ['an offset past the deepest page', '/v1/roles?offset=9223372036854775807'],
    ['an offset in exponent form', '/v1/roles?offset=1e20'],
  ])('answers %s with 400, not a database error', async (_case, path) => {
    const response = await server.request(path);
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).code).toBe('validation_failed');
  });

  it('refuses a malformed percent-escape in a query with a problem naming the parameter', async () => {
    const response = await server.request('/v1/roles?limit=5&q=%E0%A4%A');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as Problem;
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'query.q' })]);
  });

  it('reads a query whose escapes decode, plus signs included, as before', async () => {
    const response = await server.request('/v1/roles?q=api+builder%C3%A9');
    expect(response.status).toBe(200);
  });

  it('answers a NUL in a site page query with a 400 page', async () => {
    const response = await server.request('/roles?taxonomy=a%00b', {
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(400);
  });

  it('refuses a revert to a version past what a version can be', async () => {
    expect((await createRole(role('revert-me'))).status).toBe(201);
    const response = await server.request('/v1/roles/rolebook/revert-me/revert', {
      method: 'POST',
      key: server.writeKey,
      headers: { 'if-match': '"1"' },
      json: { version: 2_147_483_648 },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).errors?.[0]?.field).toBe('version');
  });

  it('matches nothing with an If-Match past what a version can be', async () => {
    const response = await server.request('/v1/roles/rolebook/revert-me', {
      method: 'DELETE',
      key: server.writeKey,
      headers: { 'if-match': '"99999999999"' },
    });
    expect(response.status).toBe(412);
    expect((await server.request('/v1/roles/rolebook/revert-me')).status).toBe(200);
  });

  it('refuses an If-Match that is not a list of entity tags', async () => {
    const response = await server.request('/v1/roles/rolebook/revert-me', {
      method: 'DELETE',
      key: server.writeKey,
      headers: { 'if-match': '3' },
    });
    expect(response.status).toBe(400);
  });

  it('refuses a problem text for diagnosis over 20,000 characters as too large', async () => {
    const response = await server.request('/v1/diagnose', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'slow, '.repeat(4_000),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as Problem).detail).toContain('limit is 20000');
  });

  it('refuses JSON nested thousands deep with a 400', async () => {
    const deep = `${'['.repeat(10_000)}"x"${']'.repeat(10_000)}`;
    const response = await server.request('/v1/normalize', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"titles": [${deep}]}`,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).detail).toContain('nests deeper');
  });

  it('keeps a plain client request id and replaces one that is not', async () => {
    const plain = await server.request('/v1/taxonomies', {
      headers: { 'x-request-id': 'lb-7f3a.42' },
    });
    expect(plain.headers.get('x-request-id')).toBe('lb-7f3a.42');
    const hostile = await server.request('/v1/taxonomies', {
      headers: { 'x-request-id': `<script>${'a'.repeat(3000)}</script>` },
    });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['an API answer', '/v1/taxonomies'],
    ['a problem', '/v1/roles/rolebook/no-such-role'],
    ['an HTML guide from the API', '/v1/roles/rolebook/query-writer/guide?format=html'],
    ['the API console', '/v1/docs/'],
    ['a site page', '/roles'],
  ])('sends the security headers with %s', async (_case, path) => {
    const response = await server.request(path);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBeTruthy();
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it.each([
    ['PATCH', '/v1/roles/rolebook/query-writer', 'GET, HEAD, PUT, DELETE, OPTIONS'],
    ['DELETE', '/v1/normalize', 'GET, HEAD, POST, OPTIONS'],
    ['GET', '/v1/diagnose', 'POST, OPTIONS'],
    ['PUT', '/roles', 'GET, HEAD, OPTIONS'],
  ])('answers %s %s with 405 and the methods it allows', async (method, path, allow) => {
    const response = await server.request(path, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    expect(await response.json()).toMatchObject({ code: 'method_not_allowed' });
  });

  it('lists the methods of a path for OPTIONS, and still answers 404 where nothing is', async () => {
    const options = await server.request('/v1/normalize', { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
    const nothing = await server.request('/v1/nothing-here', { method: 'DELETE' });
    expect(nothing.status).toBe(404);
    expect(nothing.headers.get('allow')).toBeNull();
  });

  it('lets the API console load its own files over plain http, by any host name', async () => {
    const response = await server.request('/v1/docs/', { headers: { host: 'rolebook.internal' } });
    expect(response.headers.get('content-security-policy')).not.toContain(
      'upgrade-insecure-requests',
    );
  });

  it.each(['/v1/roles/rolebook/backend-developer', '/v1/terms/rest'])(
    'refuses a query parameter %s does not read, naming it, as a list does',
    async (path) => {
      const response = await server.request(`${path}?expand=all`);
      expect(response.status).toBe(400);
      const problem = (await response.json()) as Problem;
      expect(problem.errors?.map((e) => e.field)).toContain('query.expand');
    },
  );
});
