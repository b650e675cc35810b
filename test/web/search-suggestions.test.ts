import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

interface Suggestions {
  suggestions: { label: string; detail: string; url: string }[];
}

describe.each(storeTargets)('search suggestions and the glossary search on $name', (target) => {
  let server: TestServer;
  const suggest = async (q: string): Promise<Suggestions> =>
    (
      await server.request(`/search/suggest?q=${encodeURIComponent(q)}`)
    ).json() as Promise<Suggestions>;
  const page = async (path: string) =>
    (await server.request(path, { headers: { accept: 'text/html' } })).text();

  beforeAll(async () => {
    server = await startServer(target);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('suggests the guide a misspelt title names, leading to its page', async () => {
    const { suggestions } = await suggest('quary writer');
    expect(suggestions[0]).toEqual({
      label: 'Query Writer',
      detail: 'Guide',
      url: '/roles/query-writer',
    });
  });

  it('suggests the term an abbreviation names, after the roles', async () => {
    const { suggestions } = await suggest('api');
    const kinds = suggestions.map((s) => s.detail);
    const firstTerm = kinds.indexOf('Term');
    expect(kinds.slice(firstTerm).every((kind) => kind === 'Term')).toBe(true);
    expect(suggestions[firstTerm]).toMatchObject({
      label: 'Application Programming Interface',
      url: '/terms/api',
    });
  });

  it('suggests nothing for words nothing matches', async () => {
    expect((await suggest('zzzzqqq')).suggestions).toEqual([]);
  });

  it('refuses a query longer than a search box takes', async () => {
    const response = await server.request(`/search/suggest?q=${'a'.repeat(201)}`);
    expect(response.status).toBe(400);
  });

  it('serves the suggestion script that the pages link, cached for a year by its hash', async () => {
    const body = await page('/');
    const src = /<script src="(\/scripts\/suggest\.js\?v=[^"]+)" defer>/.exec(body)?.[1];
    const script = await server.request(src!);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('finds a glossary term named with typos from the glossary page', async () => {
    const body = await page('/terms?q=Aplication%20Programing%20Interface');
    expect(body).toContain('Terms for “Aplication Programing Interface”');
    expect(body).toContain('href="/terms/api"');
  });

  it('says so when no term is named like the glossary search', async () => {
    const body = await page('/terms?q=zzzzqqq');
    expect(body).toContain('No term is named like that.');
  });
});
