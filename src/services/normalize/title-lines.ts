import { scan } from 'secure-json-parse';
import {
  utf8Bytes,
  MAX_JSON_DEPTH,
  NormalizeOptionsSchema,
  readJsonShape,
  type ErrorCode,
} from '../../domain/index.js';

/**
 * The longest line a batch of titles may hold, in bytes. A title is at most 512 characters; as
 * a JSON line with every character escaped it stays under this. A longer line is answered as
 * that line's error, and its bytes are dropped as they arrive, never held.
 */
export const MAX_LINE_BYTES = 8 * 1024;

/** How much of an unreadable line is echoed back in its error, in bytes. */
const ECHO_BYTES = 120;

/** A line that carries no title, with what it began with and why. */
export interface LineProblem {
  input: string;
  code: ErrorCode;
  problem: string;
}

/** One line of input as read: its text, or why it could not be read. */
export type InputLine = { text: string } | LineProblem;

/** What one line gives the matcher: a title, or the line's problem. */
export type TitleLine = string | LineProblem;

/** How the lines of a batch are written: one JSON title per line, or the bare title. */
export type LineFormat = 'ndjson' | 'text';

// A byte-order mark is dropped at the start of the stream only (see take), not of every line.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

const NEWLINE = 0x0a;
const RETURN = 0x0d;

class LineBuffer {
  #parts: Buffer[] = [];
  #bytes = 0;
  #first = true;
  readonly #maxBytes: number;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  get isEmpty(): boolean {
    return this.#bytes === 0;
  }

  /** Whether the next line taken is the stream's first, whose byte-order mark is dropped. */
  get isFirst(): boolean {
    return this.#first;
  }

  /** Keeps a piece of the current line; past the limit, only the first bytes are kept. */
  add(piece: Buffer): void {
    if (this.#bytes <= this.#maxBytes) this.#parts.push(piece);
    this.#bytes += piece.length;
  }

  /** The finished line, and a fresh buffer for the next. */
  take(): InputLine {
    let bytes = Buffer.concat(this.#parts);
    const total = this.#bytes;
    if (this.#first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      bytes = bytes.subarray(3);
    }
    this.#parts = [];
    this.#bytes = 0;
    this.#first = false;
    if (bytes.at(-1) === RETURN) bytes = bytes.subarray(0, -1);
    const echo = () =>
      lenientUtf8.decode(bytes.subarray(0, ECHO_BYTES)) + (bytes.length > ECHO_BYTES ? '…' : '');
    if (total > this.#maxBytes) {
      return {
        input: echo(),
        code: 'payload_too_large',
        problem: `the line is ${total} bytes long; the limit is ${this.#maxBytes}`,
      };
    }
    try {
      return { text: strictUtf8.decode(bytes) };
    } catch {
      return { input: echo(), code: 'bad_request', problem: 'the line is not valid UTF-8 text' };
    }
  }
}

/**
 * Whole lines (the bytes end before a newline) decoded at once, as LineBuffer would read them
 * one by one; undefined when some line is not UTF-8 or is over the limit, which LineBuffer
 * then reads and answers. A newline byte is never part of another character, so the block is
 * valid UTF-8 exactly when every line of it is.
 */
const decodeLines = (bytes: Buffer, maxLineBytes: number): string[] | undefined => {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  // Plain ASCII has a byte per character: most input, whose lines need no counting.
  const ascii = text.length === bytes.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (
      bytes.length > maxLineBytes &&
      (ascii ? line.length : Buffer.byteLength(line)) > maxLineBytes
    )
      return undefined;
    if (line.endsWith('\r')) lines[i] = line.slice(0, -1);
  }
  return lines;
};

/**
 * The lines of a byte stream (UTF-8, or UTF-16 with its mark: see utf8Bytes), a batch per chunk
 * read, in order. Memory stays bounded whatever
 * arrives: a line longer than `maxLineBytes` is kept only up to the limit and comes out as a
 * problem, so a body with no newline at all costs no more than one line.
 * @example for await (const batch of readLines(process.stdin)) for (const line of batch) ...
 */
