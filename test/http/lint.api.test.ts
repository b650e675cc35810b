import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOnetRelease, systemActor } from '../../src/services/index.js';
import { onetFixtureRelease } from '../support/release-fixtures.js';
import { startServer, type TestServer } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

interface LintPage {
  roles: number;
  errors: number;
  warnings: number;
  total: number;
  limit: number;
  offset: number;
  findings: { rule: string; severity: string; taxonomy: string; code: string; field?: string }[];
}

const draft = (code: string) => ({
  code,
  name: `Draft ${code}`,
  summary: 'What does a {role_name} do?',
  alternativeTitles: [],
  responsibilities: [],
  benefits: [],
  signs: [],
  terms: [],
  skills: [],
  technologies: [],
  relatedRoles: [],
  links: [{ title: 'Plain http', url: 'http://example.org/' }],
  crosswalk: [],
  status: 'draft',
});

describe.each(storeTargets)('lint API on $name', (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(target);
    const release = await onetFixtureRelease();
    try {
      await importOnetRelease(server.rolebook.ctx, systemActor('test'), release.dir);
    } finally {
      await release.dispose();
    }
    const created = await server.request('/v1/roles', {
      method: 'POST',
      key: server.writeKey,
      json: draft('sloppy-draft'),
    });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await server.close();
  });

  it('lints one role', async () => {
    const response = await server.request('/v1/roles/rolebook/api-builder/lint');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ roles: 1, errors: 0, warnings: 0, findings: [] });
  });

  it('lints a role of an imported taxonomy', async () => {
    const response = await server.request('/v1/roles/onet/15-1252.00/lint');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ roles: 1 });
  });

  it("shows a draft's findings to a key with the write scope", async () => {
    const response = await server.request('/v1/roles/rolebook/sloppy-draft/lint', {
      key: server.writeKey,
    });
    const report = (await response.json()) as LintPage;
    expect(report.findings.map((f) => [f.rule, f.field])).toEqual(
      expect.arrayContaining([
        ['placeholder', 'summary'],
        ['malformed-link', 'links.0.url'],
      ]),
    );
  });

  it('answers a draft without a key as not found', async () => {
    const response = await server.request('/v1/roles/rolebook/sloppy-draft/lint');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not_found' });
  });

  it('lints a whole taxonomy', async () => {
    const response = await server.request('/v1/lint?taxonomy=onet');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ roles: 3, errors: 0, total: 0, findings: [] });
  });

  it('lints the whole library, drafts included for an editor', async () => {
    const response = await server.request('/v1/lint', { key: server.writeKey });
    const page = (await response.json()) as LintPage;
    expect(page.roles).toBe(6);
    expect(page.errors).toBeGreaterThanOrEqual(2);
    expect(page.findings.every((f) => f.taxonomy === 'rolebook' && f.code === 'sloppy-draft')).toBe(
      true,
    );
  });

  it('pages the findings and filters them by severity', async () => {
    const response = await server.request('/v1/lint?severity=error&limit=1&offset=1', {
      key: server.writeKey,
    });
    const page = (await response.json()) as LintPage;
    expect(page).toMatchObject({ limit: 1, offset: 1, total: page.errors });
    expect(page.findings).toHaveLength(1);
    expect(page.findings[0]!.severity).toBe('error');
  });

  it('answers an unknown taxonomy as not found', async () => {
    const response = await server.request('/v1/lint?taxonomy=nowhere');
    expect(response.status).toBe(404);
  });

  it('refuses an unknown query parameter', async () => {
    const response = await server.request('/v1/lint?color=red');
    expect(response.status).toBe(400);
  });
});
