#!/usr/bin/env node
import { buildProgram } from './program.js';
import { reportError } from './run-command.js';

// A reader that stops early (`rolebook normalize … | head`) closes the pipe; that is the reader's
// choice, not a failure of ours, so we stop writing and leave quietly, as `cat` and `grep` do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.exitCode = reportError(error);
  });
