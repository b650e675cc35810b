import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyRoleContent } from '../../src/domain/index.js';
import { buildApp } from '../../src/http/app.js';
import { applyImport, systemActor } from '../../src/services/index.js';
import { startServer, type TestServer } from '../support/server.js';
import { guideSections } from '../support/guides.js';
import { storeTargets } from '../support/stores.js';

const escoCode = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';

describe.each(storeTargets)('guide formats on $name', (target) => {
  let server: TestServer;
  const get = (path: string, accept?: string) =>
    server.request(path, accept === undefined ? {} : { headers: { accept } });

  beforeAll(async () => {
    server = await startServer(target);
    await applyImport(server.rolebook.ctx, systemActor('test'), {
      source: 'test',
      taxonomies: [{ id: 'esco', name: 'ESCO' }],
      roles: [
        {
          taxonomy: 'esco',
          code: escoCode,
          content: {
            ...emptyRoleContent('software developer'),
            summary: 'Software developers write programs.',
            status: 'published',
          },
        },
      ],
    });
  });
  afterAll(async () => {
    await server.close();
  });

  describe('on the guide page', () => {
    it('serves the site page by default', async () => {
      const response = await get('/roles/api-builder');
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<a class="brand" href="/">Rolebook</a>');
    });

    it('serves Markdown to a client asking for it', async () => {
      const response = await get('/roles/api-builder', 'text/markdown');
      expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      expect(await response.text()).toMatch(/^# API Builder/m);
    });

    it('serves the JSON view to a client asking for JSON', async () => {
      const response = await get('/roles/api-builder', 'application/json');
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await response.json()).toMatchObject({
        format: 'rolebook.guide/1',
        role: { code: 'api-builder', version: 1 },
      });
    });

    it('serves JSON-LD to a client asking for it', async () => {
      const response = await get('/roles/api-builder', 'application/ld+json');
      expect(response.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
      expect(await response.json()).toMatchObject({ '@type': 'Occupation', name: 'API Builder' });
    });

    it('refuses a format it does not have with a 406 problem', async () => {
      const response = await get('/roles/api-builder', 'image/png');
      expect(response.status).toBe(406);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ code: 'not_acceptable' });
    });

    it.each([
      ['md', 'text/markdown; charset=utf-8'],
      ['json', 'application/json; charset=utf-8'],
      ['jsonld', 'application/ld+json; charset=utf-8'],
      ['html', 'text/html; charset=utf-8'],
    ])('serves ?format=%s from a link, whatever the Accept header says', async (format, type) => {
      const response = await get(`/roles/api-builder?format=${format}`, 'text/html');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
    });

    it('does not vary on Accept when the query names the format', async () => {
      const response = await get('/roles/api-builder?format=md');
      expect(response.headers.get('vary')?.split(/,\s*/)).not.toContain('Accept');
    });

    it('refuses an unknown ?format with a 400 naming the formats it has', async () => {
      const response = await get('/roles/api-builder?format=pdf', 'application/json');
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: 'validation_failed',
        detail: 'query.format must be one of "html", "md", "json", "jsonld"',
      });
    });

    it('serves ?format= on a guide in another taxonomy', async () => {
      const response = await get(`/roles/esco/${encodeURIComponent(escoCode)}?format=md`);
      expect(await response.text()).toMatch(/^# software developer/m);
    });

    it('ignores query values other than the format', async () => {
      const response = await get('/roles/api-builder?utm_source=mail&format=md');
      expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    });

    it('varies on Accept and tags each format apart', async () => {
      const html = await get('/roles/api-builder');
      const markdown = await get('/roles/api-builder', 'text/markdown');
      expect(html.headers.get('vary')?.split(/,\s*/)).toContain('Accept');
      expect(html.headers.get('etag')).toMatch(/^W\/"[\w-]+"$/);
      expect(markdown.headers.get('etag')).toMatch(/^W\/"[\w-]+"$/);
      expect(html.headers.get('etag')).not.toBe(markdown.headers.get('etag'));
    });

    it('serves a role whose code holds slashes, sent %2F-encoded', async () => {
      const response = await get(`/roles/esco/${encodeURIComponent(escoCode)}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('software developer');
    });

    it('links the guide of an imported role by its encoded code', async () => {
      const body = await (await get('/roles?taxonomy=esco', 'text/html')).text();
      expect(body).toContain(`href="/roles/esco/${encodeURIComponent(escoCode)}"`);
    });

    it('makes the guide URLs absolute when the site has a public URL', async () => {
      const app = await buildApp({
        ctx: server.rolebook.ctx,
        logLevel: 'silent',
        publicUrl: 'https://rolebook.example',
      });
      const response = await app.inject({
        url: '/roles/api-builder',
        headers: { accept: 'application/ld+json' },
      });
      await app.close();
      expect(response.json()).toMatchObject({
        '@id': 'https://rolebook.example/roles/api-builder',
      });
    });

    it('makes the JSON-LD @id absolute with the origin the request was sent to', async () => {
      const response = await get('/roles/api-builder', 'application/ld+json');
      expect(await response.json()).toMatchObject({ '@id': `${server.url}/roles/api-builder` });
    });

    it('ignores X-Forwarded-Host for the @id unless a proxy is trusted', async () => {
      const response = await server.request('/roles/api-builder', {
        headers: { accept: 'application/ld+json', 'x-forwarded-host': 'evil.example' },
      });
      expect(await response.json()).toMatchObject({ '@id': `${server.url}/roles/api-builder` });
    });

    it('takes the @id origin from a trusted proxy', async () => {
      const app = await buildApp({
        ctx: server.rolebook.ctx,
        logLevel: 'silent',
        trustProxy: 1,
      });
      const response = await app.inject({
        url: '/roles/api-builder',
        headers: {
          accept: 'application/ld+json',
          'x-forwarded-host': 'roles.example',
          'x-forwarded-proto': 'https',
        },
      });
      await app.close();
      expect(response.json()).toMatchObject({ '@id': 'https://roles.example/roles/api-builder' });
    });

    it('embeds the JSON-LD in the page', async () => {
      const body = await (await get('/roles/api-builder')).text();
      expect(body).toContain('<script type="application/ld+json">');
    });
  });

  describe('in the API', () => {
    const guidePath = '/v1/roles/rolebook/api-builder/guide';

    it.each([
      ['html', 'text/html; charset=utf-8'],
      ['md', 'text/markdown; charset=utf-8'],
      ['json', 'application/json; charset=utf-8'],
      ['jsonld', 'application/ld+json; charset=utf-8'],
    ])('serves format=%s as %s', async (format, contentType) => {
      const response = await get(`${guidePath}?format=${format}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(contentType);
      expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    });

    it('serves a standalone page, styles inline, for format=html', async () => {
      const body = await (await get(`${guidePath}?format=html`)).text();
      expect(body).toMatch(/^<!doctype html>/i);
      expect(body).toContain('<style>');
    });

    it('lets the format parameter win over the Accept header', async () => {
      const response = await get(`${guidePath}?format=md`, 'application/json');
      expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    });

    it('negotiates when the format parameter is absent', async () => {
      const response = await get(guidePath, 'application/ld+json');
      expect(response.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
      expect(response.headers.get('vary')).toBe('Accept');
    });

    it('refuses an unknown format parameter', async () => {
      const response = await get(`${guidePath}?format=pdf`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'validation_failed' });
    });

    it('answers an Accept header it cannot meet with a 406 problem', async () => {
      const response = await get(guidePath, 'text/csv');
      expect(response.status).toBe(406);
      expect(await response.json()).toMatchObject({ code: 'not_acceptable' });
    });

    it('answers an unknown role with a 404 problem', async () => {
      const response = await get('/v1/roles/rolebook/nobody/guide?format=md');
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'not_found' });
    });

    it('serves a draft only to a key holder', async () => {
      await server.request('/v1/roles', {
        method: 'POST',
        key: server.writeKey,
        json: { code: 'drafty', ...emptyRoleContent('Drafty Role') },
      });
      expect((await get('/v1/roles/rolebook/drafty/guide?format=md')).status).toBe(404);
      const response = await server.request('/v1/roles/rolebook/drafty/guide?format=md', {
        key: server.writeKey,
      });
      expect(response.status).toBe(200);
    });

    it('serves a code with slashes, sent %2F-encoded', async () => {
      const response = await get(
        `/v1/roles/esco/${encodeURIComponent(escoCode)}/guide?format=json`,
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ role: { code: escoCode } });
    });

    it('is described in the OpenAPI document with every media type', async () => {
      const document = (await (await get('/v1/openapi.json')).json()) as {
        paths: Record<string, { get?: { responses: Record<string, { content?: object }> } }>;
      };
      const operation = document.paths['/v1/roles/{taxonomy}/{code}/guide']?.get;
      expect(Object.keys(operation?.responses['200']?.content ?? {})).toEqual([
        'text/html',
        'text/markdown',
        'application/json',
        'application/ld+json',
      ]);
    });
  });

  describe('validators', () => {
    const role = (code: string, extra: Record<string, unknown> = {}) => ({
      ...emptyRoleContent(`Role ${code}`),
      ...guideSections(`Role ${code}`),
      summary: 'A role the validator tests edit.',
      status: 'published',
      ...extra,
    });
    const pageOf = '/roles/rolebook/mentee';
    const apiGuideOf = '/v1/roles/rolebook/mentee/guide?format=json';
    const etagOf = async (path: string) => (await get(path)).headers.get('etag') ?? '';

    beforeAll(async () => {
      for (const [code, extra] of [
        ['mentor', {}],
        ['mentee', { relatedRoles: [{ taxonomy: 'rolebook', code: 'mentor' }] }],
      ] as const) {
        const response = await server.request('/v1/roles', {
          method: 'POST',
          json: { code, ...role(code, extra) },
          key: server.writeKey,
        });
        expect(response.status).toBe(201);
      }
    });

    it('answers 304 to a guide asked for again while nothing it shows changed', async () => {
      for (const path of [pageOf, apiGuideOf]) {
        const again = await server.request(path, {
          headers: { 'if-none-match': await etagOf(path) },
        });
        expect(again.status).toBe(304);
      }
    });

    it('changes the guide ETag when a related role it names is renamed', async () => {
      const [pageBefore, apiBefore] = [await etagOf(pageOf), await etagOf(apiGuideOf)];
      const rename = await server.request('/v1/roles/rolebook/mentor', {
        method: 'PUT',
        json: role('mentor', { name: 'Renamed Mentor' }),
        key: server.writeKey,
        headers: { 'if-match': '"1"' },
      });
      expect(rename.status).toBe(200);
      for (const [path, before] of [
        [pageOf, pageBefore],
        [apiGuideOf, apiBefore],
      ] as const) {
        const after = await server.request(path, { headers: { 'if-none-match': before } });
        expect(after.status).toBe(200);
        expect(await after.text()).toContain('Renamed Mentor');
        expect(after.headers.get('etag')).not.toBe(before);
      }
    });

    it('gives the brotli, gzip and identity bytes of a page no shared strong ETag', async () => {
      const sent = await Promise.all(
        ['br', 'gzip', 'identity'].map((coding) =>
          server.app.inject({ url: pageOf, headers: { 'accept-encoding': coding } }),
        ),
      );
      expect(sent.map((r) => r.headers['content-encoding'])).toEqual(['br', 'gzip', undefined]);
      const strong = sent.map((r) => String(r.headers.etag)).filter((t) => !t.startsWith('W/'));
      expect(new Set(strong).size).toBe(strong.length);
    });
  });
});
