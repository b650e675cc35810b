import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect } from 'kysely';
import type { StoreDialect } from './store-dialect.js';

/** Embedded SQLite in WAL mode: readers never wait for the writer. */
export const sqliteDialect = (path: string): StoreDialect => ({
  kind: 'sqlite',
  description: path === ':memory:' ? 'SQLite (in memory)' : `SQLite ${path}`,
  serialType: 'integer',
  serialColumn: (column) => column.primaryKey().autoIncrement(),
  createKyselyDialect: () =>
    new SqliteDialect({
      database: () => {
        if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
        const database = new BetterSqlite3(path);
        database.pragma('journal_mode = WAL');
        database.pragma('synchronous = NORMAL');
        database.pragma('foreign_keys = ON');
        database.pragma('busy_timeout = 5000');
        return Promise.resolve(database);
      },
    }),
  prepare: () => Promise.resolve(),
  dispose: () => Promise.resolve(),
});
