import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** The threads ready to run in a `/proc/loadavg` line, its fourth field ("running/total"). */
export const runnableThreads = (line: string): number | undefined => {
  const running = /^\S+ \S+ \S+ (\d+)\//.exec(line)?.[1];
  return running === undefined ? undefined : Number(running);
};

/** Threads of this process ready to run: this one, and any of V8's helpers busy now. */
const ownRunnable = (): number =>
  readdirSync('/proc/self/task').filter((task) =>
    // The state follows the name in parentheses, which may itself hold spaces.
    /\) R /.test(readFileSync(`/proc/self/task/${task}/stat`, 'utf8')),
  ).length;

/**
 * How many cores other work holds now. On Linux, the threads the kernel has ready to run less
 * this process's own; elsewhere, the one-minute load average. That average lags a minute
 * behind: just after a job ends (a batch before this one) it still counts it, and a batch
 * started then would take one thread on a machine whose cores are idle.
 */
export const busyCores = (): number => {
  try {
    const running = runnableThreads(readFileSync('/proc/loadavg', 'utf8'));
    if (running !== undefined) return Math.max(0, running - ownRunnable());
  } catch {
    // No /proc: not Linux, or a sandbox that hides it.
  }
  return loadavg()[0] as number;
};
