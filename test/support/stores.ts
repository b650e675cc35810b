import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openRolebook, type OpenOptions, type Rolebook } from '../../src/services/index.js';

export const contentDir = join(import.meta.dirname, '../../content');
export const fixtureContentDir = join(import.meta.dirname, '../fixtures/content');

/** PostgreSQL runs when TEST_POSTGRES_URL is set; CI always sets it. */
const postgresUrl = process.env.TEST_POSTGRES_URL;

export interface StoreTarget {
  name: 'sqlite' | 'postgres';
  /**
   * A fresh, migrated database; seeded with the fixture library unless told otherwise. Its
   * passwords are hashed at TEST_PASSWORD_COST unless told otherwise.
   */
  open(
    options?: Partial<
      Pick<OpenOptions, 'seed' | 'contentDir' | 'clock' | 'passwordCost' | 'analysisThread'>
    >,
  ): Promise<Rolebook>;
}

/**
 * A thirty-second of the production cost: the suite makes and signs in to a few hundred
 * accounts, which would otherwise cost it half a minute of CPU. Tests of hashing itself use
 * the production cost.
 */
const TEST_PASSWORD_COST = { N: 2 ** 10, r: 8, p: 1 };

const sqliteTarget: StoreTarget = {
  name: 'sqlite',
  async open(options = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'rolebook-test-'));
    const rolebook = await openRolebook({
      database: join(dir, 'test.sqlite'),
      contentDir: fixtureContentDir,
      passwordCost: TEST_PASSWORD_COST,
      ...options,
    });
    return {
      ...rolebook,
      close: async () => {
        await rolebook.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

/** Fresh schemas of the PostgreSQL database at `url`, each dropped when closed. */
export const postgresTarget = (url: string): StoreTarget => ({
  name: 'postgres',
  async open(options = {}) {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const rolebook = await openRolebook({
      database: url,
      schema,
      contentDir: fixtureContentDir,
      passwordCost: TEST_PASSWORD_COST,
      ...options,
    });
    return {
      ...rolebook,
      close: async () => {
        await rolebook.close();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
      },
    };
  },
});

/** Every store the suite runs on: the same cases pass on each. */
export const storeTargets: StoreTarget[] = [
  sqliteTarget,
  ...(postgresUrl ? [postgresTarget(postgresUrl)] : []),
];
