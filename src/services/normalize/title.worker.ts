import { parentPort, workerData } from 'node:worker_threads';
import { TitleIndex, type TitleSource } from '../../matching/index.js';
import { normalizeLine, type NormalizeOptions } from './normalize.service.js';
import type { TitleLine } from './title-lines.js';

export interface TitleWorkerData {
  sources: TitleSource[];
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

const { sources, options } = workerData as TitleWorkerData;
const index = TitleIndex.build(sources);
const port = parentPort;
if (!port) throw new Error('title.worker runs only as a worker thread');

port.on('message', ({ id, titles }: TitleBatch) => {
  let lines = '';
  for (const title of titles) lines += `${JSON.stringify(normalizeLine(index, title, options))}\n`;
  port.postMessage({ id, lines } satisfies TitleBatchResult);
});
port.postMessage({ ready: true });
