import { AppError } from './errors.js';

/**
 * The UTF-16 a byte-order mark names. Spreadsheets save "Unicode text" as UTF-16 with a mark;
 * without one, UTF-16 cannot be told from other bytes, so unmarked text is read as UTF-8.
 */
const utf16Of = (bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined => {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
};

const notText = (encoding: string): AppError =>
  new AppError('bad_request', `The body is not valid ${encoding.toUpperCase()} text.`, [
    { field: 'body', message: `is not valid ${encoding.toUpperCase()}` },
  ]);

const brokenAt = (encoding: string, line: number): AppError => {
  const message = `is not valid ${encoding.toUpperCase()} from line ${line}`;
  return new AppError(
    'bad_request',
    `The body is not valid ${encoding.toUpperCase()} text: line ${line} holds half a character.`,
    [{ field: 'body', line, message }],
  );
};

/**
 * How many line ends a UTF-16 chunk the decoder refused holds before its fault: a surrogate
 * with no partner, or a byte short at the end. The chunk is read after the last bytes fed before
 * it (`before`, ending at stream offset `fed`), which hold what the decoder may still keep back:
 * a byte and a high surrogate at most. A unit wholly before the chunk was passed on already, its
 * line end counted; it only says whether a low surrogate may follow.
 */
const linesBeforeFault = (
  encoding: 'utf-16le' | 'utf-16be',
  before: Buffer,
  fed: number,
  chunk: Buffer,
): number => {
  const all = Buffer.concat([before, chunk]);
  const from = before.length;
  let lines = 0;
  let high = false;
  // Units are paired from the stream's start, so the first whole one begins at an even offset.
  for (let i = (fed - before.length) % 2; i + 1 < all.length; i += 2) {
    const unit = encoding === 'utf-16le' ? all.readUInt16LE(i) : all.readUInt16BE(i);
    const inChunk = i + 2 > from;
    if (inChunk && high !== (unit >= 0xdc00 && unit <= 0xdfff)) return lines;
    high = unit >= 0xd800 && unit <= 0xdbff;
    if (inChunk && unit === 0x0a) lines += 1;
  }
  return lines;
};

/**
 * A whole body as text: UTF-16 when a byte-order mark says so, else strict UTF-8, refused when
 * not valid in its encoding, since a replacement character would be stored. A UTF-8 mark is
 * kept for the reader to drop, as a streamed body's is.
 */
export const decodeText = (bytes: Uint8Array): string => {
  const encoding = utf16Of(bytes) ?? 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: encoding === 'utf-8' }).decode(
      bytes,
    );
  } catch {
    throw notText(encoding);
  }
};

/**
 * A byte stream as UTF-8 bytes, read as decodeText reads a whole body: a UTF-16 stream with its
 * mark is re-encoded as it passes, anything else passes as it is. The input is read by hand,
 * not by `for await`, which would destroy a request's stream when a reader stops early.
 */
export async function* utf8Bytes(input: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  const reader = input[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  let read = await reader.next();
  // A mark may arrive split over two chunks.
  while (read.done !== true && head.length + Buffer.byteLength(read.value) < 2) {
    head = Buffer.concat([head, Buffer.from(read.value)]);
    read = await reader.next();
  }
  if (read.done !== true) head = Buffer.concat([head, Buffer.from(read.value)]);
  const encoding = utf16Of(head);
  if (encoding === undefined) {
    if (head.length > 0) yield head;
    if (read.done === true) return;
    for (read = await reader.next(); read.done !== true; read = await reader.next()) {
      yield Buffer.from(read.value);
    }
    return;
  }
  const decoder = new TextDecoder(encoding, { fatal: true });
  // Lines already passed on, so a fault is told by its line: a spreadsheet's file can break a
  // million lines in, where "not valid" alone leaves the sender nothing to look for.
  let lines = 0;
  let fed = 0;
  let seen = Buffer.alloc(0);
  const recoded = (bytes: Buffer, stream: boolean): Buffer => {
    let text: Buffer;
    try {
      text = Buffer.from(decoder.decode(bytes, { stream }));
    } catch {
      throw brokenAt(encoding, lines + 1 + linesBeforeFault(encoding, seen, fed, bytes));
    }
    for (let at = text.indexOf(0x0a); at !== -1; at = text.indexOf(0x0a, at + 1)) lines += 1;
    fed += bytes.length;
    seen = Buffer.concat([seen, bytes]).subarray(-4);
    return text;
  };
  yield recoded(head, true);
  for (read = await reader.next(); read.done !== true; read = await reader.next()) {
    yield recoded(Buffer.from(read.value), true);
  }
  const rest = recoded(Buffer.alloc(0), false);
  if (rest.length > 0) yield rest;
}
