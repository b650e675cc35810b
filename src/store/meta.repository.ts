import { randomBytes } from 'node:crypto';
import type { Db } from './db.js';

/**
 * A random secret the server keeps in the database under that name, made by whichever instance
 * asks first: every instance sharing the database gets the same one, and it survives restarts.
 */
export const serverSecret = async (db: Db, name: string): Promise<string> => {
  const key = `secret:${name}`;
  await db
    .insertInto('meta')
    .values({ key, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return row.value;
};

/** A value the store keeps under a name, or undefined when none was kept. */
export const readMeta = async (db: Db, key: string): Promise<string | undefined> =>
  (await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value;

/** Keeps a value under a name, over any kept before. */
export const writeMeta = async (db: Db, key: string, value: string): Promise<void> => {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
};

/**
 * Holds the lock of that name until the transaction ends, so that writes taking it run one after
 * another and each reads what the one before committed: how a rule across rows that no index
 * can state (no two terms share a name) holds when instances write at once. SQLite writes one
 * transaction at a time already; PostgreSQL makes a second writer wait on the row.
 */
export const serializeWrites = async (db: Db, name: string): Promise<void> => {
  const key = `lock:${name}`;
  await db
    .insertInto('meta')
    .values({ key, value: '' })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: '' }))
    .execute();
};
