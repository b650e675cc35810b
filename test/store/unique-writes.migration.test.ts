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

const taxonomy = (id: string) => ({
  id,
  name: id,
  role_name_number: 'singular',
  data: '{}',
  created_at: at,
  updated_at: at,
});

const role = (taxonomy: string, code: string) => ({
  taxonomy,
  code,
  name: code,
  status: 'published',
  data: '{}',
  version: 1,
  created_at: at,
  updated_at: at,
});

const title = (taxonomy: string, code: string, folded: string) => ({
  taxonomy,
  code,
  title: folded,
  folded,
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

  it('gives a title two roles share to one of them, and no second owner after', async () => {
    const { db, migrator } = await migratedFrom(async (db) => {
      await db
        .insertInto('taxonomies')
        .values([taxonomy('rolebook'), taxonomy('esco')])
        .execute();
      await db
        .insertInto('roles')
        .values([
          role('rolebook', 'b'),
          role('rolebook', 'a'),
          role('esco', 'x'),
          role('esco', 'y'),
        ])
        .execute();
      await db
        .insertInto('role_titles')
        .values([
          title('rolebook', 'b', 'shared'),
          title('rolebook', 'a', 'shared'),
          title('rolebook', 'b', 'own'),
          // Published taxonomies share titles as a fact of their source: no claims there.
          title('esco', 'x', 'shared'),
          title('esco', 'y', 'shared'),
        ])
        .execute();
    });
    const claims = () =>
      db
        .selectFrom('role_title_claims')
        .select(['taxonomy', 'folded', 'code'])
        .orderBy('folded')
        .execute();
    expect(await claims()).toEqual([
      { taxonomy: 'rolebook', folded: 'own', code: 'b' },
      { taxonomy: 'rolebook', folded: 'shared', code: 'a' },
    ]);
    const claim = (code: string, folded: string) =>
      accepted(
        db.insertInto('role_title_claims').values({ taxonomy: 'rolebook', code, folded }).execute(),
      );
    expect(await claim('b', 'shared')).toBe(false);

    // A deleted role's claims go with it.
    await db.deleteFrom('role_titles').where('code', '=', 'a').execute();
    await db
      .deleteFrom('roles')
      .where('taxonomy', '=', 'rolebook')
      .where('code', '=', 'a')
      .execute();
    expect(await claims()).toEqual([{ taxonomy: 'rolebook', folded: 'own', code: 'b' }]);
    expect(await claim('b', 'shared')).toBe(true);

    expect((await migrator.migrateTo(before)).error).toBeUndefined();
  });
});
