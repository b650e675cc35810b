import type { UserRow } from './database.schema.js';
import type { Db } from './db.js';
import { pagedList, type PagedRows } from './paged-list.js';

export interface UserRecord {
  id: string;
  name: string;
  role: string;
  createdAt: string;
  /** Since when the user may not sign in; null while they may. */
  disabledAt: string | null;
}

/** A user as stored, with the hash of their password. */
export type StoredUser = UserRecord & { passwordHash: string };

const userRowToRecord = (row: UserRow): StoredUser => ({
  id: row.id,
  name: row.name,
  role: row.role,
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
  passwordHash: row.password_hash,
});

const withoutHash = ({ passwordHash: _hash, ...user }: StoredUser): UserRecord => user;

export const insertUser = async (db: Db, user: StoredUser): Promise<void> => {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      name: user.name,
      role: user.role,
      password_hash: user.passwordHash,
      created_at: user.createdAt,
      disabled_at: user.disabledAt,
    })
    .execute();
};

export const findUserByName = async (db: Db, name: string): Promise<StoredUser | undefined> => {
  const row = await db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
  return row && userRowToRecord(row);
};

export const findUserById = async (db: Db, id: string): Promise<StoredUser | undefined> => {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && userRowToRecord(row);
};

/** One page of the users, by name. */
export const listUsers = (
  db: Db,
  page: { limit: number; offset: number },
): Promise<PagedRows<UserRecord>> =>
  pagedList(
    db.selectFrom('users'),
    (users) => users.selectAll().orderBy('name'),
    page,
    (row) => withoutHash(userRowToRecord(row)),
  );

/** Sets the fields given on the user of that id; false when there is none. */
export const updateUser = async (
  db: Db,
  id: string,
  changes: { role?: string; disabledAt?: string | null },
): Promise<boolean> => {
  const result = await db
    .updateTable('users')
    .set({
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.disabledAt !== undefined ? { disabled_at: changes.disabledAt } : {}),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
};

/**
 * The ids of the enabled admins, each row locked until the transaction ends, so that two
 * transactions each taking away a different admin cannot both see the other as still there.
 * The no-op update takes the locks on PostgreSQL; on SQLite it makes the transaction the one
 * writer at once.
 */
export const lockEnabledAdmins = async (db: Db): Promise<string[]> => {
  await db
    .updateTable('users')
    .set((eb) => ({ role: eb.ref('role') }))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .execute();
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .execute();
  return rows.map((row) => row.id);
};
