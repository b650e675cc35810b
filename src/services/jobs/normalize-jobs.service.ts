import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/index.js';
import {
  cancelJob as cancelStoredJob,
  countUnfinishedJobs,
  deleteExpiredJobs,
  deleteJob,
  findJob,
  insertChunk,
  insertJob,
  listJobs as listStoredJobs,
  queueJob,
  serializeWrites,
  type Db,
  type StoredJob,
} from '../../store/index.js';
import { now, type Actor, type ServiceContext } from '../context.js';
import { requireTaxonomy, type NormalizeOptions } from '../normalize/index.js';
import { pageOf, type Page, type PageRequest } from '../pagination.js';
import { CHUNK_TITLES, type JobLimits } from './job-limits.js';
import { jobOwnerOf } from './job-owner.js';
import { readUpload, type UploadLine } from './job-upload.js';
import { jobViewOf, type JobFormat, type JobOptions, type JobView } from './job-view.js';

export interface JobSubmission {
  body: AsyncIterable<Buffer | string>;
  format: JobFormat;
  options: NormalizeOptions;
  /** A CSV upload's title column (see openCsvTitles). */
  column?: string | undefined;
}

const later = (ctx: ServiceContext, ms: number): string =>
  new Date(ctx.clock().getTime() + ms).toISOString();

/** Refuses a job beyond the queue limits: the owner's first (theirs to wait out), then all. */
const refuseBeyondQueues = async (db: Db, owner: string, limits: JobLimits): Promise<void> => {
  const own = await countUnfinishedJobs(db, owner);
  if (own >= limits.jobsPerOwner) {
    throw new AppError(
      'rate_limited',
      `You have ${own} jobs waiting or running, the most one key or user may have; submit more once one has finished.`,
      [],
      { retryAfterSeconds: 60 },
    );
  }
  const all = await countUnfinishedJobs(db);
  if (all >= limits.jobs) {
    throw new AppError(
      'unavailable',
      `${all} jobs are waiting or running, the most the service holds at once; try again later.`,
      [],
      { retryAfterSeconds: 60 },
    );
  }
};

/**
 * Takes a queue place for a new job, or refuses it: the only way a job enters the queue. No
 * index can hold "at most N unfinished jobs", so submits count and insert one at a time, each
 * seeing the jobs the one before inserted; two racing submits (on one instance or several
 * sharing the database) would otherwise both count the same queue and both pass.
 */
const takeQueuePlace = (
  ctx: ServiceContext,
  job: Parameters<typeof insertJob>[1],
  limits: JobLimits,
): Promise<void> =>
  ctx.store.db.transaction().execute(async (trx) => {
    await serializeWrites(trx, 'normalize-job-queue');
    await refuseBeyondQueues(trx, job.owner, limits);
    await insertJob(trx, job);
  });

/** Stores the upload's lines a chunk at a time, and says how many there were. */
const storeLines = async (
  ctx: ServiceContext,
  jobId: string,
  lines: AsyncIterable<UploadLine[]>,
): Promise<number> => {
  let pending: UploadLine[] = [];
  let seq = 0;
  let count = 0;
  const flush = async (chunk: UploadLine[]) => {
    await insertChunk(ctx.store.db, jobId, {
      seq: seq++,
      input: JSON.stringify(chunk.map((line) => line.title)),
      cells: chunk[0]?.cells === undefined ? null : JSON.stringify(chunk.map((l) => l.cells)),
    });
  };
  for await (const batch of lines) {
    count += batch.length;
    pending.push(...batch);
    while (pending.length >= CHUNK_TITLES) {
      await flush(pending.slice(0, CHUNK_TITLES));
      pending = pending.slice(CHUNK_TITLES);
    }
  }
  if (pending.length > 0) await flush(pending);
  return count;
};

/**
 * Takes a bulk job: checks its options and the queue limits, stores its upload in chunks as it
 * arrives, then queues it for the runners. A job is invisible until its upload has arrived
 * whole; an upload refused or cut off midway leaves nothing behind.
 */
export const submitJob = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  submission: JobSubmission,
  limits: JobLimits,
): Promise<JobView> => {
  const { owner } = jobOwnerOf(actor);
  await requireTaxonomy(ctx, submission.options);
  const id = randomUUID();
  const options: JobOptions = {
    normalize: submission.options,
    ...(submission.column === undefined ? {} : { column: submission.column }),
  };
  await takeQueuePlace(
    ctx,
    {
      id,
      owner,
      format: submission.format,
      options: JSON.stringify(options),
      createdAt: now(ctx),
      // An upload that never ends (its instance died) is swept once no request could still be
      // sending it, so it does not hold a place in its owner's queue for the whole retention.
      expiresAt: later(ctx, limits.requestTimeoutMs),
    },
    limits,
  );
  try {
    const upload = await readUpload(submission.body, submission, {
      bytes: limits.jobBytes,
      titles: limits.jobTitles,
    });
    const lines = await storeLines(ctx, id, upload.lines);
    await queueJob(ctx.store.db, id, {
      lines,
      bytes: upload.bytes(),
      csv: upload.csv === undefined ? null : JSON.stringify(upload.csv),
    });
  } catch (error) {
    await deleteJob(ctx.store.db, id);
    throw error;
  }
  return jobViewOf(await ownJob(ctx, actor, id));
};

/** A job the actor may see, or `not_found`: another owner's job is not told apart from none. */
export const ownJob = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  id: string,
): Promise<StoredJob> => {
  const job = await findJob(ctx.store.db, id, jobOwnerOf(actor).sees, now(ctx));
  if (job === undefined) throw new AppError('not_found', `There is no job ${id}.`);
  return job;
};

export const getJob = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  id: string,
): Promise<JobView> => jobViewOf(await ownJob(ctx, actor, id));

/** One page of the actor's jobs, newest first. */
export const listJobs = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  request: PageRequest,
): Promise<Page<JobView>> => {
  const page = pageOf(request);
  const { items, total } = await listStoredJobs(
    ctx.store.db,
    jobOwnerOf(actor).sees,
    now(ctx),
    page,
  );
  return { items: items.map(jobViewOf), total, ...page };
};

/**
 * Cancels a job that is waiting or running; a running job stops at its next chunk. Its titles
 * and answers are deleted at once; the job itself is kept, cancelled, as a finished one is.
 */
export const cancelJob = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  id: string,
  limits: Pick<JobLimits, 'jobRetentionMs'>,
): Promise<JobView> => {
  const job = await ownJob(ctx, actor, id);
  const cancelled = await cancelStoredJob(ctx.store.db, job.id, {
    at: now(ctx),
    expiresAt: later(ctx, limits.jobRetentionMs),
  });
  if (!cancelled) {
    throw new AppError(
      'conflict',
      `Job ${id} has already ${job.state}; only a waiting or running job can be cancelled.`,
    );
  }
  return getJob(ctx, actor, id);
};

/** Deletes the jobs past their expiry with their titles and answers; says how many. */
export const sweepExpiredJobs = (ctx: ServiceContext): Promise<number> =>
  deleteExpiredJobs(ctx.store.db, now(ctx));
