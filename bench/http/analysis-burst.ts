/**
 * A burst of large job-description analyses against one `rolebook serve`, with `GET /healthz`
 * sent every 300 ms throughout: how the analyses are answered (200, or 503 with Retry-After once
 * the queue is full) and how long the server keeps everything else waiting. `--baseline` runs
 * another build the same way first, for before and after in one run.
 *
 *   npm run build && npx tsx bench/http/analysis-burst.ts [--requests 20] [--kb 200]
 *     [--baseline PATH/dist/cli/main.js]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { builtCli, requireBuiltCli } from '../built-cli.js';
import { startServer, waitUntilReady } from './server-process.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '20' },
    kb: { type: 'string', default: '200' },
    baseline: { type: 'string' },
  },
});
requireBuiltCli();
const requests = Number(values.requests);
const sentence = 'Senior Java developer with Kubernetes, Terraform and AWS. ';
const text = sentence.repeat(Math.ceil((Number(values.kb) * 1000) / sentence.length));

const burst = async (cli: string, label: string, port: number): Promise<string> => {
  const dir = mkdtempSync(join(tmpdir(), 'rolebook-burst-'));
  const server = startServer({ cli, database: join(dir, 'burst.sqlite'), port });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(`${origin}/healthz`);
    let slowest = 0;
    const probes: Promise<void>[] = [];
    const timer = setInterval(() => {
      const sent = performance.now();
      probes.push(
        fetch(`${origin}/healthz`).then(async (response) => {
          await response.arrayBuffer();
          slowest = Math.max(slowest, performance.now() - sent);
        }),
      );
    }, 300);
    const started = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: requests }, async () => {
        const response = await fetch(`${origin}/v1/analyze`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text }),
        });
        await response.arrayBuffer();
        return response.status;
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    clearInterval(timer);
    await Promise.all(probes);
    const count = (status: number) => statuses.filter((s) => s === status).length;
    const other = statuses.filter((s) => s !== 200 && s !== 503);
    return (
      `| ${label} | ${count(200)} × 200, ${count(503)} × 503${other.length > 0 ? `, others ${other.join(' ')}` : ''} ` +
      `in ${seconds.toFixed(1)} s | ${(slowest / 1000).toFixed(2)} s |`
    );
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
};

const rows: string[] = [];
if (values.baseline) rows.push(await burst(values.baseline, 'baseline', 3871));
rows.push(await burst(builtCli, 'this build', 3872));
console.log(
  `${requests} concurrent POST /v1/analyze of ${(text.length / 1000).toFixed(0)} KB each\n\n` +
    `| Build | Analyses answered | Slowest /healthz |\n| --- | --- | ---: |\n${rows.join('\n')}`,
);
