import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

const hostile = '<script>alert(1)</script>';
const hostileEscaped = '&lt;script&gt;alert(1)&lt;/script&gt;';
const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe.each(storeTargets)('web pages on $name', (target) => {
  let server: TestServer;
  const page = (path: string) => server.request(path, { headers: { accept: browserAccept } });

  beforeAll(async () => {
    server = await startServer(target);
    const created = await server.request('/v1/roles', {
      method: 'POST',
      key: server.writeKey,
      json: {
        code: 'hostile',
        name: hostile,
        summary: `A role whose every text is an attack: ${hostile}`,
        alternativeTitles: [`${hostile} engineer`],
        responsibilities: [hostile],
        benefits: [{ title: hostile, text: hostile }],
        signs: [{ title: hostile, text: hostile }],
        terms: ['api'],
        skills: [{ name: hostile }],
        technologies: [{ name: hostile, category: hostile }],
        relatedRoles: [{ taxonomy: 'rolebook', code: 'api-builder' }],
        // The library's link style and sources: a guide is published only when lint passes it.
        links: [{ title: `${hostile} – ${hostile}`, url: 'https://www.rfc-editor.org/' }],
        crosswalk: [],
        status: 'published',
      },
    });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await server.close();
  });

  describe.each([
    ['home', '/'],
    ['role list', '/roles'],
    ['role list of one taxonomy', '/roles?taxonomy=rolebook'],
    ['guide of a built-in role', '/roles/api-builder'],
    ['guide with its taxonomy', '/roles/rolebook/api-builder'],
    ['glossary', '/terms'],
    ['term', '/terms/api'],
    ['search', '/search?q=api'],
    ['empty search', '/search'],
    ['normalizer', '/normalize'],
    ['normalized title', '/normalize?title=Senior%20API%20Engineer'],
  ])('the %s page', (_name, path) => {
    it('is served as HTML', async () => {
      const response = await page(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toMatch(/^<!doctype html>/);
    });

    it('carries the security headers', async () => {
      const response = await page(path);
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    });
  });

  describe.each([
    ['home', '/'],
    ['role list', '/roles'],
    ['guide', '/roles/hostile'],
    ['term that the role uses', '/terms/api'],
    ['search', '/search?q=script'],
    ['normalizer', `/normalize?title=${encodeURIComponent(hostile)}`],
    ['search for the attack', `/search?q=${encodeURIComponent(hostile)}`],
  ])('a hostile name on the %s page', (_name, path) => {
    it('is shown escaped, never as markup', async () => {
      const body = await (await page(path)).text();
      expect(body).toContain(hostileEscaped);
      expect(body).not.toContain('<script>alert');
    });
  });

  it('documents the API on a page without JavaScript', async () => {
    const response = await page('/api');
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('/v1/normalize');
    expect(body).toContain('href="/v1/openapi.json"');
    // The one script is the search box's suggestions, which the page does not need.
    expect(body).not.toMatch(/<script(?![^>]*\bsrc="\/scripts\/suggest\.js)/);
  });

  it('lists the roles with their total', async () => {
    const body = await (await page('/roles?taxonomy=rolebook')).text();
    expect(body).toContain('3 roles; page 1 of 1.');
    expect(body).toContain('href="/roles/api-builder"');
  });

  it('pages through the roles', async () => {
    const body = await (await page('/roles?page=2')).text();
    expect(body).toContain('No roles here yet.');
  });

  it('answers an unknown taxonomy filter with a 404 page', async () => {
    const response = await page('/roles?taxonomy=nowhere');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Taxonomy nowhere was not found.');
  });

  it('answers a page number that is not a number with a 400 page', async () => {
    const response = await page('/roles?page=two');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('finds roles by title and terms by abbreviation', async () => {
    const body = await (await page('/search?q=api')).text();
    expect(body).toContain('href="/roles/api-builder"');
    expect(body).toContain('href="/terms/api"');
  });

  it('names the roles that use a term', async () => {
    const body = await (await page('/terms/rest')).text();
    expect(body).toContain('Roles that use it');
    expect(body).toContain('href="/roles/api-builder"');
  });

  it('shows the role that matches a title', async () => {
    const body = await (await page('/normalize?title=Senior%20SQL%20Writer')).text();
    expect(body).toContain('href="/roles/query-writer"');
    expect(body).toContain('<dd>senior</dd>');
  });

  it('shows the team a title names beside its role, as the list of titles does', async () => {
    const body = await (await page('/normalize?title=Senior%20SQL%20Writer%2C%20Payments')).text();
    expect(body).toContain('<dt>Team</dt>');
    expect(body).toContain('<dd>Payments</dd>');
  });

  it('counts the glossary on the home page', async () => {
    expect(await (await page('/')).text()).toContain('3 terms a recruiter meets');
  });

  it('serves the hashed stylesheet for a year', async () => {
    const home = await (await page('/')).text();
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(home)?.[1] ?? '';
    expect(href).toMatch(/^\/static\/rolebook\.css\?v=\w+$/);
    const response = await server.request(href.replaceAll('&amp;', '&'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toContain('.site-header');
  });

  it('revalidates the stylesheet asked for without its hash', async () => {
    const response = await server.request('/static/rolebook.css');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a matching If-None-Match on the stylesheet with 304', async () => {
    const first = await server.request('/static/rolebook.css');
    const etag = first.headers.get('etag') ?? '';
    const again = await server.request('/static/rolebook.css', {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('sends a HEAD of a page the ETag and Cache-Control its GET sends', async () => {
    const get = await page('/roles');
    const head = await server.request('/roles', {
      method: 'HEAD',
      headers: { accept: browserAccept },
    });
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(head.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a HEAD of a page with a matching If-None-Match with 304, as a GET', async () => {
    const etag = (await page('/roles')).headers.get('etag') ?? '';
    const head = await server.request('/roles', {
      method: 'HEAD',
      headers: { accept: browserAccept, 'if-none-match': etag },
    });
    expect(head.status).toBe(304);
  });

  it('revalidates a script by its ETag, on GET and HEAD alike', async () => {
    const first = await server.request('/scripts/suggest.js');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const statuses = await Promise.all(
      ['GET', 'HEAD'].map(
        async (method) =>
          (
            await server.request('/scripts/suggest.js', {
              method,
              headers: { 'if-none-match': etag },
            })
          ).status,
      ),
    );
    expect(statuses).toEqual([304, 304]);
  });

  it('compares If-None-Match weakly, as a list, on a page', async () => {
    const first = await page('/roles');
    const etag = first.headers.get('etag') ?? '';
    const again = await server.request('/roles', {
      headers: { accept: 'text/html', 'if-none-match': `"other", ${etag.replace(/^W\//, '')}` },
    });
    expect(again.status).toBe(304);
  });

  it('answers an unknown page with an HTML 404 page', async () => {
    const response = await page('/no/such/page');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const body = await response.text();
    expect(body).toContain('Page not found');
    expect(body).toContain('Error 404');
  });

  it('answers an unknown role with an HTML 404 page naming it', async () => {
    const response = await page('/roles/nobody');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Role rolebook/nobody was not found.');
  });

  it('answers an unknown page with a problem when the client does not ask for HTML', async () => {
    const response = await server.request('/no/such/page', { headers: { accept: '*/*' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'not_found' });
  });

  it('answers an unknown role with a problem to a client naming JSON as much as HTML', async () => {
    const response = await server.request('/roles/nobody', {
      headers: { accept: 'application/json, text/html' },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers the API with a problem even when a browser asks', async () => {
    const response = await page('/v1/roles/rolebook/nobody');
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers an unknown API route with a problem even when a browser asks', async () => {
    const response = await page('/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({
      code: 'not_found',
      instance: '/v1/nothing-here',
    });
  });

  it('refuses to compare a role with itself, naming the role picked twice', async () => {
    const response = await page('/compare?roles=api-builder,rolebook:api-builder');
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).toContain('Pick different roles: rolebook:api-builder is picked more than once.');
  });

  it('says which taxonomy is missing when a compared role names one not imported', async () => {
    const response = await page('/compare?roles=onet:15-1252.00,api-builder');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Taxonomy onet (in onet:15-1252.00) was not found.');
  });

  it('keeps the pages out of the OpenAPI document', async () => {
    const document = (await (await server.request('/v1/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    const paths = Object.keys(document.paths);
    for (const path of ['/', '/roles', '/roles/{code}', '/terms', '/search', '/normalize']) {
      expect(paths).not.toContain(path);
    }
  });
});
