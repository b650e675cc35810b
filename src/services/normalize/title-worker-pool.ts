import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TitleSource } from '../../matching/index.js';
import type { NormalizeOptions } from './normalize.service.js';
import { titleOfLine, type InputLine, type TitleLine } from './title-lines.js';
import type { TitleBatch, TitleBatchResult, TitleWorkerData } from './title.worker.js';

export interface StreamOptions {
  options: NormalizeOptions;
  workers?: number;
  batchSize?: number;
  /** Called with how many titles are done, after each batch is written. */
  onProgress?: (done: number) => void;
}

const startWorker = (data: TitleWorkerData): Promise<Worker> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./title.worker.js', import.meta.url), { workerData: data });
    worker.once('error', reject);
    worker.once('message', () => {
      worker.off('error', reject);
      resolve(worker);
    });
  });

/**
 * Normalizes a stream of title lines (one bare title each) on worker threads, one index per worker, and writes one JSON
 * line per title in input order. Memory stays bounded: at most two batches per worker are in
 * flight, and reading waits for the writer.
 */
export const normalizeStream = async (
  sources: TitleSource[],
  lines: AsyncIterable<InputLine[]>,
  write: (chunk: string) => Promise<void>,
  stream: StreamOptions,
): Promise<number> => {
  const count = Math.max(1, stream.workers ?? Math.min(availableParallelism(), 8));
  const batchSize = stream.batchSize ?? 2_000;
  const workers = await Promise.all(
    Array.from({ length: count }, () => startWorker({ sources, options: stream.options })),
  );
  const waiting = new Map<
    number,
    { resolve: (r: TitleBatchResult) => void; reject: (e: Error) => void }
  >();
  for (const worker of workers) {
    worker.on('message', (result: TitleBatchResult) => {
      waiting.get(result.id)?.resolve(result);
      waiting.delete(result.id);
    });
    // A dead worker fails every batch still out, so the run stops instead of hanging.
    worker.on('error', (error) => {
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
    });
  }

  const inFlight: Promise<TitleBatchResult>[] = [];
  let nextId = 0;
  let done = 0;
  const send = (batch: TitleLine[]) => {
    const id = nextId++;
    const worker = workers[id % workers.length] as Worker;
    const result = new Promise<TitleBatchResult>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, titles: batch } satisfies TitleBatch);
    });
    // Awaited in order by flushOldest; this keeps an early failure from counting as unhandled.
    result.catch(() => undefined);
    inFlight.push(result);
  };
  const flushOldest = async () => {
    const result = await (inFlight.shift() as Promise<TitleBatchResult>);
    await write(result.lines);
    done += result.lines.split('\n').length - 1;
    stream.onProgress?.(done);
  };

  try {
    let batch: TitleLine[] = [];
    for await (const read of lines) {
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
