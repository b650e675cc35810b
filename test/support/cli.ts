import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureContentDir } from './stores.js';

const cliPath = join(import.meta.dirname, '../../dist/cli/main.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `rolebook` CLI as a user would, on a fresh SQLite file unless told otherwise. */
export const runCli = (
  args: string[],
  options: { stdin?: string; database?: string; env?: Record<string, string> } = {},
): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    const database =
      options.database ?? join(mkdtempSync(join(tmpdir(), 'rolebook-cli-')), 'cli.sqlite');
    const child = spawn(process.execPath, [cliPath, '--database', database, ...args], {
      env: {
        ...process.env,
        ROLEBOOK_CONTENT_DIR: fixtureContentDir,
        LOG_LEVEL: 'silent',
        ...options.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
