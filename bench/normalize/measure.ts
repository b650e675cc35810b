import type { HeldOutQuery } from './onet-titles.js';
import type { BenchTool } from './tools/tool.js';

export interface ModeResult {
  queries: number;
  at1: number;
  at5: number;
  /** Titles per second of elapsed time, one query after the other. */
  perSecond: number;
  /** Titles per second of this process's CPU time (meaningful for in-process tools only). */
  perCpuSecond: number;
  /**
   * Titles per second over the fastest stretch of STRETCH consecutive queries: what the tool
   * does while no other process on this shared machine takes its core.
   */
  peakPerSecond: number;
}

const STRETCH = 250;

/**
 * Before each timed run, a tool answers untimed warm-up titles for WARM_UP_MS (at most
 * WARM_UP_TITLES of them), so no tool is timed while its code is still being compiled or its
 * caches are cold. The warm-up titles are noisy versions of indexed titles, never the measured
 * ones, so nothing measured has been seen before.
 */
const WARM_UP_MS = 2_000;
const WARM_UP_TITLES = 5_000;

/** Runs every query through a tool, one after the other, and scores its ranked codes. */
export const measure = async (
  tool: BenchTool,
  titles: readonly string[],
  queries: readonly HeldOutQuery[],
  warmUp: readonly string[],
): Promise<ModeResult> => {
  const warmUntil = performance.now() + WARM_UP_MS;
  for (const title of warmUp.slice(0, WARM_UP_TITLES)) {
    if (performance.now() > warmUntil) break;
    await tool.query(title, 5);
  }
  let at1 = 0;
  let at5 = 0;
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  let stretchStarted = started;
  let fastestStretch = Infinity;
  for (let i = 0; i < titles.length; i++) {
    if (i > 0 && i % STRETCH === 0) {
      const now = process.hrtime.bigint();
      fastestStretch = Math.min(fastestStretch, Number(now - stretchStarted) / 1e9);
      stretchStarted = now;
    }
    const codes = await tool.query(titles[i] as string, 5);
    const expected = (queries[i] as HeldOutQuery).codes;
    if (codes.length > 0 && expected.has(codes[0] as string)) at1++;
    if (codes.some((c) => expected.has(c))) at5++;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    queries: titles.length,
    at1: at1 / titles.length,
    at5: at5 / titles.length,
    perSecond: titles.length / seconds,
    perCpuSecond: titles.length / ((cpu.user + cpu.system) / 1e6),
    peakPerSecond: fastestStretch === Infinity ? titles.length / seconds : STRETCH / fastestStretch,
  };
};
