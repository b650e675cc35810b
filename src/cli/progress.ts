import { createRequire } from 'node:module';
import type CliProgress from 'cli-progress';

/** Loaded only to draw on a terminal: a piped or scripted run never pays for it. */
const loadCliProgress = (): typeof CliProgress =>
  createRequire(import.meta.url)('cli-progress') as typeof CliProgress;

export interface Progress {
  update(done: number): void;
  stop(): void;
}

const silent: Progress = { update: () => undefined, stop: () => undefined };

/** A progress bar on stderr when it is a terminal; nothing when output goes to a file or pipe. */
export const progressBar = (label: string, total?: number): Progress => {
  if (!process.stderr.isTTY) return silent;
  const cliProgress = loadCliProgress();
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: total
        ? `${label} {bar} {percentage}% | {value}/{total} | {eta_formatted} left`
        : `${label} {value} done | {rate}/s`,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(total ?? 0, 0, { rate: 0 });
  return {
    update: (done) =>
      bar.update(done, { rate: Math.round(done / Math.max((Date.now() - started) / 1000, 0.001)) }),
    stop: () => bar.stop(),
  };
};
