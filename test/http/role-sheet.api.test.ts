import { describe, expect, it } from 'vitest';
import { serverForTests } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

const SHEET = [
  'Job Code,Job Title,Also Known As,Job Family',
  'FIN-014,Payroll Specialist,Payroll Administrator; Payroll Officer,Finance',
  'OPS-202,Warehouse Shift Lead,,Operations',
  '',
].join('\n');

/** A company's job architecture sent as a CSV sheet, as `rolebook import roles` reads a file. */
describe.each(storeTargets)('importing a role sheet over the API on $name', (target) => {
  const { server, keys } = serverForTests(target, {
    keys: { importer: ['read', 'write'], admin: ['admin'] },
  });

  const importSheet = (taxonomy: string, sheet: string, query = '') =>
    server.request(`/v1/taxonomies/${taxonomy}/roles${query}`, {
      method: 'POST',
      key: keys.importer,
      headers: { 'content-type': 'text/csv' },
      body: sheet,
    });

  it('imports every row as a role of the taxonomy, created with the name given', async () => {
    const response = await importSheet('acme', SHEET, '?name=Acme%20Logistics');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      report: { dryRun: false, roles: { added: 2 }, taxonomies: { added: 1 } },
      notes: [{ message: expect.stringContaining('"Job Family"') as string }],
    });
    const role = await server.request('/v1/roles/acme/FIN-014');
    expect(await role.json()).toMatchObject({
      name: 'Payroll Specialist',
      alternativeTitles: ['Payroll Administrator', 'Payroll Officer'],
    });
    const taxonomies = (await (await server.request('/v1/taxonomies')).json()) as {
      id: string;
      name: string;
    }[];
    expect(taxonomies.find((t) => t.id === 'acme')?.name).toBe('Acme Logistics');
  });

  it('writes nothing on a dry run, and says what would change', async () => {
    const response = await importSheet('dryco', SHEET, '?dryRun=true');
    expect(await response.json()).toMatchObject({
      report: { dryRun: true, roles: { added: 2 } },
    });
    expect((await server.request('/v1/roles/dryco/FIN-014')).status).toBe(404);
  });

  it('refuses a sheet with bad rows, naming each line and column, and writes none of it', async () => {
    const sheet = 'Job Code,Job Title\nHR-1,Recruiter\nHR-2,\nHR-1,Talent Partner\n';
    const response = await importSheet('badco', sheet);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      code: 'import_failed',
      errors: [
        { file: 'body', line: 3, field: 'Job Title', message: 'is empty' },
        { file: 'body', line: 4, field: 'Job Code', message: 'repeats line 2 (HR-1)' },
      ],
    });
    expect((await server.request('/v1/roles/badco/HR-1')).status).toBe(404);
  });

  it('takes a taxonomy name as long as any taxonomy may have, and refuses one longer', async () => {
    const longest = 'N'.repeat(500);
    const taken = await importSheet('longname', SHEET, `?dryRun=true&name=${longest}`);
    expect(taken.status).toBe(200);
    const refused = await importSheet('longname', SHEET, `?dryRun=true&name=${longest}N`);
    expect(await refused.json()).toMatchObject({ errors: [{ field: 'query.name' }] });
  });

  it('refuses to import into the built-in taxonomy, naming the path parameter that gave it', async () => {
    const response = await importSheet('rolebook', SHEET);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ field: 'path.id' }] });
  });

  it('refuses a sheet over 5 MiB before reading a row', async () => {
    const row = 'X-1,Forklift Driver\n';
    const sheet = `Job Code,Job Title\n${row.repeat(Math.ceil((5 * 1024 * 1024) / row.length) + 1)}`;
    const response = await importSheet('bigco', sheet);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ detail: 'The body is over 5242880 bytes.' });
  });

  it("names a sheet's fixed size limit, not the server's body limit setting", async () => {
    const row = 'X-1,Forklift Driver\n';
    const sheet = `Job Code,Job Title\n${row.repeat(Math.ceil((5 * 1024 * 1024) / row.length) + 1)}`;
    const response = await importSheet('bigco', sheet);
    expect(await response.json()).toMatchObject({
      errors: [{ field: 'body', message: 'at most 5242880 bytes, fixed for this path' }],
    });
  });

  it('records each role it writes in the audit log, under the key that sent the sheet', async () => {
    await importSheet('audited', 'Job Code,Job Title\nLAB-9,Lab Technician\n');
    const audit = (await (
      await server.request('/v1/audit?limit=500', { key: keys.admin })
    ).json()) as { items: { actor: string; target: string }[] };
    expect(audit.items.find((entry) => entry.target.includes('audited/LAB-9'))?.actor).toMatch(
      /^key:importer:/,
    );
  });

  it('records the taxonomy it creates and the name it gives it in the audit log, under the key', async () => {
    await importSheet('renamed', 'Job Code,Job Title\nLAB-9,Lab Technician\n');
    await importSheet(
      'renamed',
      'Job Code,Job Title\nLAB-9,Lab Technician\n',
      '?name=Renamed%20Co',
    );
    const audit = (await (
      await server.request('/v1/audit?limit=500', { key: keys.admin })
    ).json()) as { items: { actor: string; action: string; target: string; detail: unknown }[] };
    const entries = audit.items.filter((entry) => entry.target === 'renamed');
    expect(entries.reverse()).toMatchObject([
      {
        action: 'taxonomy.import',
        actor: expect.stringMatching(/^key:importer:/) as string,
        detail: { outcome: 'added', name: 'renamed' },
      },
      { action: 'taxonomy.import', detail: { outcome: 'changed', name: 'Renamed Co' } },
    ]);
  });
});
