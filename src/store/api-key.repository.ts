import type { ApiKeyRow } from './database.schema.js';
import type { Db } from './db.js';
import { pagedList, type PagedRows } from './paged-list.js';

export interface ApiKeyRecord {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  /** After this moment the key is refused; null: it does not expire. */
  expiresAt: string | null;
}

const apiKeyRowToRecord = (row: ApiKeyRow): ApiKeyRecord => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes.split(' ').filter(Boolean),
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
  lastUsedAt: row.last_used_at,
  expiresAt: row.expires_at,
});

/** A key as stored, with the hash of its secret. */
export type StoredApiKey = ApiKeyRecord & { hash: string };

export const insertApiKey = async (db: Db, key: StoredApiKey): Promise<void> => {
  await db
    .insertInto('api_keys')
    .values({
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      hash: key.hash,
      scopes: key.scopes.join(' '),
      created_at: key.createdAt,
      revoked_at: null,
      last_used_at: null,
      expires_at: key.expiresAt,
    })
    .execute();
};

export const findApiKeyByHash = async (db: Db, hash: string): Promise<StoredApiKey | undefined> => {
  const row = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('hash', '=', hash)
    .executeTakeFirst();
  return row && { ...apiKeyRowToRecord(row), hash: row.hash };
};

/** One page of the keys, oldest first; the id orders keys made in the same millisecond. */
export const listApiKeys = (
  db: Db,
  page: { limit: number; offset: number },
): Promise<PagedRows<ApiKeyRecord>> =>
  pagedList(
    db.selectFrom('api_keys'),
    (keys) => keys.selectAll().orderBy('created_at').orderBy('id'),
    page,
    apiKeyRowToRecord,
  );

/** How many keys still work at `at`: neither revoked nor expired. */
export const countActiveApiKeys = async (db: Db, at: string): Promise<number> => {
  const row = await db
    .selectFrom('api_keys')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

export const revokeApiKey = async (db: Db, id: string, at: string): Promise<boolean> => {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
};

export const touchApiKey = async (db: Db, id: string, at: string): Promise<void> => {
  await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
};
