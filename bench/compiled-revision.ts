import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Room for the archive of the compiled folders at a revision, with years of growth to spare. */
const ARCHIVE_BYTES = 64 * 1024 * 1024;

/** The project's root, whose git history and packages each compiled side uses. */
export const root = join(import.meta.dirname, '..');

export const git = (...args: string[]): string =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

/**
 * Compiles `folders` of src at a git revision, or as they stand in this worktree, into
 * `dir`/dist with this worktree's tsc and tsconfig.build.json's options: both sides of an A/B
 * are then timed as compiled JavaScript, the way `rolebook` runs them. Returns how the side is
 * described in a report: the commit, or the worktree and the commit it stands on.
 */
export const compileRevision = (
  revision: string,
  dir: string,
  folders: readonly string[],
): string => {
  mkdirSync(dir, { recursive: true });
  let described: string;
  if (revision === 'worktree') {
    for (const folder of folders) {
      const from = join(root, folder);
      mkdirSync(join(dir, folder), { recursive: true });
      for (const file of readdirSync(from)) {
        // Data files the sources import (the learned weights) compile beside the code.
        if (/\.(ts|json)$/.test(file)) copyFileSync(join(from, file), join(dir, folder, file));
      }
    }
    const dirty = git('status', '--porcelain', '--', ...folders).length > 0;
    described = `worktree on ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' (uncommitted changes)' : ''}`;
  } else {
    const commit = git('rev-parse', '--verify', `${revision}^{commit}`);
    // The folders' archive outgrew the default 1 MiB a child's output may fill.
    const archive = execFileSync('git', ['archive', commit, ...folders], {
      cwd: root,
      maxBuffer: ARCHIVE_BYTES,
    });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    described = commit.startsWith(revision)
      ? commit.slice(0, 7)
      : `${revision} (${commit.slice(0, 7)})`;
  }
  // The domain imports its schema library from the project's packages.
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: join(root, 'tsconfig.build.json'),
      compilerOptions: { rootDir: 'src', outDir: 'dist', sourceMap: false, types: ['node'] },
      include: ['src'],
      exclude: ['src/**/*.test.ts'],
    }),
  );
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', dir], { stdio: 'inherit' });
  return described;
};
