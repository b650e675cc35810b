import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { findTaxonomy } from '../../src/store/index.js';
import { emptyDatabase } from '../support/empty-database.js';
import { storeTargets } from '../support/stores.js';

const described = (id: string, name: string) => ({
  id,
  name,
  data: JSON.stringify({ id, name }),
  created_at: '2026-11-01T00:00:00.000Z',
  updated_at: '2026-11-01T00:00:00.000Z',
});

describe.each(storeTargets)('the role name number migration on $name', (target) => {
  const open: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((close) => close()));
  });

  it('marks the stored onet taxonomy plural and every other one singular, and can be undone', async () => {
    const { db, migrator, close } = await emptyDatabase(target.name);
    open.push(close);
    const initial = await migrator.migrateTo('2026-11-25-0001-initial');
    expect(initial.error).toBeUndefined();
    // Rows as the schema before this migration held them, without the new column.
    await (db as unknown as Kysely<{ taxonomies: ReturnType<typeof described> }>)
      .insertInto('taxonomies')
      .values([
        described('onet', 'O*NET'),
        described('esco', 'ESCO'),
        described('rolebook', 'Rolebook'),
      ])
      .execute();

    const { error } = await migrator.migrateToLatest();
    expect(error).toBeUndefined();
    expect((await findTaxonomy(db, 'onet'))?.roleNameNumber).toBe('plural');
    expect((await findTaxonomy(db, 'esco'))?.roleNameNumber).toBe('singular');
    expect(await findTaxonomy(db, 'rolebook')).toEqual({
      id: 'rolebook',
      name: 'Rolebook',
      roleNameNumber: 'singular',
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
    });

    const down = await migrator.migrateTo('2026-11-25-0001-initial');
    expect(down.error).toBeUndefined();
    const columns = Object.keys(
      (await db.selectFrom('taxonomies').selectAll().where('id', '=', 'onet').executeTakeFirst())!,
    );
    expect(columns).not.toContain('role_name_number');
  });
});
