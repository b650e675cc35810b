import { sql, type Kysely } from 'kysely';

/** The columns this migration reads, as they stood when it was written. */
interface Revisions {
  revisions: { id: number; entity: string; key: string; version: number };
}

/**
 * Makes a version of an entity appear once in the revision log, so two writers racing can never
 * both record it. Logs written before may hold repeats: racing creates on PostgreSQL each
 * recorded a version 1, and an entity deleted and created again started over at 1. History is
 * not rewritten: the index leaves out every revision up to the last repeated one, and covers all
 * after it (all of them, on a log without repeats).
 */
export const uniqueRevisionVersions = () => ({
  async up(db: Kysely<unknown>): Promise<void> {
    const log = db as unknown as Kysely<Revisions>;
    const lastRepeat = await log
      .selectFrom('revisions as r')
      .select((eb) => eb.fn.max('r.id').as('id'))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('revisions as o')
            .select(sql.lit(1).as('one'))
            .whereRef('o.entity', '=', 'r.entity')
            .whereRef('o.key', '=', 'r.key')
            .whereRef('o.version', '=', 'r.version')
            .whereRef('o.id', '!=', 'r.id'),
        ),
      )
      .executeTakeFirst();
    await db.schema
      .createIndex('revisions_version_unique')
      .on('revisions')
      .columns(['entity', 'key', 'version'])
      .unique()
      .where(sql.ref('id'), '>', Number(lastRepeat?.id ?? 0))
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('revisions_version_unique').execute();
  },
});
