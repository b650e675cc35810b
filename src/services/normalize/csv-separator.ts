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

const LINE_END = /[\r\n]/;

/**
 * Reads a stream as far as the end of its first line (at most about `limit` bytes), and gives
 * that line with a stream that yields the whole input again, the line included.
 */
export const firstLineOf = async (
  input: Readable,
  limit: number,
): Promise<{ line: string; input: Readable }> => {
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const read: Buffer[] = [];
  let size = 0;
  let text = '';
  while (size <= limit && !LINE_END.test(text)) {
    const next = await chunks.next();
    if (next.done === true) break;
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    read.push(chunk);
    size += chunk.length;
    text = Buffer.concat(read).toString('utf8');
  }
  async function* again(): AsyncGenerator<Buffer> {
    yield* read;
    for (;;) {
      const next = await chunks.next();
      if (next.done === true) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  }
  return { line: text.split(LINE_END, 1)[0]!, input: Readable.from(again()) };
};
