import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRolebook } from '../../src/services/index.js';
import { fixtureContentDir } from '../support/stores.js';

const url = process.env.TEST_POSTGRES_URL;
const schemaName = () => `test_${randomBytes(6).toString('hex')}`;

// Several instances, tenants or test runs may share one PostgreSQL database, each in a schema.
describe.skipIf(!url)('a store in one schema of a shared PostgreSQL database', () => {
  const admin = new pg.Client({ connectionString: url });
  const neighbour = schemaName();
  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create schema ${neighbour}`);
    await admin.query(`create table ${neighbour}.kysely_migration (name text primary key)`);
  });
  afterAll(async () => {
    await admin.query(`drop schema if exists ${neighbour} cascade`);
    await admin.end();
  });

  it('sees only the tables of its own schema', async () => {
    const schema = schemaName();
    const rolebook = await openRolebook({ database: url!, schema, contentDir: fixtureContentDir });
    try {
      const tables = await rolebook.ctx.store.db.introspection.getTables({
        withInternalKyselyTables: true,
      });
      expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([schema]));
      expect(tables.map((t) => t.name)).toContain('kysely_migration');
    } finally {
      await rolebook.close();
      await admin.query(`drop schema if exists ${schema} cascade`);
    }
  });

  it('opens and migrates while other schemas of the database are being dropped', async () => {
    let churning = true;
    const churn = (async () => {
      while (churning) {
        const other = schemaName();
        await admin.query(`create schema ${other}`);
        await admin.query(`create table ${other}.t (id serial primary key, note text)`);
        await admin.query(`drop schema ${other} cascade`);
      }
    })();
    try {
      for (let i = 0; i < 8; i++) {
        const schema = schemaName();
        const rolebook = await openRolebook({
          database: url!,
          schema,
          contentDir: fixtureContentDir,
        });
        await rolebook.close();
        await admin.query(`drop schema if exists ${schema} cascade`);
      }
    } finally {
      churning = false;
      await churn;
    }
  });
});
