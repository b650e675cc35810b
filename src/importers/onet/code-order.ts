import { createReadStream } from 'node:fs';

const NEWLINE = 0x0a;
const TAB = 0x09;

/**
 * Whether the first column of a tab-separated file ascends, header aside. It reads raw bytes
 * without parsing, many times faster than a full read, to choose between a merge-join and
 * grouping before the real read checks every row.
 * @example await codesAscend('Task Statements.txt') // true for files as O*NET publishes them
 */
export const codesAscend = async (file: string): Promise<boolean> => {
  let previous = '';
  let rest = Buffer.alloc(0);
  let header = true;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    const bytes = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE); end >= 0; end = bytes.indexOf(NEWLINE, start)) {
      const line = bytes.subarray(start, end);
      start = end + 1;
      if (header) {
        header = false;
        continue;
      }
      const tab = line.indexOf(TAB);
      const code = line.subarray(0, tab < 0 ? line.length : tab).toString('latin1');
      if (code < previous) return false;
      previous = code;
    }
    rest = Buffer.from(bytes.subarray(start));
  }
  return true;
};
