import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEscoRelease, importOnetRelease, systemActor } from '../../src/services/index.js';
import { sharedFixtureReleases } from '../support/release-fixtures.js';
import { startServer, type TestServer } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

const esco = (n: number) =>
  `/roles/esco/http%3A%2F%2Fdata.europa.eu%2Fesco%2Foccupation%2F00000000-0000-4000-8000-00000000000${n}`;

/** The role links of a page, in order, by their path. */
const roleLinks = (body: string): string[] =>
  [...body.matchAll(/<li>\s*<a href="(\/roles\/[^"]+)"/g)].map((m) => m[1]!);

describe.each(storeTargets)('occupation groups on the pages, on $name', (target) => {
  const releases = sharedFixtureReleases();
  let server: TestServer;
  const page = async (path: string) => {
    const response = await server.request(path, { headers: { accept: 'text/html' } });
    return { status: response.status, body: await response.text() };
  };

  beforeAll(async () => {
    server = await startServer(target);
    await importOnetRelease(server.rolebook.ctx, systemActor('test'), releases.onet);
    await importEscoRelease(server.rolebook.ctx, systemActor('test'), releases.esco);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists the roles of an O*NET major group, the guides first', async () => {
    const { body } = await page('/roles?group=onet-15');
    expect(roleLinks(body)).toEqual([
      '/roles/api-builder',
      '/roles/onet/15-1252.00',
      '/roles/onet/15-1253.00',
    ]);
    expect(body).toContain('<h1>Roles: Computer and Mathematical</h1>');
  });

  it('lists the ESCO occupations of an ISCO major group', async () => {
    const { body } = await page('/roles?taxonomy=esco&group=isco-4');
    expect(roleLinks(body)).toEqual([esco(3)]);
  });

  it('keeps the group in the filter form it was chosen in', async () => {
    const { body } = await page('/roles?taxonomy=esco&group=isco-2');
    expect(body).toMatch(/<option value="isco-2"\s+selected>\s*2 Professionals \(2\)/);
  });

  it('offers the groups of a taxonomy as links, with how many roles each holds', async () => {
    const { body } = await page('/roles?taxonomy=onet');
    const links = [...body.matchAll(/<a\s+href="([^"]+)"\s*>([^<]+)<\/a/g)].map((m) => [
      m[1],
      m[2]!.trim(),
    ]);
    expect(links).toContainEqual(['/roles?taxonomy=onet&amp;group=onet-11', '11 Management (1)']);
    expect(links).toContainEqual([
      '/roles?taxonomy=onet&amp;group=onet-15',
      '15 Computer and Mathematical (2)',
    ]);
  });

  it('narrows a group by the words of a title', async () => {
    const { body } = await page('/roles?group=onet-15&q=quality');
    expect(roleLinks(body)).toEqual(['/roles/onet/15-1253.00']);
  });

  it('answers a group that does not exist with a 404 page', async () => {
    const response = await page('/roles?group=onet-99');
    expect(response.status).toBe(404);
    expect(response.body).toContain('Occupation group onet-99 was not found.');
  });

  it('searches within an occupation group', async () => {
    const { body } = await page('/search?q=software%20developer&group=isco-2');
    const roles = roleLinks(body);
    expect(roles).toContain(esco(1));
    expect(roles.some((r) => r.startsWith('/roles/onet/'))).toBe(false);
  });

  it('searches one taxonomy within one of its groups', async () => {
    const { body } = await page('/search?q=tester&taxonomy=onet&group=onet-15');
    expect(roleLinks(body)).toEqual(['/roles/onet/15-1253.00']);
  });

  it('finds nothing in a group where the title has no role', async () => {
    const { body } = await page('/search?q=software%20developer&group=onet-11');
    expect(roleLinks(body)).toEqual([]);
  });
});
