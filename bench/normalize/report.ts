import type { ModeResult } from './measure.js';

export const TITLE_NORMALIZATION_HEADING = '## Title normalization';
export const ESCO_HEADING = '## Title normalization on held-out ESCO labels';

export interface ToolResult {
  name: string;
  buildMs: number;
  clean: ModeResult;
  noisy: ModeResult;
}

export interface ReportContext {
  taxonomy: 'onet' | 'esco';
  command: string;
  date: string;
  seed: number;
  queries: number;
  indexedTitles: number;
  occupations: number;
  loadAverage: { before: number; after: number };
  /** The median of oursRuns, mode by mode. */
  ours: ToolResult;
  oursRuns: ToolResult[];
  competitors: ToolResult[];
  memory: { heapMb: number; rssMb: number };
  calibration: string[];
  node: string;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const medianMode = (modes: ModeResult[]): ModeResult => ({
  ...(modes[0] as ModeResult),
  perSecond: median(modes.map((m) => m.perSecond)),
  perCpuSecond: median(modes.map((m) => m.perCpuSecond)),
  peakPerSecond: median(modes.map((m) => m.peakPerSecond)),
});

/** One result whose rates are the medians of several runs of the same tool (same accuracy). */
export const medianRun = (runs: ToolResult[]): ToolResult => ({
  ...(runs[0] as ToolResult),
  clean: medianMode(runs.map((r) => r.clean)),
  noisy: medianMode(runs.map((r) => r.noisy)),
});

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const rate = (x: number): string => Math.round(x).toLocaleString('en-US');
const spread = (values: number[]): string =>
  values.length === 1
    ? rate(values[0] as number)
    : `${rate(Math.min(...values))} to ${rate(Math.max(...values))}`;
const points = (x: number): string => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)} points`;

const row = (r: ToolResult): string =>
  `| ${r.name} | ${pct(r.clean.at1)} | ${pct(r.clean.at5)} | ${pct(r.noisy.at1)} | ` +
  `${pct(r.noisy.at5)} | ${rate(r.clean.perSecond)} | ${rate(r.noisy.perSecond)} | ` +
  `${(r.buildMs / 1000).toFixed(2)} s | ${r.clean.queries.toLocaleString('en-US')} |`;

/** Our throughput over the fastest competitor that comes within 10 points of our accuracy. */
const speedRatio = (ours: ToolResult, others: ToolResult[], mode: 'clean' | 'noisy'): string => {
  const near = others.filter((o) => o[mode].at1 >= ours[mode].at1 - 0.1);
  if (near.length === 0) {
    const fastest = [...others].sort((a, b) => b[mode].perSecond - a[mode].perSecond)[0];
    return fastest === undefined
      ? 'no competitor measured'
      : `no competitor within 10 points; vs the fastest of all (${fastest.name}): ` +
          `${(ours[mode].perSecond / fastest[mode].perSecond).toFixed(1)}x`;
  }
  const fastest = [...near].sort((a, b) => b[mode].perSecond - a[mode].perSecond)[0] as ToolResult;
  return `${(ours[mode].perSecond / fastest[mode].perSecond).toFixed(1)}x (${fastest.name})`;
};

const accuracyLead = (ours: ToolResult, others: ToolResult[], mode: 'clean' | 'noisy'): string => {
  const best = [...others].sort((a, b) => b[mode].at1 - a[mode].at1)[0];
  return best === undefined
    ? 'no competitor measured'
    : `${points(ours[mode].at1 - best[mode].at1)} (best competitor: ${best.name})`;
};

export const renderSection = (c: ReportContext): string =>
  [
    c.taxonomy === 'esco' ? ESCO_HEADING : TITLE_NORMALIZATION_HEADING,
    '',
    `Command: \`${c.command}\`  `,
    `Date: ${c.date}; Node ${c.node}; 2-core machine, one process, queries one at a time; ours is the engine bundled by esbuild, as \`rolebook\` runs it.`,
    '',
    (c.taxonomy === 'esco'
      ? `Data: ESCO v1.2.0 occupations (${c.occupations}) and their alternative labels (hidden ` +
        `labels stay indexed as hidden titles). Seeded split (seed ${c.seed}): `
      : `Data: O*NET 27.0 occupations (${c.occupations}) and alternate titles. Seeded split (seed ${c.seed}): `) +
      `20% of the distinct alternate titles are held out (${c.queries.toLocaleString('en-US')} queries); ` +
      `every tool indexes the same ${c.indexedTitles.toLocaleString('en-US')} titles (occupation names, the ` +
      'other alternate titles and their short titles). A held-out title leaves every occupation that lists ' +
      'it; a hit on any of those occupations counts. Noisy queries are the same titles with one typo and ' +
      'seeded seniority words, levels, places, work modes and requisition numbers. Slow tools run on the ' +
      'first N queries of the same list (the queries column). Before each timed run every tool answers ' +
      'untimed warm-up titles for two seconds (at most 5,000: noisy versions of indexed titles, never a ' +
      'measured query), so none is timed while its code is still being compiled.',
    '',
    '| Tool | acc@1 clean | acc@5 clean | acc@1 noisy | acc@5 noisy | titles/s clean | titles/s noisy | build | queries |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    row(c.ours),
    ...c.competitors.map(row),
    '',
    `- Accuracy@1, ours minus the best competitor: clean ${accuracyLead(c.ours, c.competitors, 'clean')}; ` +
      `noisy ${accuracyLead(c.ours, c.competitors, 'noisy')}.`,
    `- Throughput, ours over the fastest competitor within 10 points of our accuracy: clean ` +
      `${speedRatio(c.ours, c.competitors, 'clean')}; noisy ${speedRatio(c.ours, c.competitors, 'noisy')}.`,
    '',
    `The machine is shared (2 cores; load average ${c.loadAverage.before.toFixed(1)} when the ` +
      `run started, ${c.loadAverage.after.toFixed(1)} when it ended), so elapsed-time rates ` +
      'above undercount what a free core does. Peak rates over the fastest stretch of 250 ' +
      'consecutive queries, same runs:',
    '',
    '| Tool | peak titles/s clean | peak titles/s noisy |',
    '| --- | --- | --- |',
    ...[c.ours, ...c.competitors].map(
      (r) => `| ${r.name} | ${rate(r.clean.peakPerSecond)} | ${rate(r.noisy.peakPerSecond)} |`,
    ),
    '',
    `- Our rates are the median of ${c.oursRuns.length} runs, each on a freshly built index; ` +
      `titles/s across the runs: clean ${spread(c.oursRuns.map((r) => r.clean.perSecond))}, ` +
      `noisy ${spread(c.oursRuns.map((r) => r.noisy.perSecond))}.`,
    `- Our titles per CPU-second of the whole process (all threads, so V8's background ` +
      `compiler and garbage collector count too): clean ${rate(c.ours.clean.perCpuSecond)}, ` +
      `noisy ${rate(c.ours.noisy.perCpuSecond)}.`,
    `- Our index: built in ${(c.ours.buildMs / 1000).toFixed(2)} s; heap held by the index ` +
      `${c.memory.heapMb.toFixed(0)} MB, process RSS after build ${c.memory.rssMb.toFixed(0)} MB.`,
    ...c.calibration,
    '',
  ].join('\n');
