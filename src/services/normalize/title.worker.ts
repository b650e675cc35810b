import { parentPort, workerData } from 'node:worker_threads';
import { TitleIndex } from '../../matching/index.js';
import { AnswerMemo } from './answer-memo.js';
import { normalizeLine, type NormalizeOptions } from './normalize-line.js';
import type { TitleLine } from './title-lines.js';

export interface TitleWorkerData {
  /** The index as TitleIndex.snapshot wrote it, in memory every worker shares. */
  snapshot: Uint8Array;
  options: NormalizeOptions;
}

export interface TitleBatch {
  id: number;
  titles: TitleLine[];
}

export interface TitleBatchResult {
  id: number;
  /** One JSON line per title, already serialized: the main thread only writes them. */
  lines: string;
}

const { snapshot, options } = workerData as TitleWorkerData;
const index = TitleIndex.fromSnapshot(snapshot);
/** Lines of about 250 characters: a few megabytes per worker at most. */
const MEMO_LINES = 10_000;
const memo = new AnswerMemo(MEMO_LINES);
const port = parentPort;
if (!port) throw new Error('title.worker runs only as a worker thread');
if (!index) throw new Error('title.worker was given a snapshot of another engine');

port.on('message', ({ id, titles }: TitleBatch) => {
  let lines = '';
  for (const title of titles) {
    const answer = () => `${JSON.stringify(normalizeLine(index, title, options))}\n`;
    lines += typeof title === 'string' ? memo.lineFor(title, answer) : answer();
  }
  port.postMessage({ id, lines } satisfies TitleBatchResult);
});
port.postMessage({ ready: true });
