import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { utf8Bytes } from './text-encoding.js';

const LE_MARK = Buffer.from([0xff, 0xfe]);
const le = (text: string) => Buffer.from(text, 'utf16le');
const be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const LONE_HIGH_LE = Buffer.from([0x00, 0xd8]);

async function* streamOf(chunks: Buffer[]): AsyncGenerator<Buffer> {
  for (const chunk of chunks) yield await Promise.resolve(chunk);
}

/** The line the stream's refusal names, read in the chunks given. */
const faultLine = async (chunks: Buffer[]): Promise<number | undefined> => {
  try {
    for await (const piece of utf8Bytes(streamOf(chunks))) void piece;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.message).toMatch(new RegExp(`line ${error.details[0]?.line}`));
    return error.details[0]?.line;
  }
  return undefined;
};

describe('utf8Bytes refusing broken UTF-16', () => {
  it('names the line of a high surrogate with no low one after it', async () => {
    const bytes = Buffer.concat([LE_MARK, le('a\nb\nc'), LONE_HIGH_LE, le('d\ne\n')]);
    expect(await faultLine([bytes])).toBe(3);
  });

  it('names the line of a low surrogate with no high one before it', async () => {
    const bytes = Buffer.concat([LE_MARK, le('a\nb\n'), Buffer.from([0x00, 0xdc]), le('\n')]);
    expect(await faultLine([bytes])).toBe(3);
  });

  it('counts the lines of chunks passed on before the one that breaks', async () => {
    const chunks = [Buffer.concat([LE_MARK, le('a\nb\n')]), le('c\nd\n'), le('e'), LONE_HIGH_LE];
    expect(await faultLine([...chunks, le('f\n')])).toBe(5);
  });

  it('names the line of a surrogate left unpaired at the end of a chunk', async () => {
    const chunks = [Buffer.concat([LE_MARK, le('a\nb'), LONE_HIGH_LE]), le('\nc\n')];
    expect(await faultLine(chunks)).toBe(2);
  });

  it('names the line of a unit split over two chunks that breaks', async () => {
    const broken = Buffer.concat([LE_MARK, le('a\nb\nc'), LONE_HIGH_LE, le('d\n')]);
    // Split inside the unit after the surrogate: the refused chunk starts half a unit in.
    expect(await faultLine([broken.subarray(0, 15), broken.subarray(15)])).toBe(3);
  });

  it('names the last line when the text ends a byte short', async () => {
    const bytes = Buffer.concat([LE_MARK, le('a\nb\nc'), Buffer.from([0x41])]);
    expect(await faultLine([bytes])).toBe(3);
  });

  it('names the line in big-endian UTF-16 too', async () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), be('a\nb\n'), Buffer.from([0xd8, 0])]);
    expect(await faultLine([Buffer.concat([bytes, be('x\n')])])).toBe(3);
  });

  it('passes whole UTF-16 on as UTF-8, whatever its chunks', async () => {
    const bytes = Buffer.concat([LE_MARK, le('Zürich 😀\nNext\n')]);
    const pieces: Buffer[] = [];
    for await (const piece of utf8Bytes(
      streamOf([bytes.subarray(0, 5), bytes.subarray(5, 19), bytes.subarray(19)]),
    )) {
      pieces.push(piece);
    }
    expect(Buffer.concat(pieces).toString()).toBe('Zürich 😀\nNext\n');
  });
});
