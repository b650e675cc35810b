import { TextDecoder } from 'node:util';

/** A browser looks for an HTML page's declared encoding in its first 1024 bytes; so does this. */
const PRESCAN_BYTES = 1024;

/** `<meta charset=…>`, or the charset of `<meta http-equiv=Content-Type content="…; charset=…">`. */
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;

/**
 * What windows-1252 puts at bytes 0x80 to 0x9F (the WHATWG index; five bytes it leaves as
 * they are). Node 20 from 20.18.3 decodes that range as Latin-1 (nodejs/node#60888), which
 * turns the curly quotes and dashes Word writes into control characters.
 */
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * The charset an HTML page declares in a `<meta>` of its opening, when it declares one.
 * @example declaredCharset(Buffer.from('<meta charset="windows-1252">')) // 'windows-1252'
 */
export const declaredCharset = (data: Buffer): string | undefined =>
  META_CHARSET.exec(data.subarray(0, PRESCAN_BYTES).toString('latin1'))?.[1];

/**
 * A page decoded in the charset it declares, or undefined when that is UTF-8 by any of its
 * names (whose own reader names the line of a broken byte) or a name no decoder knows.
 * @example decodeDeclared(Buffer.from([0x92]), 'windows-1252') // '’'
 */
export const decodeDeclared = (data: Buffer, charset: string): string | undefined => {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    return undefined;
  }
  if (decoder.encoding === 'utf-8') return undefined;
  const text = decoder.decode(data);
  return decoder.encoding === 'windows-1252'
    ? text.replace(/[\u0080-\u009f]/g, (c) =>
        String.fromCodePoint(WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!),
      )
    : text;
};
