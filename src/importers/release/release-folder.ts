import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { unreadableFile } from '../../domain/index.js';
import { importFailed } from './import-error.js';

export const isFile = (path: string): Promise<boolean> =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

/** Where a release is and how to recognise it, for `locateRelease`. */
export interface ReleaseLayout {
  /** The source's name, for messages: `O*NET`. */
  source: string;
  /** The one file every release of the source has: `Occupation Data.txt`. */
  marker: string;
  /** How to get the edition the importer reads, said when another one is found. */
  edition: string;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const startsLikeZip = async (path: string): Promise<boolean> => {
  const handle = await open(path).catch(() => undefined);
  if (!handle) return false;
  try {
    const { buffer } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return buffer.equals(ZIP_MAGIC);
  } finally {
    await handle.close();
  }
};

const stem = (name: string) => name.replace(/\.[^.]+$/, '').toLowerCase();

/**
 * Finds the folder of a release: the one given, or the one folder inside it that holds the
 * release (a download unpacked into a folder of its own). Anything else is refused with what
 * was found and what to do: a zip archive (unpack it), another edition (an Excel workbook in
 * place of text files), a folder without the release.
 * @example await locateRelease('~/Downloads', { source: 'O*NET', marker: 'Occupation Data.txt', edition: '…' })
 * // { dir: '~/Downloads/db_27_0_text', nestedIn: '~/Downloads' }
 */
export const locateRelease = async (
  dir: string,
  layout: ReleaseLayout,
): Promise<{ dir: string; nestedIn?: string }> => {
  const found = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    throw unreadableFile(dir, error);
  });
  if (!found.isDirectory()) {
    if (/\.zip$/i.test(dir) || (await startsLikeZip(dir))) {
      throw importFailed(
        { file: dir },
        `this is a zip archive: unpack it and give the folder it holds (${layout.edition})`,
      );
    }
    throw importFailed(
      { file: dir },
      `this is a file; give the folder of the ${layout.source} release`,
    );
  }
  if (await isFile(join(dir, layout.marker))) return { dir };
  const entries = await readdir(dir, { withFileTypes: true });
  const nested: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() && (await isFile(join(dir, entry.name, layout.marker)))) {
      nested.push(entry.name);
    }
  }
  if (nested.length === 1) return { dir: join(dir, nested[0]!), nestedIn: dir };
  if (nested.length > 1) {
    throw importFailed(
      { file: dir },
      `the folder holds ${nested.length} ${layout.source} releases (${nested.join(', ')}); give the one to import`,
    );
  }
  const otherEdition = entries.find(
    (e) => e.isFile() && stem(e.name) === stem(layout.marker) && e.name !== layout.marker,
  );
  const zips = entries.filter((e) => e.isFile() && /\.zip$/i.test(e.name)).map((e) => e.name);
  const seen = entries.slice(0, 8).map((e) => e.name);
  throw importFailed(
    { file: join(dir, layout.marker) },
    otherEdition
      ? `found "${otherEdition.name}" but not "${layout.marker}": this is another edition of ${layout.source}; ${layout.edition}`
      : zips.length > 0
        ? `the file is missing; the folder holds ${zips.join(', ')}: unpack it and give the folder it holds`
        : `the file is missing, so this is no ${layout.source} release (the folder holds ${seen.length > 0 ? seen.join(', ') : 'nothing'}${entries.length > seen.length ? ', …' : ''}); ${layout.edition}`,
  );
};
