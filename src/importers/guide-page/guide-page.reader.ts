import { readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { unreadableFile } from '../../domain/index.js';
import { importFailed, utf8Text } from '../release/index.js';
import {
  parseGuidePage,
  type GuidePageImport,
  type GuidePageOptions,
} from './guide-page.parser.js';

/** A role page is a few kilobytes; anything far larger is not one. */
const MAX_PAGE_BYTES = 1_048_576;

/** Formats a role page is often saved in that hold no text to read, by the bytes they open with. */
const NOT_TEXT: readonly (readonly [Buffer, string])[] = [
  [Buffer.from('PK\x03\x04', 'latin1'), 'a Word document (.docx) or another ZIP archive'],
  [Buffer.from('%PDF-', 'latin1'), 'a PDF document'],
];

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
 * Reads a role page from a file (UTF-8, plain text or Markdown) and parses it as
 * `parseGuidePage` does. A missing file, or a folder, fails as any unreadable file does; an over-large or
 * non-UTF-8 one, or a Word document or PDF, with `import_failed`.
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
  refuseNotText(data, file);
  let text = '';
  for await (const piece of utf8Text(Readable.from([data]), file)) text += piece;
  return parseGuidePage(text, { ...options, file });
};
