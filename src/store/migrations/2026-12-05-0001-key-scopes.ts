import type { Kysely } from 'kysely';

type Keys = Kysely<{ api_keys: { id: string; scopes: string } }>;

/**
 * Keys gain an optional expiry, and scopes split in four: `read` (drafts and histories),
 * `write`, `delete` and `admin`. A key made before could read drafts and delete with `write`,
 * so it keeps those powers; an admin key gets every scope.
 */
export const keyScopes = () => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('api_keys').addColumn('expires_at', 'text').execute();
    const keys = await (db as Keys).selectFrom('api_keys').select(['id', 'scopes']).execute();
    for (const key of keys) {
      const old = key.scopes.split(' ');
      const scopes = old.includes('admin')
        ? ['read', 'write', 'delete', 'admin']
        : old.includes('write')
          ? ['read', 'write', 'delete']
          : old;
      await (db as Keys)
        .updateTable('api_keys')
        .set({ scopes: scopes.join(' ') })
        .where('id', '=', key.id)
        .execute();
    }
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('api_keys').dropColumn('expires_at').execute();
  },
});
