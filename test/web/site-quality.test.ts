import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { contentDir, storeTargets, type StoreTarget } from '../support/stores.js';

const withBuiltInLibrary = (target: StoreTarget): StoreTarget => ({
  ...target,
  open: (options = {}) => target.open({ ...options, contentDir }),
});

/** The bytes that travel: the body as sent, before any decompression. */
const rawGet = (url: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; headers: Record<string, unknown>; bytes: number }>(
    (resolve, reject) => {
      httpRequest(url, { headers: { accept: 'text/html', ...headers } }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes }),
        );
      })
        .on('error', reject)
        .end();
    },
  );

const pages = [
  '/',
  '/roles',
  '/roles/backend-developer',
  '/terms',
  '/terms/api',
  '/search?q=backend',
  '/normalize',
  '/analyze',
  '/diagnose',
  '/compare?roles=backend-developer,frontend-developer,devops-engineer',
  '/api',
];

describe.each(storeTargets)('the quality of the site on $name', (target) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer(withBuiltInLibrary(target));
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(pages)('sends %s compressed, under 100 KB', async (path) => {
    const response = await rawGet(`${server.url}${path}`, { 'accept-encoding': 'gzip, br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.bytes).toBeLessThan(100 * 1024);
  });

  it.each([...pages, '/favicon.svg'])(
    'sends %s with one Vary whether compressed or not',
    async (path) => {
      const varyFor = async (headers: Record<string, string>) =>
        (await rawGet(`${server.url}${path}`, headers)).headers.vary;
      const [br, gzip, identity, none] = await Promise.all([
        varyFor({ 'accept-encoding': 'br' }),
        varyFor({ 'accept-encoding': 'gzip' }),
        varyFor({ 'accept-encoding': 'identity' }),
        varyFor({}),
      ]);
      expect(br).toMatch(/\baccept-encoding\b/i);
      expect([gzip, identity, none]).toEqual([br, br, br]);
    },
  );

  it('sends the stylesheet with one Vary whether compressed or not', async () => {
    const page = await (await server.request('/')).text();
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(page)?.[1];
    const varyFor = async (headers: Record<string, string>) =>
      (await rawGet(`${server.url}${stylesheet}`, headers)).headers.vary;
    expect(await varyFor({})).toBe(await varyFor({ 'accept-encoding': 'br' }));
  });

  it('keeps the Vary of a page on its 304', async () => {
    const first = await rawGet(`${server.url}/terms`, { 'accept-encoding': 'br' });
    const again = await rawGet(`${server.url}/terms`, {
      'accept-encoding': 'br',
      'if-none-match': String(first.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.headers.vary).toBe(first.headers.vary);
  });

  it('answers a page asked for again with the same validator by 304 and no body', async () => {
    const first = await rawGet(`${server.url}/terms`);
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await rawGet(`${server.url}/terms`, {
      'if-none-match': String(first.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.bytes).toBe(0);
  });

  it('serves a favicon, and sends browsers asking for /favicon.ico to it', async () => {
    const icon = await rawGet(`${server.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    const legacy = await rawGet(`${server.url}/favicon.ico`);
    expect(legacy.status).toBe(301);
    expect(legacy.headers.location).toBe('/favicon.svg');
  });

  it('links a guide to its Markdown, JSON and JSON-LD, and describes it for link previews', async () => {
    const page = await (
      await server.request('/roles/backend-developer', { headers: { accept: 'text/html' } })
    ).text();
    const alternate = (type: string) =>
      new RegExp(`<link\\s+rel="alternate"\\s+type="${type}"\\s+href="([^"]+)"`).exec(page)?.[1];
    const markdown = alternate('text/markdown');
    const json = alternate('application/json');
    const jsonLd = alternate('application/ld\\+json');
    expect(page).toContain('<meta property="og:type" content="article" />');
    expect((await server.request(markdown!)).headers.get('content-type')).toBe(
      'text/markdown; charset=utf-8',
    );
    expect((await server.request(json!)).headers.get('content-type')).toBe(
      'application/json; charset=utf-8',
    );
    expect((await server.request(jsonLd!)).headers.get('content-type')).toBe(
      'application/ld+json; charset=utf-8',
    );
  });

  it('leaves the API uncompressed, so its streams are never held back', async () => {
    const response = await rawGet(`${server.url}/v1/terms`, { 'accept-encoding': 'gzip, br' });
    expect(response.headers['content-encoding']).toBeUndefined();
  });
});
