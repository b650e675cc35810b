/**
 * Every page of the built-in library as a reader's browser gets it: time to the last byte and
 * size compressed, next to the same HTML served as a static file, the fastest a server could
 * answer. Targets (recorded, not asserted): every page under 20 ms and under 100 KB compressed.
 *
 *   npx tsx bench/web/pages.ts [--runs 5] [--no-write]
 *
 * Both servers run in this process on loopback, one after the other, each request on a kept-
 * alive connection asking for `gzip` (the static server compresses on the fly with zlib's
 * default level, as a web server's gzip does); brotli sizes are Rolebook's own `br` answers.
 * A page's time is the median of `--runs` requests after one warm-up.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { getGlossary, listRoles } from '../../src/services/index.js';
import { writeResultsSection } from '../results-file.js';
import { serveLibrary } from './library-server.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'no-write': { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const HEADING = '## Web pages of the built-in library';
const TARGET_MS = 20;
const TARGET_BYTES = 100 * 1024;
const log = (line: string): void => void process.stderr.write(`${line}\n`);

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET, timed to its last byte; the body as it came over the wire (compressed). */
const get = (base: string, path: string, encoding: string) =>
  new Promise<{ ms: number; bytes: Buffer; status: number }>((resolve, reject) => {
    const started = performance.now();
    http
      .get(
        `${base}${path}`,
        { agent, headers: { accept: 'text/html', 'accept-encoding': encoding } },
        (response: IncomingMessage) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              ms: performance.now() - started,
              bytes: Buffer.concat(chunks),
              status: response.statusCode ?? 0,
            }),
          );
        },
      )
      .on('error', reject);
  });

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

const timed = async (base: string, path: string) => {
  await get(base, path, 'gzip');
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await get(base, path, 'gzip')).ms);
  return median(times);
};

const dir = mkdtempSync(join(tmpdir(), 'rolebook-bench-web-'));
const served = await serveLibrary(dir);
const { rolebook, url: rolebookUrl } = served;

const [roles, terms] = await Promise.all([
  listRoles(rolebook.ctx, { taxonomy: 'rolebook', limit: 500 }),
  getGlossary(rolebook.ctx),
]);
const letters = [...new Set(terms.map((t) => t.name.charAt(0).toUpperCase()))].filter((l) =>
  /[A-Z]/.test(l),
);
const pages = [
  '/',
  '/roles',
  '/terms',
  ...letters.map((l) => `/terms?letter=${l}`),
  ...roles.items.map((r) => `/roles/${r.code}`),
  ...terms.map((t) => `/terms/${t.slug}`),
  '/search?q=backend',
  '/search?q=data%20scentist',
  '/terms?q=kubernets',
  '/normalize',
  '/normalize?title=Sr.%20Backend%20Eng%20(Remote)',
  '/analyze',
  '/diagnose',
  '/compare',
  '/compare?roles=backend-developer,frontend-developer,devops-engineer',
  '/api',
];

// The reference: the same HTML, saved as files, served by a bare static server.
const files = new Map<string, string>();
for (const [i, path] of pages.entries()) {
  const file = join(dir, `${i}.html`);
  const { bytes, status } = await get(rolebookUrl, path, 'identity');
  if (status !== 200) throw new Error(`${path} answered ${status}`);
  writeFileSync(file, bytes);
  files.set(path, file);
}
const staticServer = http.createServer((request, response) => {
  const file = files.get(request.url ?? '');
  if (!file) return void response.writeHead(404).end();
  const body = gzipSync(readFileSync(file));
  response
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' })
    .end(body);
});
await new Promise<void>((resolve) => staticServer.listen(0, '127.0.0.1', resolve));
const staticUrl = `http://127.0.0.1:${(staticServer.address() as AddressInfo).port}`;

