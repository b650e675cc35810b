/**
 * GET /v1/normalize latency at a fixed request rate on loopback, next to /healthz (a constant
 * answer) at the same rate in the same run, so the route's cost shows apart from the machine's.
 *
 *   npm run build && npx tsx bench/http/latency.ts [--onet DIR] [--rate 1000] [--seconds 20]
 *     [--connections 10] [--no-write]
 *
 * The built server runs in its own process on CPU 0 and this process, the load generator
 * (paced-load.ts: evenly spaced requests, each timed from when it was due), on CPU 1, so neither takes the other's core. The server's database holds the
 * built-in library plus the whole O*NET release when DIR has it. Every request asks for a
 * different title: O*NET alternate titles dressed as postings are (seniority, place,
 * requisition number, one typo), so no answer is served from a cache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { makeNoisy } from '../normalize/noise.js';
import { onetFilesPresent, readOnet } from '../normalize/onet-titles.js';
import { seededRandom, shuffle } from '../normalize/random.js';
import { builtCli as cli, importOnetWithCli, requireBuiltCli } from '../built-cli.js';
import { writeResultsSection } from '../results-file.js';
import { pacedLoad, type LatencySummary } from './paced-load.js';
import { pinSelf, startServer, waitUntilReady } from './server-process.js';

const { values } = parseArgs({
  options: {
    onet: { type: 'string', default: '/work/shared/data/onet' },
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '10' },
    port: { type: 'string', default: '3999' },
    'no-write': { type: 'boolean', default: false },
  },
});

const HEADING = '## GET /v1/normalize latency';
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const port = Number(values.port);
const log = (line: string): void => void process.stderr.write(`${line}\n`);

interface LatencyRow extends LatencySummary {
  label: string;
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Starts each run with a clean heap, so no collection left over from setting up falls in it. */
const load = async (label: string, paths: string[], duration: number): Promise<LatencyRow> => {
  collectGarbage();
  return {
    label,
    ...(await pacedLoad({
      origin: `http://127.0.0.1:${port}`,
      paths,
      rate,
      seconds: duration,
      connections,
    })),
  };
};

const ms = (value: number): string => `${value.toFixed(2)} ms`;

const render = (rows: LatencyRow[], setting: string, loadBefore: number): string => {
  const args = process.argv.slice(2).join(' ');
  return [
    HEADING,
    '',
    `Command: \`npm run build && npx tsx bench/http/latency.ts${args ? ` ${args}` : ''}\` ` +
      `(${new Date().toISOString().slice(0, 10)}, Node ${process.version}, load average ` +
      `${loadBefore.toFixed(2)} before the run).`,
    '',
    `${setting} ${rate} requests/s for ${seconds} s over ${connections} connections after a ` +
      '5-second warm-up, each normalize request a different noisy title (seniority, place, ' +
      'requisition number, one typo); requests evenly spaced, each timed from the moment it was ' +
      'due to its last byte (bench/http/paced-load.ts).',
    '',
    '| path | requests | per second | p50 | p90 | p99 | p99.9 | max | errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.requests} | ${Math.round(r.perSecond)} | ${ms(r.p50)} | ` +
        `${ms(r.p90)} | ${ms(r.p99)} | ${ms(r.p999)} | ${ms(r.max)} | ${r.errors} |`,
    ),
    '',
  ].join('\n');
};

/**
 * One request path per noisy title. The O*NET tables it reads are dropped on return: a load
 * generator holding them would stop for a full collection of a large heap in mid-run.
 */
const normalizeRequests = (withOnet: boolean): { paths: string[]; occupations: number } => {
  const onet = withOnet ? readOnet(values.onet) : undefined;
  const titles = onet
    ? shuffle(
        seededRandom(5),
        onet.alternates.map((a) => a.title),
      ).slice(0, 20_000)
    : ['Senior Backend Engineer - Remote', 'Sr. Data Enginer (NYC)', 'Head of Product, Berlin'];
  return {
    paths: makeNoisy(titles, 6).map((title) => `/v1/normalize?title=${encodeURIComponent(title)}`),
    occupations: onet?.occupations.length ?? 0,
  };
};

const main = async (): Promise<void> => {
  requireBuiltCli();
  const loadBefore = loadavg()[0] as number;
  const dir = mkdtempSync(join(tmpdir(), 'rolebook-latency-'));
  const database = join(dir, 'rolebook.sqlite');
  const withOnet = onetFilesPresent(values.onet);
  if (withOnet) {
    log('importing O*NET into a fresh database');
    importOnetWithCli(database, values.onet);
  }
  const { paths: normalizePaths, occupations } = normalizeRequests(withOnet);
  const server = startServer({ cli, database, port });
  try {
    await waitUntilReady(`http://127.0.0.1:${port}/readyz`);
    const split = pinSelf(1);
    const setting = split
      ? 'Built server pinned to CPU 0, load generator to CPU 1 (taskset), SQLite;'
      : 'Server and load generator sharing the machine (no taskset or one CPU), SQLite;';
    log('warming up');
    await load('warm-up', normalizePaths.slice(-2_000), 5);
    const rows: LatencyRow[] = [];
    for (const [label, paths] of [
      ['`/healthz`', ['/healthz']],
      ['`/v1/normalize?title=…`', normalizePaths],
    ] as const) {
      log(`${label}: ${rate}/s for ${seconds} s`);
      rows.push(await load(label, [...paths], seconds));
    }
    const corpus = withOnet
      ? `${occupations} O*NET occupations and the built-in library in the index.`
      : 'Built-in library only (no O*NET files found).';
    const section = render(rows, `${setting} ${corpus}`, loadBefore);
    process.stdout.write(`${section}\n`);
    if (!values['no-write']) writeResultsSection(HEADING, section);
  } finally {
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
};

await main();
