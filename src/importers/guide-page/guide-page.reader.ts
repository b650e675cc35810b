import { readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { isAppError, unreadableFile } from '../../domain/index.js';
import { docxFaultMessage, readWordDocument } from '../docx/index.js';
import { importFailed, utf8Text } from '../release/index.js';
import { declaredCharset, decodeDeclared } from './page-charset.js';
import {
  parseGuidePage,
  type GuidePageImport,
  type GuidePageOptions,
} from './guide-page.parser.js';

/** A role page is a few kilobytes; anything far larger is not one. */
const MAX_PAGE_BYTES = 1_048_576;

/** Formats a role page is often saved in that hold no text to read, by the bytes they open with. */
const NOT_TEXT: readonly (readonly [Buffer, string])[] = [
  [Buffer.from('%PDF-', 'latin1'), 'a PDF document'],
];

/**
 * A Word document opens as a ZIP archive, or, encrypted, as an OLE container: both are read as
 * one, so an encrypted one is named as such rather than as text in no known encoding.
 */
const WORD_OPENINGS = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('d0cf11e0a1b11ae1', 'hex')];

const isWordDocument = (data: Buffer): boolean =>
  WORD_OPENINGS.some((opening) => data.subarray(0, opening.length).equals(opening));

/**
 * The HTML of a Word document, held to the page limit as a page saved as HTML is: a small
 * archive may unpack to much more.
 */
const wordPageHtml = async (data: Buffer, file: string): Promise<string> => {
  const html = await readWordDocument(data, 'html');
  if (typeof html !== 'string')
    throw importFailed({ file }, `the file ${docxFaultMessage[html.fault]}`);
  const bytes = Buffer.byteLength(html);
  if (bytes > MAX_PAGE_BYTES) {
    throw importFailed(
      { file },
      `the document is ${bytes} bytes as HTML; at most ${MAX_PAGE_BYTES} are accepted`,
    );
  }
  return html;
};

/** Names what the file is instead, so the user is not told to fix an encoding it has none of. */
const refuseNotText = (data: Buffer, file: string): void => {
  const format = NOT_TEXT.find(([opening]) => data.subarray(0, opening.length).equals(opening));
  if (format) {
    throw importFailed(
      { file },
      `the file is ${format[1]}, not a page: save it as HTML, Markdown or plain text (UTF-8)`,
    );
  }
};

/**
 * The text of a page: in the charset its HTML declares (as Word saves one in windows-1252),
 * else UTF-8, whose reader names the first byte that is not. A declared charset no decoder
 * knows is named beside that error, as what the page claimed to be.
 */
const pageText = async (data: Buffer, file: string): Promise<string> => {
  const charset = declaredCharset(data);
  const declared = charset === undefined ? undefined : decodeDeclared(data, charset);
  if (declared !== undefined) return declared;
  let text = '';
  try {
    for await (const piece of utf8Text(Readable.from([data]), file)) text += piece;
  } catch (error) {
    if (charset === undefined || !isAppError(error)) throw error;
    throw importFailed(
      { file },
      `the page declares the charset ${charset}, which cannot be read, and is not UTF-8: save it as UTF-8`,
    );
  }
  return text;
};

/**
 * Reads a role page from a file (UTF-8 plain text, Markdown or HTML, or a Word document read as
 * HTML) and parses it as `parseGuidePage` does. A missing file, or a folder, fails as any
 * unreadable file does; an over-large, non-UTF-8 or PDF one, or a Word document that cannot be
 * read, with `import_failed`.
 * @example const page = await readGuidePage('../shared/reference/recruiter-role-page.txt');
 */
export const readGuidePage = async (
  file: string,
  options: Omit<GuidePageOptions, 'file'> = {},
): Promise<GuidePageImport> => {
  const found = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw unreadableFile(file, error);
  });
  if (!found.isFile()) throw unreadableFile(file, { code: 'EISDIR' });
  if (found.size > MAX_PAGE_BYTES) {
    throw importFailed(
      { file },
      `the page is ${found.size} bytes; at most ${MAX_PAGE_BYTES} are accepted`,
    );
  }
  const data = await readFile(file);
  if (isWordDocument(data))
    return parseGuidePage(await wordPageHtml(data, file), { ...options, file });
  refuseNotText(data, file);
  return parseGuidePage(await pageText(data, file), { ...options, file });
};
