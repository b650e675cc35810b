/**
 * `rolebook normalize` on a batch too large to hold in memory, as a batch job runs it: the built
 * CLI with the whole O*NET release imported, every input line a fresh noisy title. One run on
 * one worker and one on a worker per core (the same lines), then a run on ten times as many
 * lines: its memory in its second half, against its first half, shows whether memory grows
 * with the input.
 *
 *   npm run build && npx tsx bench/normalize/cli-stream.ts [--onet DIR] [--lines 10000000]
 *     [--no-write]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { builtCli, importOnetWithCli, requireBuiltCli } from '../built-cli.js';
import { writeResultsSection } from '../results-file.js';
import { makeNoisy } from './noise.js';
import { onetFilesPresent, readOnet } from './onet-titles.js';

const { values } = parseArgs({
  options: {
    onet: { type: 'string', default: '/work/shared/data/onet' },
    lines: { type: 'string', default: '10000000' },
    'no-write': { type: 'boolean', default: false },
  },
});

const HEADING = '## Streaming normalize (CLI)';
const POLL_MS = 250;
const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** Writes `count` lines: passes over the titles, each pass with fresh seeded noise. */
const writeInput = async (path: string, titles: string[], count: number): Promise<void> => {
  const out = createWriteStream(path);
  let written = 0;
  for (let seed = 1; written < count; seed++) {
    const pass = makeNoisy(titles, seed).slice(0, count - written);
    written += pass.length;
    if (!out.write(`${pass.join('\n')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
};

interface ProcessSample {
  rssMb: number;
  peakRssMb: number;
  cpuSeconds: number;
}

/** Peak resident memory and CPU time of a live process, from /proc (Linux). */
const sampleProcess = (pid: number): ProcessSample | undefined => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    const ticks = Number(fields[11]) + Number(fields[12]);
    const kb = (field: string): number =>
      Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024, cpuSeconds: ticks / 100 };
  } catch {
    return undefined;
  }
};

interface RunResult {
  lines: number;
  workers: number;
  seconds: number;
  outputLines: number;
  peakRssMb: number;
  /** Highest resident memory seen in the first and in the second half of the run's time. */
  halves: [number, number];
  cpuSeconds: number;
}

/** Runs the CLI over a file, its output to a file, sampling it until it exits. */
const runCli = async (
  database: string,
  input: string,
  output: string,
  lines: number,
  workers: number,
): Promise<RunResult> => {
  const out = createWriteStream(output);
  await once(out, 'open');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [builtCli, '-d', database, 'normalize', '--file', input, '--workers', String(workers)],
    { stdio: ['ignore', out, 'inherit'] },
  );
  let last: ProcessSample = { rssMb: 0, peakRssMb: 0, cpuSeconds: 0 };
  const series: Array<[number, number]> = [];
  const timer = setInterval(() => {
    last = sampleProcess(child.pid as number) ?? last;
    series.push([performance.now() - started, last.rssMb]);
  }, POLL_MS);
  const [code] = (await once(child, 'exit')) as [number | null];
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  out.close();
  if (code !== 0) throw new Error(`rolebook normalize exited with ${code}`);
  const half = (seconds * 1000) / 2;
  const peakWhere = (inHalf: (at: number) => boolean): number =>
    Math.max(0, ...series.filter(([at]) => inHalf(at)).map(([, rss]) => rss));
  return {
    lines,
    workers,
    seconds,
    outputLines: await checkOutput(input, output),
    peakRssMb: last.peakRssMb,
    halves: [peakWhere((at) => at < half), peakWhere((at) => at >= half)],
    cpuSeconds: last.cpuSeconds,
  };
};

/** Counts the output lines and checks each answers the input line at the same place. */
const checkOutput = async (input: string, output: string): Promise<number> => {
  const inputs = createInterface({ input: createReadStream(input) })[Symbol.asyncIterator]();
  let count = 0;
  for await (const line of createInterface({ input: createReadStream(output) })) {
    const expected = (await inputs.next()).value as string | undefined;
    // Parsing every line would take longer than the run: every 997th is checked in full.
    if (count % 997 === 0 && (JSON.parse(line) as { input: string }).input !== expected) {
      throw new Error(`output line ${count + 1} does not answer input line ${count + 1}`);
    }
    count++;
  }
  return count;
};

const render = (runs: RunResult[], loadBefore: number): string => {
  const args = process.argv.slice(2).join(' ');
  const [one, two, big] = runs as [RunResult, RunResult, RunResult];
  const rate = (r: RunResult): number => r.lines / r.seconds;
  const row = (r: RunResult): string =>
    `| ${r.lines.toLocaleString('en-US')} | ${r.workers} | ${r.seconds.toFixed(1)} s | ` +
    `${Math.round(rate(r)).toLocaleString('en-US')} | ${(r.cpuSeconds / r.seconds).toFixed(2)} | ` +
    `${Math.round(r.peakRssMb)} MB | ${r.outputLines === r.lines ? 'yes' : `no (${r.outputLines})`} |`;
  return [
    HEADING,
    '',
    `Command: \`npm run build && npx tsx bench/normalize/cli-stream.ts${args ? ` ${args}` : ''}\` ` +
      `(${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ` +
      `${availableParallelism()} cores, load average ${loadBefore.toFixed(2)} before the run).`,
    '',
    '`rolebook normalize --file F --workers N` with the whole O*NET release imported (SQLite), ' +
      'every line a fresh noisy title (the O*NET titles, each pass with new seeded noise), ' +
      'output to a file. Times include start-up (each worker builds its index). Cores used is ' +
      'CPU time over elapsed time; peak memory is the resident high-water mark of the process ' +
      '(all its threads), read from /proc.',
    '',
    '| lines | workers | time | lines/s | cores used | peak RSS | one line out per line in |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    row(one),
    row(two),
    row(big),
    '',
    `- ${two.workers} workers over 1: ${(rate(two) / rate(one)).toFixed(2)}x the lines per second.`,
    `- Memory over the ${big.lines.toLocaleString('en-US')}-line run: at most ` +
      `${Math.round(big.halves[0])} MB in its first half and ${Math.round(big.halves[1])} MB in ` +
      `its second (${(big.halves[1] / big.halves[0]).toFixed(2)}x). The high-water mark of a ` +
      "short run is lower because each thread's heap grows until its first full collection.",
    '- Output order: every 997th output line was parsed and answers the input line at the ' +
      'same place.',
    '',
  ].join('\n');
};

const main = async (): Promise<void> => {
  requireBuiltCli();
  if (!onetFilesPresent(values.onet)) {
    log(`Skipped: no O*NET files in ${values.onet} (pass --onet DIR).`);
    return;
  }
  const loadBefore = loadavg()[0] as number;
  const bigLines = Number(values.lines);
  const smallLines = Math.round(bigLines / 10);
  const workers = Math.max(2, Math.min(availableParallelism(), 8));
  const dir = mkdtempSync(join(tmpdir(), 'rolebook-cli-stream-'));
  try {
    const database = join(dir, 'rolebook.sqlite');
    log('importing O*NET into a fresh database');
    importOnetWithCli(database, values.onet);
    const onet = readOnet(values.onet);
    const titles = [...onet.occupations.map((o) => o.name), ...onet.alternates.map((a) => a.title)];
    const small = join(dir, 'small.txt');
    const big = join(dir, 'big.txt');
    log(`writing ${smallLines} and ${bigLines} noisy titles`);
    await writeInput(small, titles, smallLines);
    await writeInput(big, titles, bigLines);
    const output = join(dir, 'out.jsonl');
    const runs: RunResult[] = [];
    for (const [input, lines, count] of [
      [small, smallLines, 1],
      [small, smallLines, workers],
      [big, bigLines, workers],
    ] as const) {
      log(`${lines} lines on ${count} worker(s)`);
      runs.push(await runCli(database, input, output, lines, count));
      rmSync(output);
    }
    const section = render(runs, loadBefore);
    process.stdout.write(`${section}\n`);
    if (!values['no-write']) writeResultsSection(HEADING, section);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

await main();
