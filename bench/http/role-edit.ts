/**
 * What one role edit costs a server holding a large library: the longest hold of the server's
 * event loop, and the latency of cheap requests sent meanwhile, around a single `PUT` of a role
 * (one alternative title added) followed by the first normalize request, which is the one that
 * finds the title index changed. Two libraries: the whole O*NET release imported, and a
 * generated one of 20,000 roles (a synthetic ESCO release, bench/import/generate-esco.ts).
 *
 *   npm run build && npx tsx bench/http/role-edit.ts [--onet DIR] [--roles 20000] [--edits 7]
 *     [--baseline PATH/dist/cli/main.js] [--no-write]
 *
 * Each built server runs in its own process on CPU 0 over a SQLite database of its own (a copy
 * of one import), and this process, which sends the requests, on CPU 1. `--baseline` runs
 * another build of the CLI (a copy of an earlier tree) through the same steps in the same run,
 * to show before and after side by side. Inside each server a module loaded with `--import`
 * ticks a 1 ms timer and reports the longest stretch between two ticks: the processor time the
 * process spent in it (robust to other processes taking the core) and its wall time.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { Agent, get } from 'node:http';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { builtCli, importOnetWithCli, requireBuiltCli } from '../built-cli.js';
import { generateEsco } from '../import/generate-esco.js';
import { onetFilesPresent } from '../normalize/onet-titles.js';
import { median } from '../median.js';
import { writeResultsSection } from '../results-file.js';
import { pinSelf, startServer, waitUntilReady } from './server-process.js';

const { values } = parseArgs({
  options: {
    onet: { type: 'string', default: '/work/shared/data/onet' },
    roles: { type: 'string', default: '20000' },
    edits: { type: 'string', default: '7' },
    baseline: { type: 'string' },
    port: { type: 'string', default: '3998' },
    'no-write': { type: 'boolean', default: false },
  },
});

const HEADING = '## A role edit on a server holding a large library';
const port = Number(values.port);
const origin = `http://127.0.0.1:${port}`;
const edits = Number(values.edits);
const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** Cheap requests per second during a window, and how long a window lasts. */
const PROBE_RATE = 200;
const WINDOW_SECONDS = 2;
/** When, into a window, the edit is sent: the probes have a quiet stretch before it. */
const EDIT_AFTER_MS = 300;

/**
 * Loaded into the server with --import: ticks a 1 ms timer and, between a "start" and a "stop"
 * message from this process, keeps the longest stretch between two ticks.
 */
const LOOP_WATCH = `
let last = performance.now();
let lastCpu = process.cpuUsage();
let longest = { cpuMs: 0, wallMs: 0 };
setInterval(() => {
  const now = performance.now();
  const cpu = process.cpuUsage();
  const cpuMs = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
  if (cpuMs > longest.cpuMs) longest = { cpuMs, wallMs: now - last };
  last = now;
  lastCpu = cpu;
}, 1).unref();
process.on('message', (message) => {
  if (message === 'stop') process.send(longest);
  longest = { cpuMs: 0, wallMs: 0 };
});
process.channel?.unref();
`;

interface Library {
  name: string;
  database: string;
  /** The role every edit changes, and the titles normalized after each edit. */
  role: string;
  titles: string[];
}

interface Window {
  holdCpuMs: number;
  holdWallMs: number;
  putMs: number;
  normalizeMs: number;
  /** The slowest cheap request of the window, timed from when it was due. */
  probeMaxMs: number;
}

/**
 * Sends `GET /healthz` every 1000 / PROBE_RATE ms for a window, each timed from when it was due
 * to its last byte; resolves to the slowest. A timer paces it rather than a spinning loop, so
 * the probe leaves the other processes of a shared machine their share.
 */
const probe = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const total = PROBE_RATE * WINDOW_SECONDS;
    const start = performance.now();
    let slowest = 0;
    let sent = 0;
    let answered = 0;
    const send = (): void => {
      const due = start + (sent * 1000) / PROBE_RATE;
      sent++;
      get(`${origin}/healthz`, { agent }, (response) => {
        response.resume();
        response.on('end', () => {
          slowest = Math.max(slowest, performance.now() - due);
          if (++answered === total) {
            agent.destroy();
            resolve(slowest);
          }
        });
      }).on('error', reject);
    };
    const timer = setInterval(() => {
      while (sent < total && start + (sent * 1000) / PROBE_RATE <= performance.now()) send();
      if (sent === total) clearInterval(timer);
    }, 1);
  });

