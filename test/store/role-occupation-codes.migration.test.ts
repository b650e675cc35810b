import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/index.js';
import { findRoleByOccupationCode } from '../../src/store/index.js';
import { emptyDatabase } from '../support/empty-database.js';
import { storeTargets } from '../support/stores.js';

const stamp = '2026-11-01T00:00:00.000Z';
const developer = 'http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-000000000001';

/** An ESCO role as the schema before this migration stored it: the code only in its document. */
const escoRole = (code: string, occupationCode?: string) => ({
  taxonomy: 'esco',
  code,
  name: 'software developer',
  status: 'published',
  data: JSON.stringify({
    name: 'software developer',
    summary: 'Writes software.',
    ...(occupationCode !== undefined ? { occupationCode } : {}),
  }),
  version: 1,
  created_at: stamp,
  updated_at: stamp,
});

type Before = Kysely<{
  taxonomies: { id: string; name: string; data: string; created_at: string; updated_at: string };
  roles: ReturnType<typeof escoRole>;
}>;

/** A database migrated up to just before the occupation code column, holding two ESCO roles. */
const storedBefore = async (kind: 'sqlite' | 'postgres') => {
  const opened = await emptyDatabase(kind);
  const before = await opened.migrator.migrateTo('2026-12-06-0002-pending-drafts');
  expect(before.error).toBeUndefined();
  const db = opened.db as unknown as Before;
  await db
    .insertInto('taxonomies')
    .values({
      id: 'esco',
      name: 'ESCO',
      data: '{"id":"esco","name":"ESCO"}',
      created_at: stamp,
      updated_at: stamp,
    })
    .execute();
  await db
    .insertInto('roles')
    .values([escoRole(developer, '2512.4'), escoRole(`${developer}-without-code`)])
    .execute();
  return opened;
};

/** The plan the database makes for the lookup, told to avoid reading the whole table. */
const lookupPlan = async (db: Kysely<Database>, kind: 'sqlite' | 'postgres') => {
  const lookup = sql`select * from roles where taxonomy = 'esco' and occupation_code = '2512.4'`;
  if (kind === 'sqlite') {
    const { rows } = await sql<{ detail: string }>`explain query plan ${lookup}`.execute(db);
    return rows.map((row) => row.detail).join('\n');
  }
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const { rows } = await sql<{ 'QUERY PLAN': string }>`explain ${lookup}`.execute(trx);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  });
};

describe.each(storeTargets)('the role occupation code migration on $name', (target) => {
  const open: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((close) => close()));
  });

  it('gives a stored role the code its document holds, so the role is found by it', async () => {
    const { db, migrator, close } = await storedBefore(target.name);
    open.push(close);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const found = await findRoleByOccupationCode(db, 'esco', '2512.4');
    expect(found).toMatchObject({ code: developer, occupationCode: '2512.4' });
  });

  it('finds a role by its occupation code through an index', async () => {
    const { db, migrator, close } = await storedBefore(target.name);
    open.push(close);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await lookupPlan(db, target.name)).toContain('roles_occupation_code');
  });

  it('can be undone, leaving the roles as they were', async () => {
    const { db, migrator, close } = await storedBefore(target.name);
    open.push(close);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect((await migrator.migrateTo('2026-12-06-0002-pending-drafts')).error).toBeUndefined();
    const row = await db
      .selectFrom('roles')
      .selectAll()
      .where('code', '=', developer)
      .executeTakeFirst();
    expect(Object.keys(row!)).not.toContain('occupation_code');
  });
});
