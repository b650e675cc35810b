import type { Kysely } from 'kysely';

/**
 * A pending draft of a stored role or term, beside the version readers get: at most one per
 * entity (its key is the entity's), numbered by its own version for compare-and-set, and based on
 * the stored version it was edited from, which publishing holds against the stored one.
 */
export const pendingDrafts = () => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('pending_drafts')
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('base_version', 'integer', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('pending_drafts_pk', ['entity', 'key'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('pending_drafts').execute();
  },
});