interface Row {
  library: string;
  engine: string;
  edit: boolean;
  windows: Window[];
}

const cli = (path: string, database: string, args: string[]): string =>
  execFileSync(process.execPath, [path, '-d', database, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

interface Answer {
  body: string;
  etag: string | null;
  ms: number;
}

const timedFetch = async (url: string, init?: RequestInit): Promise<Answer> => {
  const began = performance.now();
  const response = await fetch(url, init);
  const body = await response.text();
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${body}`);
  return { body, etag: response.headers.get('etag'), ms: performance.now() - began };
};

/** Adds one alternative title to the role, as an editor saving the API's own answer would. */
const editRole = async (role: string, key: string, n: number): Promise<number> => {
  const stored = await timedFetch(`${origin}/v1/roles/${role}`);
  const body = JSON.parse(stored.body) as { alternativeTitles: string[] };
  body.alternativeTitles = [...body.alternativeTitles, `Benchmark Edit Title ${n}`];
  const { ms } = await timedFetch(`${origin}/v1/roles/${role}`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
      'if-match': stored.etag ?? '*',
    },
    body: JSON.stringify(body),
  });
  return ms;
};

const askServer = async (server: ChildProcess): Promise<{ cpuMs: number; wallMs: number }> => {
  const reply = once(server, 'message');
  server.send('stop');
  return (await reply)[0] as { cpuMs: number; wallMs: number };
};

/**
 * One window: cheap requests at an even pace throughout; at EDIT_AFTER_MS the edit (or, for a
 * quiet window, nothing), then at once one normalize request.
 */
const window = async (
  server: ChildProcess,
  library: Library,
  key: string,
  n: number,
  edit: boolean,
): Promise<Window> => {
  await askServer(server);
  const probes = probe();
  await sleep(EDIT_AFTER_MS);
  const putMs = edit ? await editRole(library.role, key, n) : 0;
  const title = library.titles[n % library.titles.length] as string;
  const { ms: normalizeMs } = await timedFetch(
    `${origin}/v1/normalize?title=${encodeURIComponent(title)}`,
  );
  const probeMaxMs = await probes;
  const hold = await askServer(server);
  return { holdCpuMs: hold.cpuMs, holdWallMs: hold.wallMs, putMs, normalizeMs, probeMaxMs };
};

const measure = async (
  engine: string,
  path: string,
  library: Library,
  key: string,
  dir: string,
): Promise<Row[]> => {
  const database = join(dir, `${engine}-${library.name}.sqlite`.replace(/[^\w.-]+/g, '-'));
  copyFileSync(library.database, database);
  const watch = join(dir, 'loop-watch.mjs');
  writeFileSync(watch, LOOP_WATCH);
  const server = startServer({ cli: path, database, port, preload: watch, ipc: true });
  try {
    await waitUntilReady(`${origin}/readyz`);
    for (const title of library.titles.slice(0, 200)) {
      await timedFetch(`${origin}/v1/normalize?title=${encodeURIComponent(title)}`);
    }
    const quiet: Window[] = [];
    const edited: Window[] = [];
    for (let n = 0; n < edits; n++) {
      log(`${engine}, ${library.name}: edit ${n + 1} of ${edits}`);
      quiet.push(await window(server, library, key, 2 * n, false));
      edited.push(await window(server, library, key, 2 * n + 1, true));
    }
    return [
      { library: library.name, engine, edit: false, windows: quiet },
      { library: library.name, engine, edit: true, windows: edited },
    ];
  } finally {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
};

const ms = (value: number): string => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

/** The median of a figure over the windows, and its range. */
const spread = (windows: Window[], figure: (w: Window) => number): string => {
  const xs = windows.map(figure);
  return `${ms(median(xs))} (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})`;
};

const cores = availableParallelism();

const render = (rows: Row[], notes: string[], loads: [number, number]): string => {
  const args = process.argv.slice(2).join(' ');
  return [
    HEADING,
    '',
    `Command: \`npm run build && npx tsx bench/http/role-edit.ts${args ? ` ${args}` : ''}\` ` +
      `(${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ` +
      `${cores} cores shared with other work, load average ` +
      `${loads[0].toFixed(1)} before and ${loads[1].toFixed(1)} after).`,
    '',
    `Each built server on CPU 0 over a SQLite database of its own, the requests from CPU 1. Per ` +
      `server, after 200 normalize requests to warm it, ${edits} pairs of ${WINDOW_SECONDS}-second ` +
      `windows, each with \`GET /healthz\` at ${PROBE_RATE}/s throughout (timed from when each was ` +
      `due): a quiet window sends one normalize request ` +
      `${EDIT_AFTER_MS} ms in; an edit window first sends a \`PUT /v1/roles/…\` adding one ` +
      `alternative title to the role, then that normalize request. Event-loop hold: the longest ` +
      `stretch between two ticks of a 1 ms timer inside the server, as the process's processor ` +
      `time (wall time in the next column). Medians over the windows, range in brackets.`,
    '',
    ...notes,
    '',
    '| library | engine | window | event-loop hold (CPU) | hold (wall) | PUT | normalize after | slowest /healthz |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.library} | ${r.engine} | ${r.edit ? 'edit' : 'quiet'} | ` +
        `${spread(r.windows, (w) => w.holdCpuMs)} | ${spread(r.windows, (w) => w.holdWallMs)} | ` +
        `${r.edit ? spread(r.windows, (w) => w.putMs) : '–'} | ` +
        `${spread(r.windows, (w) => w.normalizeMs)} | ${spread(r.windows, (w) => w.probeMaxMs)} |`,
    ),
    '',
  ].join('\n');
};

