import type { Kysely } from 'kysely';

/**
 * People who sign in to the site: users with a role, their sessions, and the failed sign-ins
 * counted per account and per address. Each lives in the database, not in an instance's memory,
 * so every instance behind a load balancer sees the same sessions and the same lockouts.
 */
export const accounts = () => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('disabled_at', 'text')
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('sign_in_failures')
      .addColumn('subject', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('first_at', 'text', (c) => c.notNull())
      .addColumn('blocked_until', 'text')
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['sign_in_failures', 'sessions', 'users']) {
      await db.schema.dropTable(table).execute();
    }
  },
});