export async function* readLines(
  input: AsyncIterable<Buffer | string>,
  options: { maxLineBytes?: number } = {},
): AsyncGenerator<InputLine[]> {
  const maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
  const line = new LineBuffer(maxLineBytes);
  for await (const chunk of utf8Bytes(input)) {
    const batch: InputLine[] = [];
    let start = 0;
    const first = chunk.indexOf(NEWLINE);
    // A line begun in an earlier chunk, or the stream's first, is finished by the buffer; the
    // whole lines after it are decoded together, a decoder call per chunk instead of per line.
    if (first >= 0 && (!line.isEmpty || line.isFirst)) {
      line.add(chunk.subarray(0, first));
      batch.push(line.take());
      start = first + 1;
    }
    const last = chunk.lastIndexOf(NEWLINE);
    const whole =
      last >= start ? decodeLines(chunk.subarray(start, last), maxLineBytes) : undefined;
    if (whole !== undefined) {
      for (const text of whole) batch.push({ text });
      start = last + 1;
    }
    for (let end = chunk.indexOf(NEWLINE, start); end >= 0; end = chunk.indexOf(NEWLINE, start)) {
      line.add(chunk.subarray(start, end));
      batch.push(line.take());
      start = end + 1;
    }
    if (start < chunk.length) line.add(chunk.subarray(start));
    if (batch.length > 0) yield batch;
  }
  if (!line.isEmpty) yield [line.take()];
}

/**
 * Whether a value holds a `__proto__` key, or a `constructor` holding a `prototype`: what
 * Fastify's JSON body parser refuses, by the same library, since a line is copied on as a body
 * is and the same keys could poison an object it is merged into.
 */
const isPoisoned = (value: unknown): boolean => {
  if (typeof value !== 'object' || value === null) return false;
  try {
    scan(value, { protoAction: 'error', constructorAction: 'error' });
    return false;
  } catch {
    return true;
  }
};

/** Why a line of JSON is refused as a buffered JSON body would be, if it is. */
const refusedLine = (text: string, value: unknown): string | undefined => {
  const shape = readJsonShape(text, MAX_JSON_DEPTH);
  if (shape.depth > MAX_JSON_DEPTH)
    return `the line nests deeper than ${MAX_JSON_DEPTH} levels of arrays and objects`;
  if (shape.repeatedKey !== undefined) {
    const { key } = shape.repeatedKey;
    const shown = key.length > 60 ? `${key.slice(0, 60)}…` : key;
    return `the line gives the field "${shown}" twice in one object; give it once`;
  }
  if (isPoisoned(value))
    return 'the line has a field named __proto__ or constructor, which no request accepts';
  return undefined;
};

const NOT_A_TITLE = 'the line holds no title: send a JSON string or an object with a "title"';

/** The options of a whole batch, by name: a title's own field of that name would go unheeded. */
const OPTION_FIELDS = new Set(Object.keys(NormalizeOptionsSchema.properties));

/**
 * The title a batch item holds: the item itself, or the `title` of `{"title": …}`, whose other
 * fields (a caller's own id) are passed over. One that names a batch option is refused: options
 * apply to the whole batch, and one passed over in silence would leave the caller believing it
 * was heeded.
 * @example titleOfItem({ title: 'QA', top: 3 }) // { problem: '"top" is given beside …' }
 */
export const titleOfItem = (item: unknown): { title: unknown } | { problem: string } => {
  if (typeof item !== 'object' || item === null || !('title' in item)) return { title: item };
  const option = Object.keys(item).find((key) => OPTION_FIELDS.has(key));
  if (option === undefined) return { title: item.title };
  return {
    problem: `"${option}" is given beside "title": options such as taxonomy and top apply to the whole batch, not to one title`,
  };
};

/**
 * The title one line of a batch carries. An NDJSON line is a JSON string or `{"title": …}`; a
 * text line is the title itself. A blank line keeps its place and gets its own error.
 */
export const titleOfLine = (line: InputLine, format: LineFormat): TitleLine => {
  if ('problem' in line) return line;
  if (format === 'text') return line.text;
  if (line.text.trim() === '')
    return { input: line.text, code: 'validation_failed', problem: 'the line is empty' };
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch {
    return { input: line.text, code: 'bad_request', problem: 'the line is not JSON' };
  }
  const refused = refusedLine(line.text, value);
  if (refused !== undefined) return { input: line.text, code: 'bad_request', problem: refused };
  const found = titleOfItem(value);
  if ('problem' in found)
    return { input: line.text, code: 'validation_failed', problem: found.problem };
  return typeof found.title === 'string'
    ? found.title
    : { input: line.text, code: 'bad_request', problem: NOT_A_TITLE };
};
