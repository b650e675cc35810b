import type { ColumnDefinitionBuilder, Dialect, Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from '../database.schema.js';
import type { ErrorTranslator } from './translating-dialect.js';

/**
 * What differs between SQLite and PostgreSQL, in one place; nothing else in the code base asks
 * which database it runs on.
 */
export interface StoreDialect {
  readonly kind: 'sqlite' | 'postgres';
  /** A Kysely dialect connected to the database. */
  createKyselyDialect(): Dialect;
  /**
   * What this database's errors mean to a client: an outage is `unavailable`, a value it cannot
   * store `validation_failed`, a unique key written first by another `conflict`. The store
   * passes every driver error through it.
   */
  readonly translateError: ErrorTranslator;
  /** The column type and modifiers of an auto-numbered primary key. */
  readonly serialType: 'integer' | 'serial';
  serialColumn(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /**
   * Makes a read inside a write hold the rows it finds until the write ends: another transaction
   * cannot delete them (or change their keys) meanwhile, but may still edit them, and readers
   * never wait. PostgreSQL takes the shared key locks its own foreign keys take (FOR KEY SHARE);
   * SQLite runs one writing transaction at a time, so nothing can change under a write.
   */
  holdRows<DB, TB extends keyof DB, O>(
    query: SelectQueryBuilder<DB, TB, O>,
  ): SelectQueryBuilder<DB, TB, O>;
  /**
   * Makes a read inside a write take the rows it finds for itself, passing over rows another
   * transaction has already taken, so instances sharing one queue each claim different work and
   * none waits for another. PostgreSQL locks them (FOR UPDATE SKIP LOCKED); SQLite runs one
   * writing transaction at a time, so a claim never meets another.
   */
  claimRows<DB, TB extends keyof DB, O>(
    query: SelectQueryBuilder<DB, TB, O>,
  ): SelectQueryBuilder<DB, TB, O>;
  /** Work to do once the connection is open (pragmas, schema creation). */
  prepare(db: Kysely<Database>): Promise<void>;
  /** Releases what `prepare` set up outside the connection, such as a temporary schema. */
  dispose(db: Kysely<Database>): Promise<void>;
  readonly description: string;
  /** The database's file, when it is one on disk: data derived from it may be kept beside it. */
  readonly file?: string;
  /** The schema that holds the tables, when it is not the connection's default. */
  readonly schema?: string;
}
