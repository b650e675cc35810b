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
});