log(`${pages.length} pages, ${RUNS} runs each`);
interface Row {
  path: string;
  ms: number;
  staticMs: number;
  gzip: number;
  br: number;
  raw: number;
}
const rows: Row[] = [];
for (const path of pages) {
  const ms = await timed(rolebookUrl, path);
  const staticMs = await timed(staticUrl, path);
  const [gz, br] = [await get(rolebookUrl, path, 'gzip'), await get(rolebookUrl, path, 'br')];
  rows.push({
    path,
    ms,
    staticMs,
    gzip: gz.bytes.length,
    br: br.bytes.length,
    raw: readFileSync(files.get(path)!).length,
  });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const msOf = (n: number) => `${n.toFixed(2)} ms`;
const summary = (label: string, pick: (r: Row) => number, format: (n: number) => string) => {
  const xs = rows.map(pick);
  return `| ${label} | ${format(median(xs))} | ${format(quantile(xs, 0.95))} | ${format(Math.max(...xs))} |`;
};
const slowest = [...rows].sort((a, b) => b.ms - a.ms).slice(0, 8);
const largest = [...rows].sort((a, b) => b.gzip - a.gzip).slice(0, 8);
const overTime = rows.filter((r) => r.ms >= TARGET_MS).sort((a, b) => b.ms - a.ms);
const overSize = rows.filter((r) => r.gzip >= TARGET_BYTES && r.br >= TARGET_BYTES);
const ratio = median(rows.map((r) => r.ms / r.staticMs));

const section = `${HEADING}

Command: \`npx tsx bench/web/pages.ts\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, load average ${loadavg()[0]!.toFixed(2)} at the end of the run).

Every page of the built-in library (${pages.length}: home, role list, glossary and its ${letters.length} letters, ${roles.items.length} guides, ${terms.length} term pages, search, glossary search, the tools' forms and a result of each that a GET can reach, the API reference), SQLite, requested over loopback on a kept-alive connection with \`accept-encoding: gzip\`; time to the last byte, the median of ${RUNS} requests after a warm-up. Reference: the same HTML saved to files and served by a bare \`node:http\` server that reads the file and gzips it on each request, the least work any server can do for that page.

| per page | median | p95 | max |
| --- | --- | --- | --- |
${summary('Rolebook', (r) => r.ms, msOf)}
${summary('static file', (r) => r.staticMs, msOf)}
${summary(
  'Rolebook ÷ static file',
  (r) => r.ms / r.staticMs,
  (n) => `${n.toFixed(1)}×`,
)}
${summary('HTML', (r) => r.raw, kb)}
${summary('gzip', (r) => r.gzip, kb)}
${summary('brotli', (r) => r.br, kb)}

Targets: under ${TARGET_MS} ms: ${rows.length - overTime.length} of ${rows.length} pages${overTime.length > 0 ? ` (the slowest below)` : ''}; under 100 KB compressed: ${rows.length - overSize.length} of ${rows.length}${overSize.length > 0 ? ` (over: ${overSize.map((r) => `\`${r.path}\` ${kb(r.br)}`).join(', ')})` : ''}. Median ratio to the static file: ${ratio.toFixed(1)}×.

| slowest pages | Rolebook | static file | gzip | brotli |
| --- | --- | --- | --- | --- |
${slowest.map((r) => `| \`${r.path}\` | ${msOf(r.ms)} | ${msOf(r.staticMs)} | ${kb(r.gzip)} | ${kb(r.br)} |`).join('\n')}

| largest pages | Rolebook | static file | gzip | brotli |
| --- | --- | --- | --- | --- |
${largest.map((r) => `| \`${r.path}\` | ${msOf(r.ms)} | ${msOf(r.staticMs)} | ${kb(r.gzip)} | ${kb(r.br)} |`).join('\n')}
`;

process.stdout.write(section);
if (!values['no-write']) writeResultsSection(HEADING, section);
agent.destroy();
staticServer.close();
await served.close();
rmSync(dir, { recursive: true, force: true });
