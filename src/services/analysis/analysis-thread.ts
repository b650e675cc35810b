import { setTimeout as delay } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, type ProblemDetail } from '../../domain/index.js';
import type { ChangeFeed } from '../derived/index.js';
import { startWorkerBeside } from '../worker-script.js';
import { analysisQueue } from './analysis-queue.js';
import { jobSize, type Analyses, type AnalysisJob, type ResultOf } from './analysis-jobs.js';

/** Where the worker opens the store: the database the server itself opened. */
export interface AnalysisWorkerData {
  database: string;
  schema?: string | undefined;
}

export type ToWorker =
  { type: 'job'; id: number; job: AnalysisJob } | { type: 'changed' } | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: unknown }
  | {
      type: 'failed';
      id: number;
      error: { code: ErrorCode; message: string; details: ProblemDetail[] };
    };

const newWorker = (workerData: AnalysisWorkerData): Worker =>
  startWorkerBeside(import.meta.url, 'analysis.worker', workerData);

/** How long a closing worker may take to close its store before it is stopped. */
const CLOSE_GRACE_MS = 2_000;

const stopped = (cause?: unknown): AppError =>
  new AppError('unavailable', 'The analysis stopped before it finished; try again.', [], {
    cause,
  });

/**
 * Analyses on a worker thread of their own, one at a time, so that a long one never keeps the
 * server from answering anything else (a health check, a guide): on the serving thread, a
 * burst of 200 KB postings held health checks for seconds. The worker opens the same database
 * and keeps its own library and title index current from the revision log, told of every change
 * this process hears of. It starts on the first job (or warmUp), and again after it stops.
 */
export const threadedAnalyses = (data: AnalysisWorkerData, changes: ChangeFeed): Analyses => {
  const queue = analysisQueue(undefined, { rests: false });
  const pending = new Map<
    number,
    { resolve: (result: unknown) => void; reject: (e: Error) => void }
  >();
  let started: Promise<Worker> | undefined;
  let nextId = 0;
  let unsubscribe: (() => void) | undefined;

  const failPending = (error: Error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };

  const start = (): Promise<Worker> => {
    started ??= new Promise<Worker>((resolve, reject) => {
      const worker = newWorker(data);
      // A server keeps the process alive; a worker left open must not.
      worker.unref();
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') return resolve(worker);
        const job = pending.get(message.id);
        pending.delete(message.id);
        if (message.type === 'done') job?.resolve(message.result);
        else {
          const { code, message: text, details } = message.error;
          job?.reject(new AppError(code, text, details));
        }
      });
      worker.on('error', (error) => {
        reject(stopped(error));
        failPending(stopped(error));
      });
      worker.on('exit', () => {
        started = undefined;
        reject(stopped());
        failPending(stopped());
      });
    });
    unsubscribe ??= changes.subscribe(() => {
      started
        ?.then((worker) => worker.postMessage({ type: 'changed' } satisfies ToWorker))
        .catch(() => undefined);
    });
    return started;
  };

  return {
    run<Job extends AnalysisJob>(job: Job) {
      return queue.run(jobSize(job), async () => {
        const worker = await start();
        return new Promise<ResultOf<Job>>((resolve, reject) => {
          const id = nextId++;
          pending.set(id, { resolve: (result) => resolve(result as ResultOf<Job>), reject });
          worker.postMessage({ type: 'job', id, job } satisfies ToWorker);
        });
      });
    },
    async warmUp() {
      await start();
    },
    async close() {
      unsubscribe?.();
      unsubscribe = undefined;
      const worker = await started?.catch(() => undefined);
      started = undefined;
      if (worker === undefined) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage({ type: 'close' } satisfies ToWorker);
      await Promise.race([exited, delay(CLOSE_GRACE_MS, undefined, { ref: false })]);
      await worker.terminate();
    },
  };
};
