import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';

/** Runs a command on one CPU when there are two or more and taskset exists; else as it is. */
const pinned = (cpu: number, command: string[]): string[] =>
  cpus().length > 1 && existsSync('/usr/bin/taskset')
    ? ['/usr/bin/taskset', '-c', String(cpu), ...command]
    : command;

/** Moves this process onto one CPU; false when there is one CPU or no taskset. */
export const pinSelf = (cpu: number): boolean => {
  if (cpus().length < 2 || !existsSync('/usr/bin/taskset')) return false;
  execFileSync('/usr/bin/taskset', ['-cp', String(cpu), String(process.pid)], { stdio: 'ignore' });
  return true;
};

/** Resolves once the URL answers 200; rejects after a minute. */
export const waitUntilReady = async (url: string): Promise<void> => {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server not ready at ${url} after 60 s`);
};

/**
 * Starts `rolebook serve` of a built CLI over a database, on CPU 0 when it can, logging only
 * warnings; `preload` is a module for node's --import, `ipc` opens a channel to the server.
 */
export const startServer = (options: {
  cli: string;
  database: string;
  port: number;
  preload?: string;
  ipc?: boolean;
}): ChildProcess => {
  const [command, ...args] = pinned(0, [
    process.execPath,
    ...(options.preload === undefined ? [] : ['--import', options.preload]),
    options.cli,
    '-d',
    options.database,
    'serve',
    '--port',
    String(options.port),
  ]);
  return spawn(command as string, args, {
    stdio: ['ignore', 'ignore', 'inherit', ...(options.ipc ? (['ipc'] as const) : [])],
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
};
