import { sql } from 'kysely';
import type { Db } from './db.js';

/** Until when sign-ins of the subject (an account or an address) are refused unheard. */
export const signInBlockedUntil = async (db: Db, subject: string): Promise<string | null> => {
  const row = await db
    .selectFrom('sign_in_failures')
    .select('blocked_until')
    .where('subject', '=', subject)
    .executeTakeFirst();
  return row?.blocked_until ?? null;
};

/**
 * Counts one more failed sign-in of the subject, in one statement so racing attempts each
 * count; failures at or before `windowStart` are forgotten first. The count after this one.
 */
export const addSignInFailure = async (
  db: Db,
  subject: string,
  at: string,
  windowStart: string,
): Promise<number> => {
  const stale = sql<boolean>`${sql.ref('sign_in_failures.first_at')} <= ${windowStart}`;
  const row = await db
    .insertInto('sign_in_failures')
    .values({ subject, failures: 1, first_at: at, blocked_until: null })
    .onConflict((oc) =>
      oc.column('subject').doUpdateSet({
        failures: sql<number>`case when ${stale} then 1 else ${sql.ref('sign_in_failures.failures')} + 1 end`,
        first_at: sql<string>`case when ${stale} then ${at} else ${sql.ref('sign_in_failures.first_at')} end`,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
};

/** Takes back one counted attempt of the subject: it turned out to be a successful sign-in. */
export const forgiveSignInFailure = async (db: Db, subject: string): Promise<void> => {
  await db
    .updateTable('sign_in_failures')
    .set({ failures: sql<number>`${sql.ref('failures')} - 1` })
    .where('subject', '=', subject)
    .where('failures', '>', 0)
    .execute();
};

/**
 * Refuses the subject's sign-ins until `until`. The count stays, so attempts already on their
 * way are still over the limit; it is forgotten once the pause, as long as the window, is over.
 */
export const blockSignIns = async (db: Db, subject: string, until: string): Promise<void> => {
  await db
    .updateTable('sign_in_failures')
    .set({ blocked_until: until })
    .where('subject', '=', subject)
    .execute();
};

export const clearSignInFailures = async (db: Db, subject: string): Promise<void> => {
  await db.deleteFrom('sign_in_failures').where('subject', '=', subject).execute();
};
