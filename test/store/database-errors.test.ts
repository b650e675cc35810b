import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findRole, type Kysely } from '../../src/store/index.js';
import type { Database } from '../../src/store/index.js';
import type { Rolebook } from '../../src/services/index.js';
import { storeTargets } from '../support/stores.js';

const revision = (overrides: Record<string, unknown> = {}) => ({
  entity: 'role',
  key: 'rolebook/api-builder',
  version: 7,
  action: 'update',
  actor: 'test',
  at: '2026-11-01T00:00:00.000Z',
  before: null,
  after: null,
  ...overrides,
});

// The checks before the store refuse all of these; the store still turns what the database says
// into the error a client should see, instead of a 500.
describe.each(storeTargets)('database errors on $name', (target) => {
  let rolebook: Rolebook;
  beforeEach(async () => {
    rolebook = await target.open();
  });
  afterEach(async () => {
    await rolebook.close();
  });
  const db = (): Kysely<Database> => rolebook.ctx.store.db;

  it('reports a key another write stored first as a conflict', async () => {
    const stored = (await findRole(db(), 'rolebook', 'api-builder'))!;
    const error: unknown = await db()
      .insertInto('roles')
      .values({
        taxonomy: 'rolebook',
        code: 'api-builder',
        name: stored.name,
        status: stored.status,
        data: '{}',
        version: 1,
        created_at: stored.createdAt,
        updated_at: stored.updatedAt,
      })
      .execute()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'conflict', status: 409 });
  });

  it.runIf(target.name === 'postgres')('reports a NUL byte as invalid input', async () => {
    await expect(
      db()
        .insertInto('revisions')
        .values(revision({ actor: 'nul\u0000byte' }))
        .execute(),
    ).rejects.toMatchObject({ code: 'validation_failed', status: 400 });
  });

  it.runIf(target.name === 'postgres')(
    'reports an out-of-range number as invalid input',
    async () => {
      await expect(
        db()
          .insertInto('revisions')
          .values(revision({ version: 2 ** 40 }))
          .execute(),
      ).rejects.toMatchObject({ code: 'validation_failed', status: 400 });
    },
  );

  it.runIf(target.name === 'sqlite')('reports a datatype mismatch as invalid input', async () => {
    await expect(
      db()
        .insertInto('revisions')
        .values({ ...revision(), id: 'not a number' as unknown as number })
        .execute(),
    ).rejects.toMatchObject({ code: 'validation_failed', status: 400 });
  });
});
