import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, it } from 'vitest';
import { fixtureContentDir } from './stores.js';

/** The built CLI: `npm test` builds before it runs the tests. */
export const cliPath = join(import.meta.dirname, '../../dist/cli/main.js');
export const fixtures = join(import.meta.dirname, '../fixtures');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** The library a new database is seeded with; the small fixture library unless given. */
  content?: string;
  /** What the CLI reads on its standard input; nothing unless given. */
  stdin?: string;
  /** Environment variables set for this run alone, beside the test process's own. */
  env?: Record<string, string>;
}

/** Starts the built `rolebook` CLI as a child process over the given database, as a user would. */
export const startCli = (
  database: string,
  args: string[],
  options: CliOptions = {},
): ChildProcess => {
  const child = spawn(process.execPath, [cliPath, '--database', database, ...args], {
    env: {
      ...process.env,
      ROLEBOOK_CONTENT_DIR: options.content ?? fixtureContentDir,
      LOG_LEVEL: 'silent',
      ...options.env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // A command may stop reading before its input ends (and exit early on purpose).
  child.stdin?.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  child.stdin?.end(options.stdin ?? '');
  return child;
};

/** What a started CLI printed and how it ended, once it has. */
export const finished = (child: ChildProcess): Promise<CliRun> => {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
};

/** Runs the CLI over the given database to the end. */
export const runCli = (
  database: string,
  args: string[],
  options: CliOptions = {},
): Promise<CliRun> => finished(startCli(database, args, options));

/** Everything the store holds, as `rolebook export` writes it, without the moment of export. */
export const exportOf = async (database: string, dir: string): Promise<unknown> => {
  const file = join(dir, `export-${randomBytes(4).toString('hex')}.json`);
  const run = await runCli(database, ['export', file]);
  if (run.code !== 0) throw new Error(`export failed: ${run.stderr}`);
  const pack = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  return { ...pack, exportedAt: '' };
};

export interface CliDatabase {
  /** What `--database` is given. */
  url: string;
  /** A folder for the test's own files. */
  dir: string;
  /** True once an import in another process has written megabytes inside its open transaction. */
  writing(): Promise<boolean>;
  drop(): Promise<void>;
}

export interface CliStore {
  name: 'sqlite' | 'postgres';
  create(): Promise<CliDatabase>;
}

/** A new SQLite file, for the tests that need not run on every store. */
export const sqliteCliStore: CliStore = {
  name: 'sqlite',
  async create() {
    const dir = await mkdtemp(join(tmpdir(), 'rolebook-cli-'));
    const url = join(dir, 'rolebook.sqlite');
    // A long transaction spills its pages into the write-ahead log before it commits.
    const wal = `${url}-wal`;
    return {
      url,
      dir,
      writing: () => Promise.resolve(existsSync(wal) && statSync(wal).size > 4 * 1_048_576),
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  },
};

const postgresCliStore = (base: string): CliStore => ({
  name: 'postgres',
  async create() {
    const dir = await mkdtemp(join(tmpdir(), 'rolebook-cli-'));
    const schema = `cli_${randomBytes(6).toString('hex')}`;
    const url = new URL(base);
    url.searchParams.set('schema', schema);
    const query = async (text: string, values: unknown[] = []) => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        return await client.query<{ n: number }>(text, values);
      } finally {
        await client.end();
      }
    };
    return {
      url: url.toString(),
      dir,
      // Rows written in an open transaction are invisible to others, but not the space they take.
      writing: async () =>
        Number(
          (await query('select pg_total_relation_size($1::regclass) as n', [`${schema}.roles`]))
            .rows[0]?.n ?? 0,
        ) >
        2 * 1_048_576,
      drop: async () => {
        await query(`drop schema if exists ${schema} cascade`);
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
});

/**
 * `it` for a behaviour of the CLI that no store can change (its arguments, output formats,
 * messages and exit codes): registered on SQLite only. The services under it run each such
 * path on every store in their own tests; what a store can change (writes, transactions, an
 * import killed midway) keeps `it`, and runs on each.
 */
export const onOneStore =
  (store: CliStore) =>
  (name: string, test: () => Promise<void>): void => {
    if (store.name === 'sqlite') it(name, test);
  };

/** The CLI tests run on every store, as the integration tests do. */
export const cliStores: CliStore[] = [
  sqliteCliStore,
  ...(process.env.TEST_POSTGRES_URL ? [postgresCliStore(process.env.TEST_POSTGRES_URL)] : []),
];

/**
 * A fresh database per test on that store: `create` makes one, and each is dropped once its
 * test is over.
 */
export const databasesPerTest = (store: CliStore): (() => Promise<CliDatabase>) => {
  const databases: CliDatabase[] = [];
  afterEach(async () => {
    await Promise.all(databases.splice(0).map((d) => d.drop()));
  });
  return async () => {
    const database = await store.create();
    databases.push(database);
    return database;
  };
};
