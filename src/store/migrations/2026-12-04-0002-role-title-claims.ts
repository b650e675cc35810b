import type { Kysely } from 'kysely';

/** The tables this migration reads and fills, as they stood when it was written. */
interface Titles {
  role_titles: { taxonomy: string; code: string; folded: string };
  role_title_claims: { taxonomy: string; folded: string; code: string };
}

/**
 * One owner per folded title in the taxonomies whose titles are exclusive (only the built-in
 * `rolebook` so far): the key (taxonomy, folded) lets the database refuse a second owner, where
 * a check before the write let two racing writes through. Claims go with their role when it is
 * deleted.
 *
 * A library may already give one title to two roles. The claim goes to the role whose code sorts
 * first; the others keep the title in their title rows, where lint reports the clash, and are
 * refused at their next edit until it drops the title.
 */
export const roleTitleClaims = () => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('role_title_claims')
      .addColumn('taxonomy', 'text', (c) => c.notNull())
      .addColumn('folded', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('role_title_claims_pk', ['taxonomy', 'folded'])
      .addForeignKeyConstraint(
        'role_title_claims_role',
        ['taxonomy', 'code'],
        'roles',
        ['taxonomy', 'code'],
        (fk) => fk.onDelete('cascade'),
      )
      .execute();
    await db.schema
      .createIndex('role_title_claims_role')
      .on('role_title_claims')
      .columns(['taxonomy', 'code'])
      .execute();
    const titles = db as unknown as Kysely<Titles>;
    await titles
      .insertInto('role_title_claims')
      .columns(['taxonomy', 'folded', 'code'])
      .expression(
        titles
          .selectFrom('role_titles')
          .select(['taxonomy', 'folded', (eb) => eb.fn.min('code').as('code')])
          .where('taxonomy', '=', 'rolebook')
          .groupBy(['taxonomy', 'folded']),
      )
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('role_title_claims').execute();
  },
});
