import type { NormalizeJobRow } from './database.schema.js';
import type { Db } from './db.js';
import type { StoreDialect } from './dialect/store-dialect.js';
import { pagedList, type PagedRows } from './paged-list.js';

export type JobState = 'receiving' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A bulk normalize job as stored; `options` and `csv` are the JSON its row holds. */
export interface StoredJob {
  id: string;
  owner: string;
  state: JobState;
  format: string;
  options: string;
  csv: string | null;
  lines: number;
  bytes: number;
  answered: number;
  refused: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  expiresAt: string | null;
}

const jobRowToJob = (row: NormalizeJobRow): StoredJob => ({
  id: row.id,
  owner: row.owner,
  state: row.state as JobState,
  format: row.format,
  options: row.options,
  csv: row.csv,
  lines: Number(row.lines),
  bytes: Number(row.bytes),
  answered: Number(row.answered),
  refused: Number(row.refused),
  error: row.error,
  createdAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  expiresAt: row.expires_at,
});

/** A job's own chunk of lines: its titles, its CSV cells, and its answers once it has them. */
export interface StoredChunk {
  seq: number;
  input: string;
  cells: string | null;
  output: string | null;
}

/** States of a job that is still to finish: they count against the queue limits. */
const UNFINISHED: JobState[] = ['receiving', 'queued', 'running'];

export const insertJob = async (
  db: Db,
  job: Pick<StoredJob, 'id' | 'owner' | 'format' | 'options' | 'createdAt' | 'expiresAt'>,
): Promise<void> => {
  await db
    .insertInto('normalize_jobs')
    .values({
      id: job.id,
      owner: job.owner,
      state: 'receiving',
      format: job.format,
      options: job.options,
      csv: null,
      lines: 0,
      bytes: 0,
      answered: 0,
      refused: 0,
      error: null,
      lease_owner: null,
      lease_until: null,
      created_at: job.createdAt,
      started_at: null,
      finished_at: null,
      expires_at: job.expiresAt,
    })
    .execute();
};

export const insertChunk = async (
  db: Db,
  jobId: string,
  chunk: Omit<StoredChunk, 'output'>,
): Promise<void> => {
  await db
    .insertInto('normalize_job_chunks')
    .values({ job_id: jobId, seq: chunk.seq, input: chunk.input, cells: chunk.cells, output: null })
    .execute();
};

/** Hands a job whose upload has arrived whole to the runners; it waits with no expiry. */
export const queueJob = async (
  db: Db,
  id: string,
  received: { lines: number; bytes: number; csv: string | null },
): Promise<void> => {
  await db
    .updateTable('normalize_jobs')
    .set({ state: 'queued', ...received, expires_at: null })
    .where('id', '=', id)
    .where('state', '=', 'receiving')
    .execute();
};

export const deleteJob = async (db: Db, id: string): Promise<void> => {
  await db.deleteFrom('normalize_job_chunks').where('job_id', '=', id).execute();
  await db.deleteFrom('normalize_jobs').where('id', '=', id).execute();
};

/**
 * A job its owner may see (any owner's when `owner` is undefined): not one still receiving,
 * nor one past its expiry that the sweep has not reached yet.
 */
export const findJob = async (
  db: Db,
  id: string,
  owner: string | undefined,
  now: string,
): Promise<StoredJob | undefined> => {
  let query = db
    .selectFrom('normalize_jobs')
    .selectAll()
    .where('id', '=', id)
    .where('state', '!=', 'receiving')
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]));
  if (owner !== undefined) query = query.where('owner', '=', owner);
  const row = await query.executeTakeFirst();
  return row && jobRowToJob(row);
};

/** One page of an owner's jobs (everyone's when `owner` is undefined), newest first. */
export const listJobs = (
  db: Db,
  owner: string | undefined,
  now: string,
  page: { limit: number; offset: number },
): Promise<PagedRows<StoredJob>> => {
  let from = db
    .selectFrom('normalize_jobs')
    .where('state', '!=', 'receiving')
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]));
  if (owner !== undefined) from = from.where('owner', '=', owner);
  return pagedList(
    from,
    (jobs) => jobs.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc'),
    page,
    jobRowToJob,
  );
};

/** How many jobs are still to finish: an owner's, or everyone's when `owner` is undefined. */
export const countUnfinishedJobs = async (db: Db, owner?: string): Promise<number> => {
  let query = db
    .selectFrom('normalize_jobs')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('state', 'in', UNFINISHED);
  if (owner !== undefined) query = query.where('owner', '=', owner);
  return Number((await query.executeTakeFirstOrThrow()).n);
};

/**
 * Takes the oldest job that is queued, or running under a lease that has lapsed (its instance
 * died), for `instance` until `leaseUntil`. Run inside a transaction: the row is claimed
 * (see StoreDialect.claimRows) between the read and the write.
 */
