import { PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { StoreDialect } from './store-dialect.js';

// BIGINT counts arrive as strings by default; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

const redact = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/**
 * PostgreSQL through a connection pool. A `schema` query parameter (or option) puts every table
 * in that schema, which lets tests give each file a fresh, isolated database.
 */
export const postgresDialect = (url: string, options: { schema?: string } = {}): StoreDialect => {
  const parsed = new URL(url);
  const schema = options.schema ?? parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  return {
    kind: 'postgres',
    description: `PostgreSQL ${redact(parsed.toString())}${schema ? ` (schema ${schema})` : ''}`,
    serialType: 'serial',
    ...(schema ? { schema } : {}),
    serialColumn: (column) => column.primaryKey(),
    createKyselyDialect: () =>
      new PostgresDialect({
        pool: new pg.Pool({
          connectionString: parsed.toString(),
          max: 10,
          ...(schema ? { options: `-c search_path=${schema}` } : {}),
        }),
      }),
    prepare: async (db) => {
      if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    },
    dispose: () => Promise.resolve(),
  };
};
