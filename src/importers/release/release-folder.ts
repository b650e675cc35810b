import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../domain/index.js';
import { importFailed } from './import-error.js';

export const isFile = (path: string): Promise<boolean> =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

/**
 * Checks that a release folder exists and holds every required file, and refuses it otherwise
 * with one `import_failed` error that names every missing file at once.
 * @example await checkReleaseFolder(dir, ['Occupation Data.txt', 'Task Statements.txt'], 'O*NET');
 */
export const checkReleaseFolder = async (
  dir: string,
  required: readonly (string | readonly string[])[],
  source: string,
): Promise<void> => {
  const found = await stat(dir).catch(() => undefined);
  if (!found) throw importFailed({ file: dir }, 'the folder does not exist');
  if (!found.isDirectory()) throw importFailed({ file: dir }, 'this is a file, not a folder');
  const missing: string[] = [];
  for (const names of required) {
    const choices = typeof names === 'string' ? [names] : names;
    const present = await Promise.all(choices.map((name) => isFile(join(dir, name))));
    if (!present.includes(true)) missing.push(choices.join('" or "'));
  }
  if (missing.length > 0) {
    throw new AppError(
      'import_failed',
      `${dir}: the ${source} release lacks ${missing.map((m) => `"${m}"`).join(', ')}`,
      missing.map((name) => ({ file: join(dir, name), message: 'the file is missing' })),
    );
  }
};
