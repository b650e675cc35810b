import { describe, expect, it } from 'vitest';
import { serverForTests } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

// Who may read the metrics does not depend on the store: these run on the embedded one.
const sqlite = storeTargets[0]!;
const TOKEN = 'a-metrics-token-of-some-length';
const elsewhere = { 'x-forwarded-for': '203.0.113.5' };

describe('the metrics without a token', () => {
  const { server } = serverForTests(sqlite, { trustProxy: 1 });

  it('serves them to this machine', async () => {
    const response = await server.request('/metrics');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('rolebook_http_request_duration_seconds');
  });

  it('refuses them to another machine, saying how to allow it', async () => {
    const response = await server.request('/metrics', { headers: elsewhere });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { detail: string }).detail).toContain('METRICS_TOKEN');
  });

  it('believes only the X-Forwarded-For entry the proxy appended, not one the client wrote', async () => {
    const response = await server.request('/metrics', {
      headers: { 'x-forwarded-for': '127.0.0.1, 203.0.113.5' },
    });
    expect(response.status).toBe(403);
  });
});

describe('the metrics behind two proxies', () => {
  const { server } = serverForTests(sqlite, { trustProxy: 2 });

  it('takes the client as the address the farther proxy appended', async () => {
    const response = await server.request('/metrics', {
      headers: { 'x-forwarded-for': '127.0.0.1, 203.0.113.5, 10.0.0.2' },
    });
    expect(response.status).toBe(403);
  });
});

describe('the metrics behind proxies named by address', () => {
  const { server } = serverForTests(sqlite, { trustProxy: ['198.51.100.0/24'] });

  it('believes no X-Forwarded-For from a peer outside the list', async () => {
    const response = await server.request('/metrics', { headers: elsewhere });
    expect(response.status).toBe(200);
  });
});

describe('the metrics with a token', () => {
  const { server } = serverForTests(sqlite, { trustProxy: 1, metricsToken: TOKEN });

  it('serves them to another machine that sends the token', async () => {
    const response = await server.request('/metrics', {
      headers: { ...elsewhere, authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
  });

  it('refuses a wrong token, even from this machine, with 401', async () => {
    const response = await server.request('/metrics', {
      headers: { authorization: 'Bearer not-the-token' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });
});
