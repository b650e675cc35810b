import { sql } from 'kysely';
import type pg from 'pg';
import type { Pool } from 'pg';
import type { AppError } from '../../domain/index.js';
import {
  connectionRefused,
  databaseUnavailable,
  keyTaken,
  valueRefused,
  writeCollision,
} from './database-errors.js';
import { SearchPathPostgresDialect } from './search-path-introspector.js';
import type { StoreDialect } from './store-dialect.js';

/**
 * The driver, loaded when the first pool is made: a SQLite start (every `rolebook normalize`
 * on the default database) never pays for it.
 */
const loadDriver = async (): Promise<typeof pg> => {
  const { default: driver } = await import('pg');
  // BIGINT counts arrive as strings by default; our counts fit in a JS number.
  driver.types.setTypeParser(driver.types.builtins.INT8, (value) => Number(value));
  return driver;
};

const redact = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/**
 * How long a query waits for a connection, from the pool or a new one. During an outage a
 * request then fails within this time (503) instead of queueing until clients give up.
 */
const CONNECT_TIMEOUT_MS = 5_000;
/** An unused connection is closed after this long, so a quiet instance holds few backends. */
const IDLE_TIMEOUT_MS = 30_000;
/**
 * The server cancels any statement running longer. Our slowest, an import's checks over a whole
 * taxonomy, take seconds; a minute means something is wrong, and the backend is freed.
 */
const STATEMENT_TIMEOUT_MS = 60_000;
/**
 * The client gives up on a statement after this long even if the server never answers (a
 * network partition, where the server-side timeout cannot reach us). A little longer than the
 * statement timeout, so the server's cancellation, with its clearer error, normally comes first.
 */
const QUERY_TIMEOUT_MS = STATEMENT_TIMEOUT_MS + 5_000;

/** Socket failures: the server is down, restarting or out of reach. */
const lostSocketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/**
 * SQLSTATEs of a server that cannot serve now: shut down or starting (57P01–57P03), a statement
 * cancelled by the statement timeout (57014), no connection slot left (53300). Class 08, the
 * connection exceptions, is matched by its prefix.
 */
const unavailableStates = new Set(['57P01', '57P02', '57P03', '57014', '53300']);
/** Values the database cannot store: NUL or invalid UTF-8, a number out of range, bad text. */
const refusedValueStates = new Set(['22021', '22003', '22P02', '22P05']);
/** pg's own errors, which carry no code, for a connection that broke or was not had in time. */
const lostConnection =
  /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error)/;

/** What a PostgreSQL or pg error means to a client; undefined for anything else. */
const translatePostgresError = (error: unknown): AppError | undefined => {
  if (error instanceof AggregateError) {
    // Connecting to every address of a host fails with one error per address.
    return error.errors.map(translatePostgresError).find((meaning) => meaning !== undefined);
  }
  if (!(error instanceof Error)) return undefined;
  const { code, detail } = error as Error & { code?: unknown; detail?: unknown };
  if (typeof code === 'string') {
    if (lostSocketCodes.has(code) || code.startsWith('08') || unavailableStates.has(code)) {
      return databaseUnavailable(error);
    }
    // Class 28: invalid authorization; 3D000: no database of that name.
    if (code.startsWith('28')) return connectionRefused(error, 'credentials');
    if (code === '3D000') return connectionRefused(error, 'database');
    if (refusedValueStates.has(code)) return valueRefused(error);
    if (code === '23505') return keyTaken(error, typeof detail === 'string' ? detail : undefined);
    // A serialization failure or a deadlock: the server rolled this transaction back.
    if (code === '40001' || code === '40P01') return writeCollision(error);
  }
  return lostConnection.test(error.message) ? databaseUnavailable(error) : undefined;
};

/**
 * A connection that fails while no query waits on it (idle in the pool, or between the
 * statements of a transaction) is reported here rather than crashing the process. The pool
 * drops it; the next query opens a new one, or fails with the outage's own error.
 */
const reportLostConnection = (error: Error): void => {
  process.stderr.write(`rolebook: a PostgreSQL connection failed: ${error.message}\n`);
};

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
      new SearchPathPostgresDialect({
        pool: async (): Promise<Pool> => {
          const driver = await loadDriver();
          const pool = new driver.Pool({
            connectionString: parsed.toString(),
            max: 10,
            connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
            idleTimeoutMillis: IDLE_TIMEOUT_MS,
            statement_timeout: STATEMENT_TIMEOUT_MS,
            query_timeout: QUERY_TIMEOUT_MS,
            // Finds a silently vanished server on an idle connection without waiting for a query.
            keepAlive: true,
            ...(schema ? { options: `-c search_path=${schema}` } : {}),
          });
          pool.on('connect', (client) => client.on('error', reportLostConnection));
          // The pool passes on the errors of its idle clients, which the line above reported.
          pool.on('error', () => undefined);
          return pool;
        },
      }),
    translateError: translatePostgresError,
    holdRows: (query) => query.forKeyShare(),
    claimRows: (query) => query.forUpdate().skipLocked(),
    prepare: async (db) => {
      if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    },
    dispose: () => Promise.resolve(),
  };
};
