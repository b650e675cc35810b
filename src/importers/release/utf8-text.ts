import { isUtf8 } from 'node:buffer';
import { importFailed } from './import-error.js';

/** Bytes at the end of `bytes` that start a multi-byte sequence the next chunk completes. */
const incompleteTail = (bytes: Buffer): number => {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needs > back ? back : 0;
  }
  return 0;
};

/** Offset of the first byte that is not valid UTF-8; only called once a chunk failed. */
const firstInvalidByte = (bytes: Buffer): number => {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    const length =
      byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : 4;
    if (byte >= 0xf5 || (byte >= 0x80 && byte < 0xc2)) return i;
    if (!isUtf8(bytes.subarray(i, i + length)) || i + length > bytes.length) return i;
    i += length;
  }
  return bytes.length;
};

interface Position {
  line: number;
  column: number;
}

/** Where the reader stands after `text`, starting from `from`. */
const advance = (from: Position, text: string): Position => {
  let line = from.line;
  let lastNewline = -1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    line += 1;
    lastNewline = at;
  }
  return lastNewline < 0
    ? { line, column: from.column + text.length }
    : { line, column: text.length - lastNewline };
};

/**
 * Decodes a byte stream as UTF-8, refusing invalid bytes instead of replacing them, so a file
 * in another encoding fails with the line and character where it goes wrong. A leading
 * byte-order mark is dropped.
 * @example for await (const text of utf8Text(createReadStream(file), file)) parser.write(text);
 */
export async function* utf8Text(
  chunks: AsyncIterable<Buffer>,
  file: string,
): AsyncGenerator<string> {
  let carry: Buffer = Buffer.alloc(0);
  let line = 1;
  let column = 1;
  let first = true;
  for await (const chunk of chunks) {
    let bytes: Buffer = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    if (first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      bytes = bytes.subarray(3);
    }
    first = false;
    const whole = bytes.subarray(0, bytes.length - incompleteTail(bytes));
    carry = bytes.subarray(whole.length);
    if (!isUtf8(whole)) {
      const bad = firstInvalidByte(whole);
      const at = advance({ line, column }, whole.subarray(0, bad).toString('utf8'));
      throw importFailed(
        { file, ...at },
        `byte 0x${whole[bad]!.toString(16).padStart(2, '0')} is not valid UTF-8; save the file as UTF-8`,
      );
    }
    const text = whole.toString('utf8');
    ({ line, column } = advance({ line, column }, text));
    if (text) yield text;
  }
  if (carry.length > 0) {
    throw importFailed(
      { file, line, column },
      'the file ends inside a UTF-8 character; save the file as UTF-8',
    );
  }
}
