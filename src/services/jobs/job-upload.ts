import { Readable } from 'node:stream';
import { AppError } from '../../domain/index.js';
import {
  openCsvTitles,
  readLines,
  titleOfLine,
  type LineFormat,
  type TitleLine,
} from '../normalize/index.js';
import type { JobFormat } from './job-view.js';

/** One line of an upload as a job keeps it: its title, and a CSV row's cells. */
export interface UploadLine {
  title: TitleLine;
  cells?: string[];
}

/** What a CSV upload's answer needs besides its rows. */
export interface CsvLayout {
  header: string[];
  separator: string;
  skipped: number;
}

export interface UploadLimits {
  bytes: number;
  titles: number;
}

/** The refusal of an upload past the bytes a job takes, whether it says so up front or not. */
export const uploadTooLarge = (limit: number): AppError =>
  new AppError(
    'payload_too_large',
    `The upload is over ${limit} bytes, the largest a job takes; split it into several jobs.`,
  );

/**
 * Counts an upload's bytes as they pass and stops it past the limit. The refusal is kept as
 * well as thrown: a CSV parser reading through it reports a failure of its own making. The
 * input is read by hand, not by `for await`, which would destroy a request's stream on the way
 * out and leave no connection to send the refusal on.
 */
const countedBytes = (input: AsyncIterable<Buffer | string>, limit: number) => {
  const state: { bytes: number; refusal?: AppError } = { bytes: 0 };
  const reader = input[Symbol.asyncIterator]();
  async function* bytes(): AsyncGenerator<Buffer> {
    for (let read = await reader.next(); read.done !== true; read = await reader.next()) {
      const raw = read.value;
      const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
      state.bytes += chunk.length;
      if (state.bytes > limit) {
        state.refusal = uploadTooLarge(limit);
        throw state.refusal;
      }
      yield chunk;
    }
  }
  return { state, bytes: bytes() };
};

async function* linesOf(
  input: AsyncIterable<Buffer>,
  format: LineFormat,
): AsyncGenerator<UploadLine[]> {
  for await (const batch of readLines(input)) {
    yield batch.map((line) => ({ title: titleOfLine(line, format) }));
  }
}

/**
 * A CSV upload's rows as lines: a row's title is the cell of the title column; a row that
 * cannot be read keeps its place with its problem, and one after which no row can be told apart
 * ends the upload there, as the streamed batch does.
 */
async function* rowsOf(
  rows: AsyncIterator<{ cells: string[] } | { problem: string; ends: boolean }>,
  titleAt: number,
): AsyncGenerator<UploadLine[]> {
  for (;;) {
    const next = await rows.next();
    if (next.done === true) return;
    const row = next.value;
    if ('problem' in row) {
      yield [{ title: { input: '', code: 'bad_request', problem: row.problem }, cells: [] }];
      if (row.ends) return;
      continue;
    }
    yield [{ title: row.cells[titleAt] ?? '', cells: row.cells }];
  }
}

/**
 * Reads a job's upload with the streamed batch's readers, a batch of lines at a time, and
 * refuses it once it holds more bytes or lines than a job takes. Gives the CSV layout (for a
 * CSV upload) once the header is read, before any line.
 */
export const readUpload = async (
  input: AsyncIterable<Buffer | string>,
  upload: { format: JobFormat; column?: string | undefined },
  limits: UploadLimits,
): Promise<{
  csv: CsvLayout | undefined;
  lines: AsyncGenerator<UploadLine[]>;
  bytes: () => number;
}> => {
  const counted = countedBytes(input, limits.bytes);
  const refusal = (error: unknown) => counted.state.refusal ?? error;
  let csv: CsvLayout | undefined;
  let batches: AsyncGenerator<UploadLine[]>;
  if (upload.format === 'csv') {
    const table = await openCsvTitles(Readable.from(counted.bytes), upload.column).catch(
      (error: unknown) => {
        throw refusal(error);
      },
    );
    csv = { header: table.header, separator: table.separator, skipped: table.skipped.length };
    batches = rowsOf(table.rows, table.titleAt);
  } else {
    batches = linesOf(counted.bytes, upload.format);
  }
  async function* limited(): AsyncGenerator<UploadLine[]> {
    let lines = 0;
    try {
      for await (const batch of batches) {
        lines += batch.length;
        if (lines > limits.titles) {
          throw new AppError(
            'payload_too_large',
            `The upload holds more than ${limits.titles} lines, the most a job takes: line ${limits.titles + 1} is one too many; split it into several jobs.`,
            [{ field: 'body', line: limits.titles + 1, message: 'one line too many' }],
          );
        }
        yield batch;
      }
    } catch (error) {
      throw refusal(error);
    }
  }
  return { csv, lines: limited(), bytes: () => counted.state.bytes };
};
