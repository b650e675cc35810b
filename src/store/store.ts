import { Kysely, Migrator, type MigrationResult } from 'kysely';
import { AppError } from '../domain/index.js';
import type { Database } from './database.schema.js';
import { postgresDialect } from './dialect/postgres.dialect.js';
import { sqliteDialect } from './dialect/sqlite.dialect.js';
import type { StoreDialect } from './dialect/store-dialect.js';
import { translatingDialect } from './dialect/translating-dialect.js';
import { migrationProvider } from './migrations/index.js';

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  migrate(): Promise<MigrationReport>;
  close(): Promise<void>;
}

export interface MigrationReport {
  applied: string[];
  results: MigrationResult[];
}

/**
 * Picks the database from a path or URL: `postgres://` or `postgresql://` is PostgreSQL, a
 * `sqlite:` URL or a plain path is SQLite.
 * @example dialectFor('./data/rolebook.sqlite').kind === 'sqlite'
 */
export const dialectFor = (location: string, options: { schema?: string } = {}): StoreDialect => {
  if (/^postgres(ql)?:\/\//.test(location)) return postgresDialect(location, options);
  if (location.startsWith('sqlite:')) {
    const path = location.replace(/^sqlite:(\/\/)?/, '');
    return sqliteDialect(path || ':memory:');
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    throw new AppError(
      'bad_request',
      `Unsupported database URL scheme in ${location.split(':')[0]}:`,
    );
  }
  return sqliteDialect(location);
};

export const openStore = async (
  location: string,
  options: { schema?: string } = {},
): Promise<Store> => {
  const dialect = dialectFor(location, options);
  const db = new Kysely<Database>({
    dialect: translatingDialect(dialect.createKyselyDialect(), dialect.translateError),
  });
  try {
    await dialect.prepare(db);
  } catch (error) {
    await db.destroy();
    // The driver's own words say more than the translated error does.
    const reason = error instanceof AppError && error.cause instanceof Error ? error.cause : error;
    throw new AppError(
      'unavailable',
      `Cannot open ${dialect.description}: ${(reason as Error).message}`,
      [],
      { cause: reason },
    );
  }
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect),
    // Kysely looks for its own tables across every schema unless told which one is ours.
    ...(dialect.schema ? { migrationTableSchema: dialect.schema } : {}),
  });
  return {
    db,
    dialect,
    async migrate() {
      const { error, results = [] } = await migrator.migrateToLatest();
      // A database that cannot be reached is that, whatever step met it.
      if (error instanceof AppError) throw error;
      if (error) {
        throw new AppError('internal', `Migration failed: ${(error as Error).message}`, [], {
          cause: error,
        });
      }
      return {
        applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName),
        results,
      };
    },
    async close() {
      await dialect.dispose(db);
      await db.destroy();
    },
  };
};
