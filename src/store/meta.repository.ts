import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export const getMeta = async (db: Db, key: string): Promise<string | undefined> =>
  (await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value;

export const setMeta = async (db: Db, key: string, value: string): Promise<void> => {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
};
