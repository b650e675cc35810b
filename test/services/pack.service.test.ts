import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/domain/index.js';
import { exportPack, importPack, systemActor, type Rolebook } from '../../src/services/index.js';
import { storeTargets } from '../support/stores.js';

const importer = systemActor('test-importer');

describe.each(storeTargets)('packs on $name', (target) => {
  const open: Rolebook[] = [];
  const start = async (seed: boolean) => {
    const rolebook = await target.open({ seed });
    open.push(rolebook);
    return rolebook;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.close()));
  });

  it('exports and imports into an empty database without loss', async () => {
    const source = await start(true);
    const pack = await exportPack(source.ctx);
    const empty = await start(false);
    const report = await importPack(empty.ctx, importer, pack);
    expect(report.roles.added).toBe(pack.roles.length);
    const copy = await exportPack(empty.ctx);
    expect({ ...copy, exportedAt: '' }).toEqual({ ...pack, exportedAt: '' });
  });

  it("keeps the number of a taxonomy's role names through export and import", async () => {
    const source = await start(true);
    const pack = await exportPack(source.ctx);
    const plurals = {
      id: 'plurals',
      name: 'A taxonomy that names its roles in the plural',
      roleNameNumber: 'plural' as const,
      createdAt: pack.exportedAt,
      updatedAt: pack.exportedAt,
    };
    const first = await start(false);
    await importPack(first.ctx, importer, { ...pack, taxonomies: [...pack.taxonomies, plurals] });
    const exported = await exportPack(first.ctx);
    expect(exported.taxonomies).toContainEqual(plurals);
    const second = await start(false);
    await importPack(second.ctx, importer, exported);
    const copy = await exportPack(second.ctx);
    expect({ ...copy, exportedAt: '' }).toEqual({ ...exported, exportedAt: '' });
  });

  it('reads a taxonomy of an older pack, which does not say, as naming its roles in the singular', async () => {
    const source = await start(true);
    const pack = await exportPack(source.ctx);
    expect(pack.taxonomies.map((t) => t.roleNameNumber)).toEqual(['singular']);
    const older = { ...pack, taxonomies: pack.taxonomies.map(({ roleNameNumber: _, ...t }) => t) };
    const report = await importPack(source.ctx, importer, older);
    expect(report.taxonomies).toMatchObject({ changed: 0, unchanged: 1 });
    const empty = await start(false);
    await importPack(empty.ctx, importer, older);
    expect((await exportPack(empty.ctx)).taxonomies).toEqual(pack.taxonomies);
  });

  it('changes nothing when the same pack is imported again', async () => {
    const source = await start(true);
    const report = await importPack(source.ctx, importer, await exportPack(source.ctx));
    expect(report.roles).toEqual({ added: 0, changed: 0, unchanged: 2, removed: 0 });
  });

  it('writes nothing when one role of the pack is broken', async () => {
    const source = await start(true);
    const pack = await exportPack(source.ctx);
    const broken = {
      ...pack,
      roles: [...pack.roles, { ...pack.roles[0], code: 'late-failure', terms: ['no-such-term'] }],
    };
    const empty = await start(false);
    await expect(importPack(empty.ctx, importer, broken)).rejects.toMatchObject({
      code: 'import_failed',
    });
    expect((await exportPack(empty.ctx)).roles).toEqual([]);
  });

  it('reports a dry run without writing', async () => {
    const source = await start(true);
    const empty = await start(false);
    const report = await importPack(empty.ctx, importer, await exportPack(source.ctx), {
      dryRun: true,
    });
    expect(report).toMatchObject({ dryRun: true, roles: { added: 2 } });
    expect((await exportPack(empty.ctx)).roles).toEqual([]);
  });

  it('names the file and field of a malformed pack', async () => {
    const empty = await start(false);
    const error: unknown = await importPack(
      empty.ctx,
      importer,
      { format: 'rolebook-pack' },
      { where: { file: 'pack.json' } },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'validation_failed' });
    expect((error as AppError).details).toContainEqual(
      expect.objectContaining({ file: 'pack.json', field: 'roles' }),
    );
  });

  it('refuses a pack that publishes a curated role with lint errors, naming file, role and field', async () => {
    const source = await start(true);
    const pack = await exportPack(source.ctx);
    const [role, ...rest] = pack.roles;
    const unfinished = { ...role!, summary: 'Hires a {role_name} for the team.' };
    const empty = await start(false);
    const error: unknown = await importPack(
      empty.ctx,
      importer,
      { ...pack, roles: [unfinished, ...rest] },
      { where: { file: 'pack.json' } },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'lint_failed' });
    expect((error as AppError).details).toContainEqual(
      expect.objectContaining({
        file: 'pack.json',
        field: `roles.rolebook/${role!.code}.summary`,
      }),
    );
    expect((await exportPack(empty.ctx)).roles).toEqual([]);
  });

  it('refuses a pack whose curated role has a code that is not a slug, naming file, role and field', async () => {
    const source = await start(true);
    const pack = await exportPack(source.ctx);
    const [role, ...rest] = pack.roles;
    const empty = await start(false);
    const error: unknown = await importPack(
      empty.ctx,
      importer,
      { ...pack, roles: [...rest, { ...role!, code: 'Api_Builder', relatedRoles: [] }] },
      { where: { file: 'pack.json' } },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'validation_failed' });
    expect((error as AppError).details).toContainEqual(
      expect.objectContaining({ file: 'pack.json', field: 'roles.rolebook/Api_Builder.code' }),
    );
    expect((await exportPack(empty.ctx)).roles).toEqual([]);
  });

  it("keeps the codes of an imported taxonomy's roles as its source writes them", async () => {
    const source = await start(true);
    const pack = await exportPack(source.ctx);
    const [role] = pack.roles;
    const onet = {
      id: 'onet',
      name: 'O*NET-SOC',
      roleNameNumber: 'singular' as const,
      createdAt: pack.exportedAt,
      updatedAt: pack.exportedAt,
    };
    const occupation = {
      ...role!,
      taxonomy: 'onet',
      code: '15-1252.00',
      relatedRoles: [],
      crosswalk: [],
    };
    const report = await importPack(source.ctx, importer, {
      ...pack,
      taxonomies: [...pack.taxonomies, onet],
      roles: [...pack.roles, occupation],
    });
    expect(report.changes.added).toEqual(['onet/15-1252.00']);
  });
});
