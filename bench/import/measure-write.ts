import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  openRolebook,
  systemActor,
  type Actor,
  type ReleaseImportResult,
  type ServiceContext,
} from '../../src/services/index.js';

export interface WriteTargets {
  ms: number;
  mb: number;
}

interface WriteRun {
  ms: number;
  /** Processor time of the whole process (user + system): what the load of others does not inflate. */
  cpuMs: number;
  peakRssMb: number;
  /**
   * The process's own high-water mark when the run ends, which also catches a peak inside a
   * stretch of synchronous work, where the sampler cannot run.
   */
  maxRssMb: number;
  result: ReleaseImportResult;
}

const mb = (bytes: number) => Math.round(bytes / 1_048_576);

/** The highest resident memory seen while `work` runs, sampled every 10 ms. */
const sampled = async <T>(work: () => Promise<T>): Promise<{ value: T; peak: number }> => {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  try {
    const value = await work();
    return { value, peak: Math.max(peak, process.memoryUsage.rss()) };
  } finally {
    clearInterval(timer);
  }
};

const timed = async (work: () => Promise<ReleaseImportResult>): Promise<WriteRun> => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { value, peak } = await sampled(work);
  const used = process.cpuUsage(cpu);
  return {
    ms: Math.round(performance.now() - started),
    cpuMs: Math.round((used.user + used.system) / 1000),
    peakRssMb: mb(peak),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    result: value,
  };
};

const describeRun = (run: WriteRun) => {
  const { roles } = run.result.report;
  return (
    `${run.ms} ms (CPU ${run.cpuMs} ms), peak RSS ${run.peakRssMb} MB sampled, ${run.maxRssMb} MB max; roles ${roles.added} added, ` +
    `${roles.changed} changed, ${roles.unchanged} unchanged, ${roles.removed} removed; ` +
    `${run.result.notes.length} notes; lint ${run.result.lint.errors} errors, ${run.result.lint.warnings} warnings`
  );
};

/**
 * Imports a release into a fresh SQLite file through the import service, as `rolebook import`
 * does (the built-in library is loaded first, as on any first start, and not timed), then
 * imports it again (every role unchanged). Prints the wall time, the processor time and the
 * peak resident memory of each run; the exit code says whether the first run met the targets.
 */
export const measureWrite = async (
  what: string,
  targets: WriteTargets,
  run: (ctx: ServiceContext, actor: Actor) => Promise<ReleaseImportResult>,
): Promise<void> => {
  const dir = await mkdtemp(join(tmpdir(), 'rolebook-bench-'));
  const rolebook = await openRolebook({
    database: join(dir, 'bench.sqlite'),
    contentDir: join(import.meta.dirname, '../../content'),
  });
  try {
    const actor = systemActor('bench');
    const startRssMb = mb(process.memoryUsage.rss());
    const first = await timed(() => run(rolebook.ctx, actor));
    const again = await timed(() => run(rolebook.ctx, actor));
    const met = first.ms < targets.ms && Math.max(first.peakRssMb, first.maxRssMb) < targets.mb;
    console.log(`${what} into SQLite (RSS ${startRssMb} MB before importing)`);
    console.log(`  first import   ${describeRun(first)}`);
    console.log(`  same again     ${describeRun(again)}`);
    console.log(
      `  target         < ${targets.ms / 1000} s and < ${targets.mb} MB: ${met ? 'met' : 'MISSED'}`,
    );
    if (!met) process.exitCode = 1;
  } finally {
    await rolebook.close();
    await rm(dir, { recursive: true, force: true });
  }
};
