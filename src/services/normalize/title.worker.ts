import { parentPort, workerData } from 'node:worker_threads';
import { TitleIndex } from '../../matching/index.js';
import { AnswerMemo } from './answer-memo.js';
import { normalizeLine, type NormalizeOptions } from './normalize-line.js';
import type { TitleLine } from './title-lines.js';

export interface TitleWorkerData {
  options: NormalizeOptions;
}

/**
 * The first message a worker is sent: the index as TitleIndex.snapshot wrote it, in memory every
 * worker shares. It comes after the worker has started, so that the worker loads its modules
 * while the main thread is still reading the snapshot.
 */
export interface TitleSnapshotMessage {
  snapshot: Uint8Array;
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

const { options } = workerData as TitleWorkerData;
/** Lines of about 250 characters: a few megabytes per worker at most. */
const MEMO_LINES = 10_000;
const memo = new AnswerMemo(MEMO_LINES);
const port = parentPort;
if (!port) throw new Error('title.worker runs only as a worker thread');

let index: TitleIndex | undefined;

port.on('message', (message: TitleSnapshotMessage | TitleBatch) => {
  if ('snapshot' in message) {
    index = TitleIndex.fromSnapshot(message.snapshot);
    if (!index) throw new Error('title.worker was given a snapshot of another engine');
    return;
  }
  const answering = index as TitleIndex;
  let lines = '';
  for (const title of message.titles) {
    const answer = () => `${JSON.stringify(normalizeLine(answering, title, options))}\n`;
    lines += typeof title === 'string' ? memo.lineFor(title, answer) : answer();
  }
  port.postMessage({ id: message.id, lines } satisfies TitleBatchResult);
});
