import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The compiled CLI, as `rolebook` runs it: benchmarks time what users run, not tsx. */
export const builtCli = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');

export const requireBuiltCli = (): void => {
  if (!existsSync(builtCli)) throw new Error(`${builtCli} is missing: run npm run build first`);
};

/** Imports an O*NET release into the SQLite database at `database` with the built CLI. */
export const importOnetWithCli = (database: string, onetDir: string): void => {
  execFileSync(process.execPath, [builtCli, '-d', database, 'import', 'onet', onetDir], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
};
