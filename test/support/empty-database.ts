import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import { dialectFor, type Database } from '../../src/store/index.js';
import { migrationProvider } from '../../src/store/migrations/index.js';

const postgresUrl = process.env.TEST_POSTGRES_URL;

/** A fresh, empty database of one kind, with a migrator that can stop at any migration. */
export const emptyDatabase = async (kind: 'sqlite' | 'postgres') => {
  const dir = kind === 'sqlite' ? mkdtempSync(join(tmpdir(), 'rolebook-migration-')) : undefined;
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const dialect =
    dir !== undefined ? dialectFor(join(dir, 'test.sqlite')) : dialectFor(postgresUrl!, { schema });
  const db = new Kysely<Database>({ dialect: dialect.createKyselyDialect() });
  await dialect.prepare(db);
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect),
    ...(dialect.schema ? { migrationTableSchema: dialect.schema } : {}),
  });
  const close = async () => {
    if (dialect.schema)
      await sql`drop schema if exists ${sql.id(dialect.schema)} cascade`.execute(db);
    await dialect.dispose(db);
    await db.destroy();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  };
  return { db, migrator, close };
};
