import { AppError, type CsvSeparator } from '../../domain/index.js';
import { findChunk, type StoredChunk, type StoredJob } from '../../store/index.js';
import type { Actor, ServiceContext } from '../context.js';
import {
  csvHeaderLine,
  csvResultLine,
  type NormalizeItem,
  type TitleLine,
} from '../normalize/index.js';
import type { CsvLayout } from './job-upload.js';
import { ownJob } from './normalize-jobs.service.js';

export type ResultFormat = 'ndjson' | 'csv';

/** A job's answers, ready to send: as text, a chunk of lines at a time, in input order. */
export interface JobResult {
  format: ResultFormat;
  /** Lines above a CSV upload's header that its answer leaves out. */
  skipped: number;
  text: AsyncGenerator<string>;
}

/** A list of titles answered as CSV is written as a file headed `title` would be. */
const TITLE_LIST: CsvLayout = { header: ['title'], separator: ',', skipped: 0 };

const cellsOf = (chunk: StoredChunk): string[][] => {
  if (chunk.cells !== null) return JSON.parse(chunk.cells) as string[][];
  return (JSON.parse(chunk.input) as TitleLine[]).map((title) => [
    typeof title === 'string' ? title : title.input,
  ]);
};

async function* chunksOf(ctx: ServiceContext, job: StoredJob): AsyncGenerator<StoredChunk> {
  for (let seq = 0; ; seq++) {
    const chunk = await findChunk(ctx.store.db, job.id, seq);
    if (chunk === undefined) return;
    yield chunk;
  }
}

async function* ndjsonOf(ctx: ServiceContext, job: StoredJob): AsyncGenerator<string> {
  for await (const chunk of chunksOf(ctx, job)) yield chunk.output ?? '';
}

async function* csvOf(
  ctx: ServiceContext,
  job: StoredJob,
  layout: CsvLayout,
): AsyncGenerator<string> {
  const separator = layout.separator as CsvSeparator;
  yield csvHeaderLine(layout.header, separator);
  for await (const chunk of chunksOf(ctx, job)) {
    const cells = cellsOf(chunk);
    const answers = (chunk.output ?? '').split('\n');
    let out = '';
    for (const [at, row] of cells.entries()) {
      const item = JSON.parse(answers[at] as string) as NormalizeItem;
      out += csvResultLine(row, layout.header.length, item, separator);
    }
    yield out;
  }
}

/**
 * The answers of a job that has succeeded, one per input line in input order: as NDJSON, the
 * streamed batch's result lines; as CSV, the upload's rows with the result columns added (a list
 * of titles as a CSV headed `title`). A job not yet succeeded has none: `conflict`, naming its
 * state, since a client reading 2xx as "here are the answers" would take an empty body for them.
 */
export const jobResult = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  id: string,
  format: ResultFormat,
): Promise<JobResult> => {
  const job = await ownJob(ctx, actor, id);
  if (job.state !== 'succeeded') {
    throw new AppError(
      'conflict',
      `Job ${id} is ${job.state}; its results can be read once it has succeeded.`,
    );
  }
  const layout = job.csv === null ? TITLE_LIST : (JSON.parse(job.csv) as CsvLayout);
  return format === 'csv'
    ? { format, skipped: layout.skipped, text: csvOf(ctx, job, layout) }
    : { format, skipped: layout.skipped, text: ndjsonOf(ctx, job) };
};
