import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  sql,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type SqliteDialectConfig,
} from 'kysely';
import type { AppError } from '../../domain/index.js';
import { databaseUnavailable, keyTaken, valueRefused } from './database-errors.js';
import { withStatementCache } from './statement-cache.js';
import type { StoreDialect } from './store-dialect.js';

/**
 * How long a write waits for another process's write to finish. Past it the database counts as
 * unavailable (503) for that request.
 */
const BUSY_TIMEOUT_MS = 5_000;

/** What an SQLite error (better-sqlite3 names its extended result code) means to a client. */
const translateSqliteError = (error: unknown): AppError | undefined => {
  if (!(error instanceof Error)) return undefined;
  const { code } = error as Error & { code?: unknown };
  if (typeof code !== 'string') return undefined;
  // Another connection held the lock past the busy timeout, or moved on from our snapshot.
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return databaseUnavailable(error);
  if (code === 'SQLITE_MISMATCH' || code === 'SQLITE_TOOBIG') return valueRefused(error);
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return keyTaken(error, error.message);
  }
  return undefined;
};

/**
 * Every transaction here writes, so it takes the write lock when it begins. Begun deferred, a
 * transaction that read while another process committed could not write after reading
 * (SQLITE_BUSY_SNAPSHOT, at once); begun immediate it waits its turn, then reads what the other
 * wrote: a second create of one code answers 409, not 503.
 */
class WritingSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class WritingSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): SqliteDriver {
    return new WritingSqliteDriver(this.#config);
  }
}

/** Embedded SQLite in WAL mode: readers never wait for the writer. */
export const sqliteDialect = (path: string): StoreDialect => ({
  kind: 'sqlite',
  description: path === ':memory:' ? 'SQLite (in memory)' : `SQLite ${path}`,
  ...(path === ':memory:' ? {} : { file: path }),
  serialType: 'integer',
  serialColumn: (column) => column.primaryKey().autoIncrement(),
  createKyselyDialect: () =>
    new WritingSqliteDialect({
      database: () => {
        // The database's own folder is made (./data on a first start); a missing folder above it
        // is more likely a mistyped path than a wish for a new library somewhere unexpected.
        if (path !== ':memory:' && !existsSync(dirname(path))) {
          if (!existsSync(dirname(dirname(path)))) {
            throw new Error(`the folder ${dirname(dirname(path))} does not exist`);
          }
          mkdirSync(dirname(path));
        }
        const database = new BetterSqlite3(path);
        database.pragma('journal_mode = WAL');
        database.pragma('synchronous = NORMAL');
        database.pragma('foreign_keys = ON');
        database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        return Promise.resolve(withStatementCache(database));
      },
    }),
  translateError: translateSqliteError,
  holdRows: (query) => query,
  claimRows: (query) => query,
  // Opened now, so a path that cannot be a database fails as such, before any migration.
  prepare: async (db) => {
    await sql`select 1`.execute(db);
  },
  dispose: () => Promise.resolve(),
});