/** The first published role of a taxonomy in the database, as `taxonomy/code`. */
const firstRole = (database: string, taxonomy: string): string => {
  const db = new Database(database, { readonly: true });
  try {
    const row = db
      .prepare("SELECT code FROM roles WHERE taxonomy = ? AND status = 'published' LIMIT 1")
      .get(taxonomy) as { code: string };
    return `${taxonomy}/${encodeURIComponent(row.code)}`;
  } finally {
    db.close();
  }
};

const main = async (): Promise<void> => {
  requireBuiltCli();
  const loadBefore = loadavg()[0] as number;
  const dir = mkdtempSync(join(tmpdir(), 'rolebook-role-edit-'));
  try {
    const libraries: Library[] = [];
    const notes: string[] = [];
    const postingTitles = [
      'Senior Backend Engineer - Remote',
      'Sr. Data Enginer (NYC)',
      'Registered Nurse, ICU',
      'Head of Product, Berlin',
      'Forklift Operator 2nd shift',
    ];
    if (onetFilesPresent(values.onet)) {
      log('importing O*NET');
      const database = join(dir, 'onet.sqlite');
      importOnetWithCli(database, values.onet);
      libraries.push({ name: 'O*NET', database, role: 'onet/15-1252.00', titles: postingTitles });
    } else {
      log(`Skipped the O*NET library: no O*NET files in ${values.onet} (pass --onet DIR).`);
      notes.push(`- O*NET skipped: no O*NET files in ${values.onet}.`);
    }
    const roles = Number(values.roles);
    log(`generating and importing ${roles.toLocaleString('en-US')} roles`);
    const esco = join(dir, 'esco');
    await generateEsco(esco, { occupations: roles, skills: 200, relations: 2_000 });
    const generated = join(dir, 'generated.sqlite');
    cli(builtCli, generated, ['import', 'esco', esco]);
    libraries.push({
      name: `generated, ${roles.toLocaleString('en-US')} roles`,
      database: generated,
      role: firstRole(generated, 'esco'),
      titles: ['kalomer tinsa', 'vo ricden operator', ...postingTitles],
    });
    const engines: Array<[string, string]> = [
      ...(values.baseline ? [['baseline', values.baseline] as [string, string]] : []),
      ['this tree', builtCli],
    ];
    pinSelf(1);
    const rows: Row[] = [];
    for (const library of libraries) {
      const key = cli(builtCli, library.database, ['keys', 'create', '--name', 'bench']).trim();
      for (const [engine, path] of engines) {
        rows.push(...(await measure(engine, path, library, key, dir)));
      }
    }
    const section = render(rows, notes, [loadBefore, loadavg()[0] as number]);
    process.stdout.write(`${section}\n`);
    if (!values['no-write']) writeResultsSection(HEADING, section);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

await main();
