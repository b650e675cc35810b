import type { Kysely } from 'kysely';

/**
 * Bulk normalize jobs: a job row with its state, counts and lease, and its titles in chunks of
 * a fixed size, each chunk holding its input and, once answered, its output. A chunk is the
 * unit of work and of resumption: a job picked up again after a restart answers only the chunks
 * whose output is still missing.
 */
export const normalizeJobs = () => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('normalize_jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('options', 'text', (c) => c.notNull())
      .addColumn('csv', 'text')
      .addColumn('lines', 'integer', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('answered', 'integer', (c) => c.notNull())
      .addColumn('refused', 'integer', (c) => c.notNull())
      .addColumn('error', 'text')
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('finished_at', 'text')
      .addColumn('expires_at', 'text')
      .execute();
    await db.schema
      .createIndex('normalize_jobs_owner')
      .on('normalize_jobs')
      .columns(['owner', 'created_at'])
      .execute();
    await db.schema
      .createIndex('normalize_jobs_state')
      .on('normalize_jobs')
      .columns(['state', 'created_at'])
      .execute();
    await db.schema
      .createTable('normalize_job_chunks')
      .addColumn('job_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('input', 'text', (c) => c.notNull())
      .addColumn('cells', 'text')
      .addColumn('output', 'text')
      .addPrimaryKeyConstraint('normalize_job_chunks_pk', ['job_id', 'seq'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('normalize_job_chunks').execute();
    await db.schema.dropTable('normalize_jobs').execute();
  },
});