export const claimJob = async (
  trx: Db,
  dialect: StoreDialect,
  claim: { instance: string; now: string; leaseUntil: string },
): Promise<StoredJob | undefined> => {
  const found = await dialect
    .claimRows(
      trx
        .selectFrom('normalize_jobs')
        .select(['id', 'lease_until'])
        .where((eb) =>
          eb.or([
            eb('state', '=', 'queued'),
            eb.and([eb('state', '=', 'running'), eb('lease_until', '<', claim.now)]),
          ]),
        )
        .orderBy('created_at')
        .orderBy('id')
        .limit(1),
    )
    .executeTakeFirst();
  if (found === undefined) return undefined;
  const row = await trx
    .updateTable('normalize_jobs')
    .set((eb) => ({
      state: 'running',
      lease_owner: claim.instance,
      lease_until: claim.leaseUntil,
      started_at: eb.fn.coalesce('started_at', eb.val(claim.now)),
    }))
    .where('id', '=', found.id)
    .where((eb) =>
      found.lease_until === null
        ? eb('lease_until', 'is', null)
        : eb('lease_until', '=', found.lease_until),
    )
    .where('state', 'in', ['queued', 'running'])
    .returningAll()
    .executeTakeFirst();
  return row && jobRowToJob(row);
};

/** Extends the lease of a job `instance` runs; false when the job is no longer its to run. */
export const renewLease = async (
  db: Db,
  id: string,
  instance: string,
  leaseUntil: string,
): Promise<boolean> => {
  const result = await db
    .updateTable('normalize_jobs')
    .set({ lease_until: leaseUntil })
    .where('id', '=', id)
    .where('lease_owner', '=', instance)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
};

/** Hands a job `instance` runs back to the queue, for any instance to resume. */
export const releaseJob = async (db: Db, id: string, instance: string): Promise<void> => {
  await db
    .updateTable('normalize_jobs')
    .set({ state: 'queued', lease_owner: null, lease_until: null })
    .where('id', '=', id)
    .where('lease_owner', '=', instance)
    .where('state', '=', 'running')
    .execute();
};

/** The numbers of the job's chunks still to answer, in order. */
export const pendingChunks = async (
  db: Db,
  jobId: string,
): Promise<Array<Pick<StoredChunk, 'seq'>>> =>
  db
    .selectFrom('normalize_job_chunks')
    .select('seq')
    .where('job_id', '=', jobId)
    .where('output', 'is', null)
    .orderBy('seq')
    .execute();

export const findChunk = async (
  db: Db,
  jobId: string,
  seq: number,
): Promise<StoredChunk | undefined> =>
  db
    .selectFrom('normalize_job_chunks')
    .select(['seq', 'input', 'cells', 'output'])
    .where('job_id', '=', jobId)
    .where('seq', '=', seq)
    .executeTakeFirst();

/**
 * Stores one chunk's answers and adds them to the job's counts, if `instance` still holds the
 * job and the chunk has none yet; false otherwise (the job was cancelled, or its lease lapsed
 * and another instance took it). Run inside a transaction: the counts and the answers land
 * together or not at all, so a chunk is never counted twice.
 */
export const saveChunkOutput = async (
  trx: Db,
  chunk: {
    jobId: string;
    seq: number;
    instance: string;
    output: string;
    answered: number;
    refused: number;
    leaseUntil: string;
  },
): Promise<boolean> => {
  const job = await trx
    .updateTable('normalize_jobs')
    .set((eb) => ({
      answered: eb('answered', '+', chunk.answered),
      refused: eb('refused', '+', chunk.refused),
      lease_until: chunk.leaseUntil,
    }))
    .where('id', '=', chunk.jobId)
    .where('lease_owner', '=', chunk.instance)
    .where('state', '=', 'running')
    .executeTakeFirst();
  if (Number(job.numUpdatedRows) === 0) return false;
  const saved = await trx
    .updateTable('normalize_job_chunks')
    .set({ output: chunk.output })
    .where('job_id', '=', chunk.jobId)
    .where('seq', '=', chunk.seq)
    .where('output', 'is', null)
    .executeTakeFirst();
  return Number(saved.numUpdatedRows) > 0;
};

/** Ends a job `instance` runs, with its outcome; false when it was no longer its to end. */
export const finishJob = async (
  db: Db,
  id: string,
  instance: string,
  end: { state: 'succeeded' | 'failed'; at: string; expiresAt: string; error?: string },
): Promise<boolean> => {
  const result = await db
    .updateTable('normalize_jobs')
    .set({
      state: end.state,
      finished_at: end.at,
      expires_at: end.expiresAt,
      error: end.error ?? null,
      lease_owner: null,
      lease_until: null,
    })
    .where('id', '=', id)
    .where('lease_owner', '=', instance)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
};

/**
 * Cancels a job that is queued or running, and drops its titles and answers: nobody will read
 * them. False when the job had already ended.
 */
export const cancelJob = async (
  db: Db,
  id: string,
  end: { at: string; expiresAt: string },
): Promise<boolean> => {
  const result = await db
    .updateTable('normalize_jobs')
    .set({
      state: 'cancelled',
      finished_at: end.at,
      expires_at: end.expiresAt,
      lease_owner: null,
      lease_until: null,
    })
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'running'])
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  await db.deleteFrom('normalize_job_chunks').where('job_id', '=', id).execute();
  return true;
};

/** Deletes every job past its expiry, with its titles and answers; says how many. */
export const deleteExpiredJobs = async (db: Db, now: string): Promise<number> => {
  const expired = await db
    .selectFrom('normalize_jobs')
    .select('id')
    .where('expires_at', '<=', now)
    .execute();
  for (const { id } of expired) await deleteJob(db, id);
  return expired.length;
};
