import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/store-dialect.js';

export const initial = (dialect: StoreDialect) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('taxonomies')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('roles')
      .addColumn('taxonomy', 'text', (c) => c.notNull().references('taxonomies.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('roles_pk', ['taxonomy', 'code'])
      .execute();
    await db.schema.createIndex('roles_name').on('roles').columns(['taxonomy', 'name']).execute();

    await db.schema
      .createTable('role_titles')
      .addColumn('taxonomy', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('folded', 'text', (c) => c.notNull())
      .addForeignKeyConstraint(
        'role_titles_role',
        ['taxonomy', 'code'],
        'roles',
        ['taxonomy', 'code'],
        (fk) => fk.onDelete('cascade'),
      )
      .execute();
    await db.schema
      .createIndex('role_titles_folded')
      .on('role_titles')
      .columns(['folded', 'taxonomy'])
      .execute();
    await db.schema
      .createIndex('role_titles_role')
      .on('role_titles')
      .columns(['taxonomy', 'code'])
      .execute();

    await db.schema
      .createTable('terms')
      .addColumn('slug', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('revisions')
      .addColumn('id', dialect.serialType, (c) => dialect.serialColumn(c))
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .execute();
    await db.schema
      .createIndex('revisions_entity')
      .on('revisions')
      .columns(['entity', 'key', 'version'])
      .execute();

    await db.schema
      .createTable('api_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('last_used_at', 'text')
      .execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', dialect.serialType, (c) => dialect.serialColumn(c))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('request_id', 'text')
      .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();

    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of [
      'meta',
      'audit_log',
      'api_keys',
      'revisions',
      'terms',
      'role_titles',
      'roles',
      'taxonomies',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
});
