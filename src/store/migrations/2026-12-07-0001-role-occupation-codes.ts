import type { Kysely } from 'kysely';

/** The table this migration reads and fills, as it stood when it was written. */
interface Roles {
  roles: { taxonomy: string; code: string; data: string; occupation_code: string | null };
}

/** Rows read at a time, so a whole ESCO release is not held in memory at once. */
const ROWS_PER_READ = 500;

/**
 * The code a taxonomy's source publishes for a role beside the key it is stored under (ESCO's
 * `2512.4` for an occupation keyed by its URI), as a column of its own with an index: a role
 * asked for by that code was found by a text match over every stored document of its taxonomy.
 * Roles stored before it get the code their document holds.
 */
export const roleOccupationCodes = () => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('roles').addColumn('occupation_code', 'text').execute();
    await db.schema
      .createIndex('roles_occupation_code')
      .on('roles')
      .columns(['taxonomy', 'occupation_code'])
      .execute();
    const roles = db as unknown as Kysely<Roles>;
    for (let offset = 0; ; offset += ROWS_PER_READ) {
      const rows = await roles
        .selectFrom('roles')
        .select(['taxonomy', 'code', 'data'])
        .where('data', 'like', '%"occupationCode"%')
        .orderBy('taxonomy')
        .orderBy('code')
        .limit(ROWS_PER_READ)
        .offset(offset)
        .execute();
      for (const row of rows) {
        const { occupationCode } = JSON.parse(row.data) as { occupationCode?: unknown };
        if (typeof occupationCode !== 'string') continue;
        await roles
          .updateTable('roles')
          .set({ occupation_code: occupationCode })
          .where('taxonomy', '=', row.taxonomy)
          .where('code', '=', row.code)
          .execute();
      }
      if (rows.length < ROWS_PER_READ) return;
    }
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('roles_occupation_code').execute();
    await db.schema.alterTable('roles').dropColumn('occupation_code').execute();
  },
});
