/**
 * One short term said over and over ("SQL SQL SQL ...") as a whole job description, posted to
 * `POST /v1/analyze` of one `rolebook serve` at several sizes, and to `POST /v1/diagnose` at its
 * largest accepted size: how long each answer takes. A text that repeats one term is where work
 * that grows with hits × hits shows first. `--baseline` runs another build the same way first.
 *
 *   npm run build && npx tsx bench/http/repeated-term.ts [--sizes 25,50,100] [--term SQL]
 *     [--baseline PATH/dist/cli/main.js]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_PROBLEM_INPUT_LENGTH } from '../../src/domain/text-input.js';
import { builtCli, requireBuiltCli } from '../built-cli.js';
import { startServer, waitUntilReady } from './server-process.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '25,50,100' },
    term: { type: 'string', default: 'SQL' },
    baseline: { type: 'string' },
  },
});
requireBuiltCli();
const sizes = values.sizes.split(',').map(Number);
const said = `${values.term} `;
const repeated = (chars: number) => said.repeat(Math.floor(chars / said.length));

const timed = async (url: string, text: string): Promise<string> => {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: text,
  });
  await response.arrayBuffer();
  return `${((performance.now() - started) / 1000).toFixed(2)} s (${response.status})`;
};

const run = async (cli: string, label: string, port: number): Promise<string> => {
  const dir = mkdtempSync(join(tmpdir(), 'rolebook-repeated-'));
  const server = startServer({ cli, database: join(dir, 'repeated.sqlite'), port });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(`${origin}/healthz`);
    const cells: string[] = [];
    for (const kb of sizes) cells.push(await timed(`${origin}/v1/analyze`, repeated(kb * 1000)));
    cells.push(await timed(`${origin}/v1/diagnose`, repeated(MAX_PROBLEM_INPUT_LENGTH)));
    return `| ${label} | ${cells.join(' | ')} |`;
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
};

const rows: string[] = [];
if (values.baseline) rows.push(await run(values.baseline, 'baseline', 3873));
rows.push(await run(builtCli, 'this build', 3874));
const heads = [
  ...sizes.map((kb) => `analyze ${kb} KB`),
  `diagnose ${MAX_PROBLEM_INPUT_LENGTH / 1000} K chars`,
];
console.log(
  `"${said.trim()} " repeated, posted as text/plain, one request at a time\n\n` +
    `| Build | ${heads.join(' | ')} |\n| --- |${heads.map(() => ' ---: |').join('')}\n${rows.join('\n')}`,
);
