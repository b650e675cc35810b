import { Readable } from 'node:stream';

/** A line and its ending; the last line of a stream may have none. */
const LINES = /[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g;

/** The first lines of a stream, each with its ending, and the stream read from any byte on. */
export interface LinesAhead {
  lines: string[];
  from: (offset: number) => Readable;
}

/**
 * Reads a stream as far as the end of its `count`th line (at most about `limit` bytes), and
 * gives those lines with a way to read the whole input again from a byte on.
 */
export const linesAheadOf = async (
  input: AsyncIterable<Buffer | string>,
  limit: number,
  count: number,
): Promise<LinesAhead> => {
  const chunks = input[Symbol.asyncIterator]();
  const read: Buffer[] = [];
  let size = 0;
  let text = '';
  while (size <= limit && (text.match(/\r\n|\r|\n/g)?.length ?? 0) < count) {
    const next = await chunks.next();
    if (next.done === true) break;
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    read.push(chunk);
    size += chunk.length;
    text = Buffer.concat(read).toString('utf8');
  }
  const head = Buffer.concat(read);
  async function* again(offset: number): AsyncGenerator<Buffer> {
    if (offset < head.length) yield head.subarray(offset);
    for (;;) {
      const next = await chunks.next();
      if (next.done === true) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  }
  return {
    lines: (text.match(LINES) ?? []).slice(0, count),
    from: (offset) => Readable.from(again(offset)),
  };
};
