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
  const recoded = (bytes: Buffer, stream: boolean): Buffer => {
    try {
      return Buffer.from(decoder.decode(bytes, { stream }));
    } catch {
      throw notText(encoding);
    }
  };
  yield recoded(head, true);
  for (read = await reader.next(); read.done !== true; read = await reader.next()) {
    yield recoded(Buffer.from(read.value), true);
  }
  const rest = recoded(Buffer.alloc(0), false);
  if (rest.length > 0) yield rest;
}
