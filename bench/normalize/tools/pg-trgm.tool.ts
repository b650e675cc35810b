import pg from 'pg';
import { distinctCodes, type BenchTool } from './tool.js';

const DATABASE = 'bench_normalize';

/** Runs one statement on the server of `url`, outside the benchmark's own database. */
const onServer = async (url: string, statement: string): Promise<void> => {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
};

/** Creates the benchmark's own database afresh and returns its URL; close() drops it again. */
const createDatabase = async (url: string): Promise<string> => {
  await onServer(url, `DROP DATABASE IF EXISTS ${DATABASE}`);
  await onServer(url, `CREATE DATABASE ${DATABASE}`);
  const own = new URL(url);
  own.pathname = `/${DATABASE}`;
  return own.toString();
};

export const pgTrgmTool = (url: string): BenchTool => {
  let client: pg.Client | undefined;
  return {
    name: 'PostgreSQL pg_trgm (<-> GiST)',
    async build({ rows }) {
      client = new pg.Client({ connectionString: await createDatabase(url) });
      await client.connect();
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await client.query(
        'CREATE TABLE titles (id serial PRIMARY KEY, code text NOT NULL, title text NOT NULL)',
      );
      for (let i = 0; i < rows.length; i += 5000) {
        const chunk = rows.slice(i, i + 5000);
        await client.query(
          'INSERT INTO titles (code, title) SELECT * FROM unnest($1::text[], $2::text[])',
          [chunk.map((r) => r.code), chunk.map((r) => r.title.toLowerCase())],
        );
      }
      await client.query('CREATE INDEX titles_trgm ON titles USING gist (title gist_trgm_ops)');
      await client.query('ANALYZE titles');
    },
    async query(title, top) {
      if (client === undefined) return [];
      const result = await client.query<{ code: string }>({
        name: 'nearest',
        text: 'SELECT code FROM titles ORDER BY title <-> $1 LIMIT $2',
        values: [title.toLowerCase(), top * 5],
      });
      return distinctCodes(
        result.rows.map((r) => r.code),
        top,
      );
    },
    async close() {
      await client?.end();
      await onServer(url, `DROP DATABASE IF EXISTS ${DATABASE}`);
    },
  };
};
