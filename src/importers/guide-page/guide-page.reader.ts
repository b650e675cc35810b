import { readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { importFailed, utf8Text } from '../release/index.js';
import {
  parseGuidePage,
  type GuidePageImport,
  type GuidePageOptions,
} from './guide-page.parser.js';

/** A role page is a few kilobytes; anything far larger is not one. */
const MAX_PAGE_BYTES = 1_048_576;

/**
 * Reads a role page from a file (UTF-8, plain text or Markdown) and parses it as
 * `parseGuidePage` does. A missing, over-large or non-UTF-8 file fails with `import_failed`.
 * @example const page = await readGuidePage('../shared/reference/recruiter-role-page.txt');
 */
export const readGuidePage = async (
  file: string,
  options: Omit<GuidePageOptions, 'file'> = {},
): Promise<GuidePageImport> => {
  const found = await stat(file).catch(() => undefined);
  if (!found) throw importFailed({ file }, 'the file does not exist');
  if (!found.isFile()) throw importFailed({ file }, 'this is not a file');
  if (found.size > MAX_PAGE_BYTES) {
    throw importFailed(
      { file },
      `the page is ${found.size} bytes; at most ${MAX_PAGE_BYTES} are accepted`,
    );
  }
  let text = '';
  for await (const piece of utf8Text(Readable.from([await readFile(file)]), file)) text += piece;
  return parseGuidePage(text, { ...options, file });
};
