import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { utf8Text } from './utf8-text.js';

/** `expect.stringContaining`, typed so it can stand for a string field. */
const containing = (text: string) => expect.stringContaining(text) as string;

const chunksOf = (...parts: number[][]): AsyncIterable<Buffer> =>
  Readable.from(parts.map((part) => Buffer.from(part)));

const decode = async (chunks: AsyncIterable<Buffer>) => {
  let text = '';
  for await (const piece of utf8Text(chunks, 'f.txt')) text += piece;
  return text;
};

const bytes = (text: string) => [...Buffer.from(text, 'utf8')];

describe('utf8Text', () => {
  it('joins a character split across two chunks', async () => {
    const [a, b, c] = bytes('é');
    expect(await decode(chunksOf([0x61, a!], [b!, ...(c === undefined ? [] : [c])]))).toBe('aé');
  });

  it('drops a leading byte-order mark', async () => {
    expect(await decode(chunksOf([0xef, 0xbb, 0xbf, ...bytes('code')]))).toBe('code');
  });

  it('refuses an invalid byte, naming its line and character', async () => {
    const chunks = chunksOf(bytes('ab\ncd'), [...bytes('e\nfg'), 0xe9, ...bytes('h\n')]);
    await expect(decode(chunks)).rejects.toMatchObject({
      code: 'import_failed',
      details: [{ file: 'f.txt', line: 3, column: 3, message: containing('0xe9') }],
    });
  });

  it('counts the characters before an invalid byte on a line begun in an earlier chunk', async () => {
    const chunks = chunksOf(bytes('x\nabc'), [...bytes('dé'), 0xff]);
    await expect(decode(chunks)).rejects.toMatchObject({ details: [{ line: 2, column: 6 }] });
  });

  it('refuses a file that ends inside a character', async () => {
    await expect(decode(chunksOf([...bytes('ab'), 0xc3]))).rejects.toMatchObject({
      code: 'import_failed',
      details: [{ line: 1, column: 3 }],
    });
  });
});
