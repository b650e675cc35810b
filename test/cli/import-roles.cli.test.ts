import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliStores, databasesPerTest, fixtures, runCli } from '../support/cli.js';

const acme = join(fixtures, 'job-architecture/acme-roles.csv');

const importRoles = (url: string, file: string, ...flags: string[]) =>
  runCli(url, ['import', 'roles', file, '--taxonomy', 'acme', ...flags]);

describe.each(cliStores)('rolebook import roles on $name', (store) => {
  const create = databasesPerTest(store);

  /** Writes a sheet beside the test's database and returns its path. */
  const sheet = async (dir: string, text: string) => {
    const file = join(dir, 'roles.csv');
    await writeFile(file, text);
    return file;
  };

  it('imports every row of a job architecture as a role of the taxonomy', async () => {
    const { url } = await create();
    const run = await importRoles(url, acme, '--name', 'Acme Corp');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('roles       10 added, 0 changed, 0 unchanged, 0 removed');
    expect(run.stdout).toContain('lint: 10 roles checked, 0 errors');
  });

  it('names the columns a role has no place for', async () => {
    const { url } = await create();
    const run = await importRoles(url, acme);
    expect(run.stdout).toContain('not imported: the column(s) "Job Family", "Level"');
  });

  it('normalizes a title to the role whose other titles name it', async () => {
    const { url } = await create();
    await importRoles(url, acme);
    const run = await runCli(url, ['normalize', '--taxonomy', 'acme', 'SRE']);
    expect(JSON.parse(run.stdout)).toMatchObject({
      matches: [{ taxonomy: 'acme', code: 'ENG-010', name: 'Site Reliability Engineer' }],
    });
  });

  it('renders an imported role with its description across quoted lines', async () => {
    const { url } = await create();
    await importRoles(url, acme);
    const run = await runCli(url, ['render', 'DAT-002', '--taxonomy', 'acme', '--format', 'md']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Data Scientist');
    expect(run.stdout).toContain('Works with product teams on experiments.');
  });

  it('leaves every role alone when the same file is imported again', async () => {
    const { url } = await create();
    await importRoles(url, acme);
    const run = await importRoles(url, acme);
    expect(run.stdout).toContain('roles       0 added, 0 changed, 10 unchanged, 0 removed');
    expect(run.stdout).toContain('taxonomies  0 added, 0 changed, 1 unchanged');
  });

  it('makes a new revision of the role whose row changed, and keeps roles the file leaves out', async () => {
    const { url, dir } = await create();
    await importRoles(url, acme);
    const changed = await sheet(
      dir,
      'Job Code,Job Title,Description\nENG-001,Software Engineer,Builds our products.\n',
    );
    const run = await importRoles(url, changed, '--verbose');
    expect(run.stdout).toContain('roles       0 added, 1 changed, 0 unchanged, 0 removed');
    const role = await runCli(url, ['render', 'ENG-001', '--taxonomy', 'acme', '--format', 'json']);
    expect(JSON.parse(role.stdout)).toMatchObject({
      role: { code: 'ENG-001', version: 2 },
      description: 'Builds our products.',
    });
  });

  it('writes nothing on a dry run', async () => {
    const { url } = await create();
    const dry = await importRoles(url, acme, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    const run = await importRoles(url, acme);
    expect(run.stdout).toContain('roles       10 added');
  });

  it('lists every bad row by line and column, and imports none of the rows', async () => {
    const { url, dir } = await create();
    const bad = await sheet(
      dir,
      [
        'id,Role,Purpose',
        'ENG-001,Engineer,Builds things.',
        'ENG-002,,Tests things.',
        ' ENG-003,Analyst,Reads things.',
        'ENG-001,Lead Engineer,Leads things.',
      ].join('\n'),
    );
    const run = await importRoles(url, bad);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('3 problems');
    expect(run.stderr).toContain(`${bad}:3 Role: is empty`);
    expect(run.stderr).toContain(`${bad}:4 id: " ENG-003" has spaces at its ends`);
    expect(run.stderr).toContain(`${bad}:5 id: repeats line 2 (ENG-001)`);
    const good = await sheet(dir, 'id,Role\nENG-001,Engineer\n');
    expect((await importRoles(url, good)).stdout).toContain('roles       1 added');
  });

  it('names the missing column and the headers it found', async () => {
    const { url, dir } = await create();
    const file = await sheet(dir, 'Job Code,Department\nENG-001,Engineering\n');
    const run = await importRoles(url, file);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('has no column for a job title');
    expect(run.stderr).toContain('found "Job Code", "Department"');
  });

  it('refuses to import into the built-in taxonomy', async () => {
    const { url } = await create();
    const run = await runCli(url, ['import', 'roles', acme, '--taxonomy', 'rolebook']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('cannot take imported roles');
  });
});
