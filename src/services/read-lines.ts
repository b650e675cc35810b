import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/**
 * The lines of a stream as an async iterable that can be consumed later. readline emits lines
 * as soon as data flows, and its iterator only buffers from when it is created, so it is
 * created here, at once: a caller that awaits anything first would otherwise lose lines.
 */
export const readLines = (input: Readable): AsyncIterable<string> => {
  const iterator = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  return { [Symbol.asyncIterator]: () => iterator };
};
