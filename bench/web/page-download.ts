/**
 * A CSV file through the normalize page's "Download as CSV" in headless Chromium, by size: how
 * long until the file is saved, and how many POSTs the page sent for it. A file the page cannot
 * finish is reported as stalled after `--wait` seconds. Prints a Markdown table.
 *
 *   npx tsx bench/web/page-download.ts [--rows 60000,120000] [--width 35] [--wait 120]
 *
 * Each row is an id, one of three titles and a note of `--width` characters; the server runs in
 * this process on SQLite with a 4 s idle timeout, so a stalled upload is cut and sent again soon.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serveLibrary } from './library-server.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '60000,120000' },
    width: { type: 'string', default: '35' },
    wait: { type: 'string', default: '120' },
  },
});
const titles = ['Sr. API Engineer (Remote)', 'query writer', 'chief happiness wizard'];

const dir = mkdtempSync(join(tmpdir(), 'rolebook-page-download-'));
const { url, close } = await serveLibrary(dir, { idleTimeoutMs: 4_000 });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox'],
});

const lines = ['| rows (bytes) | file saved after | POSTs sent |', '| --- | ---: | ---: |'];
for (const rows of values.rows.split(',').map(Number)) {
  const file = join(dir, `titles-${rows}.csv`);
  const note = 'x'.repeat(Number(values.width));
  const body = Array.from({ length: rows }, (_, i) => `${i + 1},${titles[i % 3]},${note}`);
  writeFileSync(file, `id,Job Title,note\n${body.join('\n')}\n`);
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  let posts = 0;
  page.on('request', (request) => void (request.method() === 'POST' && posts++));
  await page.goto(`${url}/normalize`);
  await page.getByLabel('Or a CSV file').setInputFiles(file);
  await page.getByLabel(/Column with the titles/).fill('Job Title');
  const started = performance.now();
  const saved = await Promise.all([
    page.waitForEvent('download', { timeout: Number(values.wait) * 1_000 }),
    page.getByRole('button', { name: 'Download as CSV' }).click(),
  ]).then(
    () => `${((performance.now() - started) / 1_000).toFixed(1)} s`,
    () => `stalled (no file in ${values.wait} s)`,
  );
  const mb = (statSync(file).size / 1e6).toFixed(1);
  lines.push(`| ${rows.toLocaleString('en')} (${mb} MB) | ${saved} | ${posts} |`);
  process.stderr.write(`${lines.at(-1)}\n`);
  await context.close();
}
process.stdout.write(`load average ${loadavg()[0]!.toFixed(1)}\n\n${lines.join('\n')}\n`);
await browser.close();
await close();
rmSync(dir, { recursive: true, force: true });
