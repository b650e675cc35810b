import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/index.js';
import { emptyDatabase } from '../support/empty-database.js';
import { storeTargets } from '../support/stores.js';

const before = '2026-11-25-0002-taxonomy-role-name-number';
const at = '2026-11-01T00:00:00.000Z';

const revision = (key: string, version: number, action = 'update') => ({
  entity: 'role',
  key,
  version,
  action,
  actor: 'test',
  at,
  before: null,
  after: null,
});

/** Whether the insert went in, or the database refused it. */
const accepted = (insert: Promise<unknown>): Promise<boolean> =>
  insert.then(
    () => true,
    () => false,
  );

describe.each(storeTargets)('the unique writes migrations on $name', (target) => {
  const open: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((close) => close()));
  });

  const migratedFrom = async (fill: (db: Kysely<Database>) => Promise<void>) => {
    const { db, migrator, close } = await emptyDatabase(target.name);
    open.push(close);
    expect((await migrator.migrateTo(before)).error).toBeUndefined();
    await fill(db);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    return { db, migrator };
  };

  it('keeps a log that repeats versions and lets no version repeat after it', async () => {
    const { db, migrator } = await migratedFrom(async (db) => {
      await db
        .insertInto('revisions')
        .values([
          // Two creates that raced, and a role deleted and created again at version 1.
          revision('rolebook/raced', 1, 'create'),
          revision('rolebook/raced', 1, 'create'),
          revision('rolebook/again', 1, 'create'),
          revision('rolebook/again', 2, 'delete'),
          revision('rolebook/again', 1, 'create'),
        ])
        .execute();
    });
    expect((await db.selectFrom('revisions').select('id').execute()).length).toBe(5);

    const insert = (key: string, version: number) =>
      accepted(db.insertInto('revisions').values(revision(key, version)).execute());
    expect(await insert('rolebook/raced', 2)).toBe(true);
    expect(await insert('rolebook/raced', 2)).toBe(false);
    expect(await insert('rolebook/new', 1)).toBe(true);
    expect(await insert('rolebook/new', 1)).toBe(false);

    expect((await migrator.migrateTo(before)).error).toBeUndefined();
    expect(await insert('rolebook/new', 1)).toBe(true);
  });
});
