import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { limits } from '../../domain/index.js';
import { startWorkerBeside } from '../worker-script.js';
import { busyCores } from './busy-cores.js';
import { normalizeLine, type NormalizeOptions } from './normalize-line.js';
import { titleOfLine, type InputLine, type TitleLine } from './title-lines.js';
import { titleIndexOf } from './title-snapshot.js';
import type {
  TitleBatch,
  TitleBatchResult,
  TitleSnapshotMessage,
  TitleWorkerData,
} from './title.worker.js';

export interface StreamOptions {
  options: NormalizeOptions;
  workers?: number;
  batchSize?: number;
  /** Called with how many titles are done, after each batch is written. */
  onProgress?: (done: number) => void;
}

/**
 * A worker that starts loading its modules at once; the snapshot follows as its first message
 * (see TitleSnapshotMessage).
 */
const startWorker = (options: NormalizeOptions): Worker =>
  startWorkerBeside(import.meta.url, 'title.worker', { options } satisfies TitleWorkerData);

/**
 * How many workers a batch gets when none are asked for: one per core that other work leaves
 * free (the cores less those busyCores finds busy), at least one. Each worker loads the
 * index and warms the engine up on its own, about as much CPU as 20,000 titles answered warm
 * (bench/RESULTS.md, "A flat index snapshot"): a worker with no core free to run it adds that
 * cost and takes little off the time.
 */
export const defaultWorkers = (cores: number, load: number): number =>
  Math.max(1, Math.min(cores, limits.normalizeWorkers, Math.round(cores - load)));

/**
 * The snapshot in memory that every worker reads: as it is when it already lies there (a kept
 * one, see titleIndexSnapshot), else copied there once. No copy per worker.
 */
const inSharedMemory = (snapshot: Uint8Array): Uint8Array => {
  if (snapshot.buffer instanceof SharedArrayBuffer) return snapshot;
  const bytes = new Uint8Array(new SharedArrayBuffer(snapshot.byteLength));
  bytes.set(snapshot);
  return bytes;
};

/** Up to `size` title lines from the start of the input, and whether the input ended there. */
const readHead = async (
  lines: AsyncIterator<InputLine[]>,
  size: number,
): Promise<{ head: TitleLine[]; ended: boolean }> => {
  const head: TitleLine[] = [];
  while (head.length < size) {
    const read = await lines.next();
    if (read.done === true) return { head, ended: true };
    for (const line of read.value) head.push(titleOfLine(line, 'text'));
  }
  return { head, ended: false };
};

/**
 * Normalizes a stream of title lines (one bare title each) and writes one JSON line per title
 * in input order. An input shorter than one batch is answered on this thread, which is quicker
 * than starting a worker; a longer one on worker threads, each loading the index from the one
 * shared snapshot. The workers are started before `snapshot` is asked for, so that they load
 * their modules while this thread reads it. Memory stays bounded: at most two batches per
 * worker are in flight, and reading waits for the writer.
 */
export const normalizeStream = async (
  snapshot: () => Promise<Uint8Array>,
  lines: AsyncIterable<InputLine[]>,
  write: (chunk: string) => Promise<void>,
  stream: StreamOptions,
): Promise<number> => {
  const batchSize = stream.batchSize ?? 2_000;
  const reader = lines[Symbol.asyncIterator]();
  const { head, ended } = await readHead(reader, batchSize);
  if (ended) {
    const index = titleIndexOf(await snapshot());
    let out = '';
    for (const line of head)
      out += `${JSON.stringify(normalizeLine(index, line, stream.options))}\n`;
    await write(out);
    stream.onProgress?.(head.length);
    return head.length;
  }
  const count = Math.max(1, stream.workers ?? defaultWorkers(availableParallelism(), busyCores()));
  const workers = Array.from({ length: count }, () => startWorker(stream.options));
  const waiting = new Map<
    number,
    { resolve: (r: TitleBatchResult) => void; reject: (e: Error) => void }
  >();
  // A worker that fails, even before it was given a batch, fails the run instead of hanging it.
  let failure: Error | undefined;
  // Batches each worker has not answered yet: the next goes to the one with fewest, so a
  // worker slowed down (by harder titles, or by another process on its core) is given less.
  const outstanding = workers.map(() => 0);
  for (const [at, worker] of workers.entries()) {
    worker.on('message', (result: TitleBatchResult) => {
      outstanding[at] = (outstanding[at] as number) - 1;
      waiting.get(result.id)?.resolve(result);
      waiting.delete(result.id);
    });
    worker.on('error', (error) => {
      failure ??= error;
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
    });
  }

  const inFlight: Array<{ result: Promise<TitleBatchResult>; titles: number }> = [];
  let nextId = 0;
  let done = 0;
  const send = (batch: TitleLine[]) => {
    const id = nextId++;
    const at = outstanding.indexOf(Math.min(...outstanding));
    outstanding[at] = (outstanding[at] as number) + 1;
    const worker = workers[at] as Worker;
    const result = new Promise<TitleBatchResult>((resolve, reject) => {
      if (failure !== undefined) return reject(failure);
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, titles: batch } satisfies TitleBatch);
    });
    // Awaited in order by flushOldest; this keeps an early failure from counting as unhandled.
    result.catch(() => undefined);
    inFlight.push({ result, titles: batch.length });
  };
  const flushOldest = async () => {
    const oldest = inFlight.shift() as { result: Promise<TitleBatchResult>; titles: number };
    await write((await oldest.result).lines);
    done += oldest.titles;
    stream.onProgress?.(done);
  };

  try {
    const shared: TitleSnapshotMessage = { snapshot: inSharedMemory(await snapshot()) };
    for (const worker of workers) worker.postMessage(shared);
    for (let at = 0; at < head.length; at += batchSize) send(head.slice(at, at + batchSize));
    let batch: TitleLine[] = [];
    for await (const read of { [Symbol.asyncIterator]: () => reader }) {
      for (const line of read) {
        batch.push(titleOfLine(line, 'text'));
        if (batch.length < batchSize) continue;
        send(batch);
        batch = [];
        if (inFlight.length >= workers.length * 2) await flushOldest();
      }
    }
    if (batch.length > 0) send(batch);
    while (inFlight.length > 0) await flushOldest();
    return done;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
};
