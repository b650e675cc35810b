import { Readable } from 'node:stream';

/** The characters a spreadsheet separates the cells of a CSV with. */
export type CsvSeparator = ',' | ';' | '\t';

/** Ties go to the comma, the CSV standard's separator. */
const SEPARATORS: readonly CsvSeparator[] = [',', '\t', ';'];

/**
 * The separator of a CSV, told from its header row: the one of comma, tab and semicolon found
 * most often outside quotes. Excel saves "CSV" with semicolons wherever the comma is the
 * decimal mark, and some exports use tabs.
 * @example separatorOf('Job Title;Department;Grade') // ';'
 */
export const separatorOf = (header: string): CsvSeparator => {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: CsvSeparator = ',';
  for (const separator of SEPARATORS) {
    if ((counts.get(separator) ?? 0) > (counts.get(best) ?? 0)) best = separator;
  }
  return best;
};

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
  input: Readable,
  limit: number,
  count: number,
): Promise<LinesAhead> => {
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
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
