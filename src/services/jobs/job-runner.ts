import { randomUUID } from 'node:crypto';
import {
  claimJob,
  findChunk,
  finishJob,
  pendingChunks,
  releaseJob,
  renewLease,
  saveChunkOutput,
  type StoredJob,
} from '../../store/index.js';
import { now, type ServiceContext } from '../context.js';
import { normalizeStream, type InputLine, type TitleLine } from '../normalize/index.js';
import { CHUNK_TITLES, type JobLimits } from './job-limits.js';
import type { JobOptions } from './job-view.js';
import { sweepExpiredJobs } from './normalize-jobs.service.js';

/*
 * The queue of bulk jobs is the jobs table itself, run by a small claim-and-lease loop rather
 * than a queue library: the ones that keep their queue in the database (pg-boss, graphile-worker)
 * run on PostgreSQL only, and Rolebook keeps one code path for SQLite and PostgreSQL. A job is
 * claimed by one instance at a time (see claimJob), under a lease each saved chunk renews; an
 * instance that dies lets its lease lapse and another picks the job up at its first unanswered
 * chunk. A chunk's answers and counts are saved in one transaction that holds only while the
 * lease does, so no chunk is counted twice or lost.
 */

export interface JobRunnerOptions {
  limits: Pick<JobLimits, 'jobRetentionMs'>;
  /** Jobs this instance runs at once, each on one worker thread. */
  concurrency: number;
  /** How often an idle runner looks for work, in milliseconds. */
  pollMs?: number;
  /** How long a claim holds without being renewed, in milliseconds. */
  leaseMs?: number;
  /**
   * Told of each chunk saved, after it is saved (for logs and progress); the run waits for a
   * promise it returns before it saves the next chunk.
   */
  onChunk?: (jobId: string, seq: number) => void | Promise<void>;
  /** Told of an error of ours that failed a job or a look for work, for the operator's log. */
  onError?: (error: unknown) => void;
}

export interface JobRunner {
  /** Stops claiming, ends the jobs it runs at their next chunk and hands them back to the queue. */
  stop(): Promise<void>;
}

/** Why a run ended early: the runner stops, or the job is no longer this instance's. */
class RunEnded extends Error {
  constructor(readonly handBack: boolean) {
    super(handBack ? 'the runner stopped' : 'the job was cancelled or taken over');
  }
}

const DEFAULT_POLL_MS = 1_000;
const DEFAULT_LEASE_MS = 30_000;

const inputLineOf = (title: TitleLine): InputLine =>
  typeof title === 'string' ? { text: title } : title;

/** Starts running queued jobs, `concurrency` at a time, until stopped. */
export const startJobRunner = (ctx: ServiceContext, options: JobRunnerOptions): JobRunner => {
  const instance = randomUUID();
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const running = new Map<string, { stop: () => void; done: Promise<void> }>();
  let stopping = false;
  const later = (ms: number) => new Date(ctx.clock().getTime() + ms).toISOString();
  const leaseUntil = () => later(leaseMs);

  const run = async (job: StoredJob, ended: { reason?: RunEnded }): Promise<void> => {
    const { normalize } = JSON.parse(job.options) as JobOptions;
    const heartbeat = setInterval(() => {
      void renewLease(ctx.store.db, job.id, instance, leaseUntil()).then(
        (held) => {
          if (!held) ended.reason ??= new RunEnded(false);
        },
        () => undefined,
      );
    }, leaseMs / 3);
    // The chunks read so far and not yet saved, oldest first, with how many lines each holds.
    const reading: Array<{ seq: number; lines: number }> = [];
    async function* lines(): AsyncGenerator<InputLine[]> {
      for (const { seq } of await pendingChunks(ctx.store.db, job.id)) {
        if (ended.reason) return;
        const chunk = await findChunk(ctx.store.db, job.id, seq);
        if (chunk === undefined) return;
        const titles = JSON.parse(chunk.input) as TitleLine[];
        reading.push({ seq, lines: titles.length });
        yield titles.map(inputLineOf);
      }
    }
    let answers: string[] = [];
    const save = async (seq: number, out: string[]) => {
      const refused = out.filter((line) => 'error' in (JSON.parse(line) as object)).length;
      const saved = await ctx.store.db.transaction().execute((trx) =>
        saveChunkOutput(trx, {
          jobId: job.id,
          seq,
          instance,
          output: out.map((line) => `${line}\n`).join(''),
          answered: out.length - refused,
          refused,
          leaseUntil: leaseUntil(),
        }),
      );
      if (!saved) throw new RunEnded(false);
      await options.onChunk?.(job.id, seq);
    };
    const write = async (text: string) => {
      if (ended.reason) throw ended.reason;
      answers.push(...text.split('\n').slice(0, -1));
      while (reading.length > 0 && answers.length >= (reading[0]?.lines ?? 0)) {
        const { seq, lines: count } = reading.shift() as { seq: number; lines: number };
        await save(seq, answers.slice(0, count));
        answers = answers.slice(count);
      }
    };
    try {
      await normalizeStream(async () => (await ctx.titles.get()).snapshot(), lines(), write, {
        options: normalize,
        workers: 1,
        batchSize: CHUNK_TITLES,
      });
      if (ended.reason) throw ended.reason;
      await finishJob(ctx.store.db, job.id, instance, {
        state: 'succeeded',
        at: now(ctx),
        expiresAt: later(options.limits.jobRetentionMs),
      });
    } catch (error) {
      const reason = ended.reason ?? error;
      if (reason instanceof RunEnded) {
        if (reason.handBack) await releaseJob(ctx.store.db, job.id, instance);
        return;
      }
      await finishJob(ctx.store.db, job.id, instance, {
        state: 'failed',
        at: now(ctx),
        expiresAt: later(options.limits.jobRetentionMs),
        error: 'The job stopped on an error of ours; submit it again.',
      });
      options.onError?.(error);
    } finally {
      clearInterval(heartbeat);
    }
  };

  const claim = () =>
    ctx.store.db
      .transaction()
      .execute((trx) =>
        claimJob(trx, ctx.store.dialect, { instance, now: now(ctx), leaseUntil: leaseUntil() }),
      );

  const tick = async () => {
    await sweepExpiredJobs(ctx);
    while (!stopping && running.size < options.concurrency) {
      const job = await claim();
      if (job === undefined) return;
      if (stopping) return releaseJob(ctx.store.db, job.id, instance);
      const ended: { reason?: RunEnded } = {};
      const done = run(job, ended)
        .catch(options.onError)
        .finally(() => running.delete(job.id));
      running.set(job.id, { stop: () => (ended.reason ??= new RunEnded(true)), done });
    }
  };

  let ticking: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    ticking = ticking.then(tick).catch(options.onError);
  }, options.pollMs ?? DEFAULT_POLL_MS);
  ticking = tick().catch(options.onError);

  return {
    async stop() {
      stopping = true;
      clearInterval(timer);
      await ticking;
      for (const job of running.values()) job.stop();
      await Promise.all([...running.values()].map((job) => job.done));
    },
  };
};
