import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserForTests,
  browserTargets,
  hasChromium,
  screenshotsDir,
  widths,
} from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';

/** Enough rows that the stream arrives in many pieces: one title and an id a line. */
const ROWS = 5_000;
const titles = ['Sr. API Engineer (Remote)', 'query writer', 'chief happiness wizard'];

describe.skipIf(!hasChromium)('a large CSV file normalized in Chromium', () => {
  let server: TestServer;
  const browser = browserForTests();
  let dir: string;
  let csv: string;

  const chooseFile = async (page: Page, column: string, file = csv) => {
    await page.goto(`${server.url}/normalize`);
    await page.getByLabel('Or a CSV file').setInputFiles(file);
    await page.getByLabel(/Column with the titles/).fill(column);
  };

  beforeAll(async () => {
    server = await startServer(browserTargets[0]!);
    dir = mkdtempSync(join(tmpdir(), 'rolebook-bulk-'));
    csv = join(dir, 'titles.csv');
    const lines = Array.from({ length: ROWS }, (_, i) => `${i + 1},${titles[i % titles.length]}`);
    writeFileSync(csv, `id,Job Title\n${lines.join('\n')}\n`);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams the download with a progress bar that reaches every row', async () => {
    const page = await (await browser().newContext({ acceptDownloads: true })).newPage();
    await chooseFile(page, 'Job Title');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('titles-normalized.csv');
    const rows = readFileSync(await download.path(), 'utf8')
      .trimEnd()
      .split(/\r?\n/);
    expect(rows).toHaveLength(ROWS + 1);
    expect(rows[1]).toMatch(/^1,Sr\. API Engineer \(Remote\),/);
    const progress = page.getByRole('progressbar', { name: 'Rows normalized' });
    await expect(progress.getAttribute('value')).resolves.toBe(String(ROWS));
    await expect(page.locator('form[data-stream]').getByRole('status').innerText()).resolves.toBe(
      `All ${ROWS} rows normalized; the file is saved as titles-normalized.csv.`,
    );
    await page.screenshot({ path: join(screenshotsDir(), 'normalize-streamed-desktop.png') });
    await page.context().close();
  });

  it('finishes a file larger than the connection holds while it is sent', async () => {
    const rows = 10_000;
    const big = join(dir, 'openings-q1.csv');
    const note = 'x'.repeat(1_000);
    const lines = Array.from({ length: rows }, (_, i) => `${i + 1},${titles[i % 3]},${note}`);
    writeFileSync(big, `id,Job Title,note\n${lines.join('\n')}\n`);
    const page = await (await browser().newContext({ acceptDownloads: true })).newPage();
    await chooseFile(page, 'Job Title', big);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('openings-q1-normalized.csv');
    const answer = readFileSync(await download.path(), 'utf8')
      .trimEnd()
      .split('\n');
    expect(answer).toHaveLength(rows + 1);
    expect(answer.filter((line) => line.startsWith('id,'))).toHaveLength(1);
    expect(answer.at(-1)).toMatch(new RegExp(`^${rows},`));
    await page.context().close();
  }, 120_000);

  it('keeps a quoted line break in its row when the file goes in parts', async () => {
    const rows = 4_500;
    const quoted = join(dir, 'quoted.csv');
    const lines = Array.from({ length: rows }, (_, i) => `${i + 1},"Data\nEngineer",plain`);
    writeFileSync(quoted, `id,Job Title,note\n${lines.join('\n')}\n`);
    const page = await (await browser().newContext({ acceptDownloads: true })).newPage();
    await chooseFile(page, 'Job Title', quoted);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    const answer = readFileSync(await download.path(), 'utf8');
    expect(answer.match(/^\d+,"Data\nEngineer",plain,/gm)).toHaveLength(rows);
    await page.context().close();
  });

  it('reads the header under a title line in every part of the file', async () => {
    const rows = 2_500;
    const titled = join(dir, 'titled.csv');
    const lines = Array.from({ length: rows }, (_, i) => `${i + 1},${titles[i % 3]}`);
    writeFileSync(titled, `Open roles Q3\nid,Job Title\n${lines.join('\n')}\n`);
    const page = await (await browser().newContext({ acceptDownloads: true })).newPage();
    await chooseFile(page, 'Job Title', titled);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    const answer = readFileSync(await download.path(), 'utf8')
      .trimEnd()
      .split('\n');
    expect(answer).toHaveLength(rows + 1);
    expect(answer[0]).toMatch(/^id,Job Title,code,/);
    expect(answer.at(-1)).toMatch(/^2500,Sr\. API Engineer \(Remote\),/);
    await page.context().close();
  });

  it('stops a running download on Cancel and saves nothing', async () => {
    const page = await browser().newPage();
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await chooseFile(page, 'Job Title');
    await page.route('**/v1/normalize?*', async (route) => {
      await page.getByRole('button', { name: 'Cancel' }).click();
      await route.continue();
    });
    await page.getByRole('button', { name: 'Download as CSV' }).click();
    const status = page.locator('form[data-stream] [role=status]');
    await status.filter({ hasText: 'Cancelled: the file was not normalized.' }).waitFor();
    expect(posts).toHaveLength(1);
    await expect(page.getByText('Save the normalized file again').isHidden()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Cancel' }).isHidden()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Download as CSV' }).isEnabled()).resolves.toBe(
      true,
    );
    await page.close();
  });

  it('says why a file with no such column was not normalized', async () => {
    const page = await browser().newPage({ viewport: widths[1].viewport });
    await chooseFile(page, 'Position');
    await page.getByRole('button', { name: 'Download as CSV' }).click();
    await page
      .locator('form[data-stream] [role=status]')
      .filter({ hasText: /^The file was not normalized: .*Position/ })
      .waitFor();
    await page.close();
  });

  it('still downloads a CSV file through the form without script', async () => {
    const context = await browser().newContext({ acceptDownloads: true, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/normalize`);
    await page
      .getByLabel('Or a CSV file')
      .setInputFiles(join(import.meta.dirname, '../fixtures/web/titles.csv'));
    await page.getByLabel(/Column with the titles/).fill('Job Title');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    const rows = readFileSync(await download.path(), 'utf8')
      .trimEnd()
      .split(/\r?\n/);
    expect(rows[0]).toMatch(/^req_id,Job Title,team,rolebook_code,rolebook_name,/);
    expect(rows).toHaveLength(5);
    await context.close();
  });
});
