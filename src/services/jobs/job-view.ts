import type { StoredJob } from '../../store/index.js';
import type { NormalizeOptions } from '../normalize/index.js';

export type JobFormat = 'ndjson' | 'text' | 'csv';

/** What a job's row keeps of its options: the normalize options and a CSV upload's column. */
export interface JobOptions {
  normalize: NormalizeOptions;
  column?: string;
}

/** A job as its owner sees it. */
export interface JobView {
  id: string;
  state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  format: JobFormat;
  options: NormalizeOptions & { column?: string };
  counts: { lines: number; answered: number; refused: number };
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** When the job and its results are deleted; null while it waits or runs. */
  expiresAt: string | null;
  error: string | null;
}

export const jobViewOf = (job: StoredJob): JobView => {
  const options = JSON.parse(job.options) as JobOptions;
  return {
    id: job.id,
    state: job.state as JobView['state'],
    format: job.format as JobFormat,
    options: {
      ...options.normalize,
      ...(options.column === undefined ? {} : { column: options.column }),
    },
    counts: { lines: job.lines, answered: job.answered, refused: job.refused },
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    expiresAt: job.expiresAt,
    error: job.error,
  };
};
