import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Statements kept per connection. Queries are built from a few hundred shapes; a shape that
 * varies with its input (a list of n values) makes one statement per n, so the oldest are let go.
 */
const MOST_STATEMENTS = 512;

/**
 * The database as Kysely sees it, preparing each distinct SQL text once: Kysely prepares every
 * query anew, and preparing was a tenth of the time a first start spent filling a new database.
 * A statement still being iterated (a streamed read) cannot run again until it is done, so a
 * second query of the same text meanwhile gets a statement of its own.
 */
export const withStatementCache = (database: BetterSqlite3.Database): SqliteDatabase => {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql): SqliteStatement {
      const kept = statements.get(sql);
      if (kept && !kept.busy) {
        // Map order is insertion order: moving it to the end keeps the most recently used.
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const statement = database.prepare(sql);
      if (!kept) {
        statements.set(sql, statement);
        if (statements.size > MOST_STATEMENTS) {
          statements.delete(statements.keys().next().value!);
        }
      }
      return statement;
    },
  };
};
