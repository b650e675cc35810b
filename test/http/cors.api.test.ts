import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/http/app.js';
import { openRolebook, type Rolebook } from '../../src/services/index.js';

describe('cross-origin calls', () => {
  let rolebook: Rolebook;
  let app: App;
  beforeAll(async () => {
    rolebook = await openRolebook({ database: ':memory:', contentDir: '', seed: false });
    app = await buildApp({
      ctx: rolebook.ctx,
      logLevel: 'silent',
      corsOrigins: ['https://ats.example.com'],
    });
  });
  afterAll(async () => {
    await app.close();
    await rolebook.close();
  });

  const preflight = (origin: string) =>
    app.inject({
      method: 'OPTIONS',
      url: '/v1/roles/rolebook/x',
      headers: {
        origin,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization, if-match, content-type',
      },
    });

  it('lets a listed origin send a key and If-Match', async () => {
    const response = await preflight('https://ats.example.com');
    expect(response.headers['access-control-allow-origin']).toBe('https://ats.example.com');
    expect(String(response.headers['access-control-allow-headers'])).toContain('if-match');
  });

  it('gives an origin not listed no permission', async () => {
    const response = await preflight('https://evil.example.net');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets a listed origin read the ETag of what it fetched', async () => {
    const response = await app.inject({
      url: '/v1/taxonomies',
      headers: { origin: 'https://ats.example.com' },
    });
    expect(String(response.headers['access-control-expose-headers'])).toContain('etag');
  });
});
