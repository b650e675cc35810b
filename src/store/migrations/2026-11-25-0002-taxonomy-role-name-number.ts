import type { Kysely } from 'kysely';

/**
 * Records the grammatical number of each taxonomy's role names, which guides word their
 * headings by. Every taxonomy so far names its roles in the singular except `onet`: the O*NET
 * importer is the only writer of that taxonomy, and O*NET titles are plural ("Software
 * Developers"), so its stored row is marked plural here rather than waiting for the next import.
 */
export const taxonomyRoleNameNumber = () => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('taxonomies')
      .addColumn('role_name_number', 'text', (c) => c.notNull().defaultTo('singular'))
      .execute();
    await (db as Kysely<{ taxonomies: { id: string; role_name_number: string } }>)
      .updateTable('taxonomies')
      .set({ role_name_number: 'plural' })
      .where('id', '=', 'onet')
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('taxonomies').dropColumn('role_name_number').execute();
  },
});
