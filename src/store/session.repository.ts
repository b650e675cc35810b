import type { Db } from './db.js';

export interface SessionRecord {
  /** SHA-256 of the cookie's secret, in hex. */
  hash: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
}

export const insertSession = async (db: Db, session: SessionRecord): Promise<void> => {
  await db
    .insertInto('sessions')
    .values({
      hash: session.hash,
      user_id: session.userId,
      created_at: session.createdAt,
      last_seen_at: session.lastSeenAt,
    })
    .execute();
};

export const findSession = async (db: Db, hash: string): Promise<SessionRecord | undefined> => {
  const row = await db
    .selectFrom('sessions')
    .selectAll()
    .where('hash', '=', hash)
    .executeTakeFirst();
  return (
    row && {
      hash: row.hash,
      userId: row.user_id,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
    }
  );
};

export const touchSession = async (db: Db, hash: string, at: string): Promise<void> => {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('hash', '=', hash).execute();
};

export const deleteSession = async (db: Db, hash: string): Promise<void> => {
  await db.deleteFrom('sessions').where('hash', '=', hash).execute();
};

/** Ends every session of the user; the number ended. */
export const deleteSessionsOf = async (db: Db, userId: string): Promise<number> => {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
};
