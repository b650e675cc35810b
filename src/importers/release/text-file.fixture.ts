import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/**
 * A writer of texts to files named `name`, each in a temporary folder of its own that is removed
 * after the test that wrote it. Called at a test file's top level, where it can register that.
 * @example const sheetFile = textFiles('roles.csv'); const file = await sheetFile('Code,Title\n');
 */
export const textFiles = (name: string): ((text: string) => Promise<string>) => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true })));
  });
  return async (text) => {
    const dir = await mkdtemp(join(tmpdir(), 'rolebook-test-'));
    dirs.push(dir);
    const file = join(dir, name);
    await writeFile(file, text);
    return file;
  };
};
