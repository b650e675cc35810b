import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

interface Analysis {
  roles: { code: string }[];
  terms: { slug: string; definition: string; mentions: { start: number; end: number }[] }[];
  missing: string[];
}

const posting = `API Engineer

Responsibilities: design a REST API over our SQL database.
`;

describe.each(storeTargets)('analysis API on $name', (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(target);
  });
  afterAll(async () => {
    await server.close();
  });

  it('finds the role, the terms with their definitions and offsets, and what is missing', async () => {
    const response = await server.request('/v1/analyze', {
      method: 'POST',
      json: { text: posting },
    });
    expect(response.status).toBe(200);
    const analysis = (await response.json()) as Analysis;
    expect(analysis.roles[0]?.code).toBe('api-builder');
    const rest = analysis.terms.find((t) => t.slug === 'rest');
    expect(rest?.definition).toContain('web API');
    const mention = rest?.mentions[0];
    expect(mention && posting.slice(mention.start, mention.end)).toBe('REST');
    expect(analysis.missing).toContain('salary');
  });

  it('reads an HTML posting as text and ignores its scripts', async () => {
    const response = await server.request('/v1/analyze', {
      method: 'POST',
      headers: { 'content-type': 'text/html' },
      body: '<h1>API Engineer</h1><script>var SQL = 1;</script><p>Build a REST API.</p>',
    });
    const analysis = (await response.json()) as Analysis;
    expect(analysis.terms.map((t) => t.slug)).toEqual(expect.arrayContaining(['rest']));
    expect(analysis.terms.map((t) => t.slug)).not.toContain('sql');
  });

  it.each([
    ['an empty text', { text: '  ' }, 'empty'],
    ['binary data', { text: 'PK\u0003\u0004\u0000\u0000' }, 'control character'],
    ['invalid UTF-8', { text: 'caf\uFFFD' }, 'UTF-8'],
    ['text over 200 KB', { text: 'a '.repeat(110_000) }, 'limit'],
  ])('refuses %s with a 400 that says why', async (_case, body, message) => {
    const response = await server.request('/v1/analyze', { method: 'POST', json: body });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toContain(message);
  });

  it('diagnoses plain-word problems from the roles\u2019 signs', async () => {
    const response = await server.request('/v1/diagnose', {
      method: 'POST',
      json: { text: 'Our partners cannot connect to pull data automatically' },
    });
    expect(response.status).toBe(200);
    const diagnosis = (await response.json()) as { roles: { code: string }[] };
    expect(diagnosis.roles[0]?.code).toBe('api-builder');
  });
});
