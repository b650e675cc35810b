import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultServerLimits } from '../../src/config.js';
import { startJobRunner, type JobRunner } from '../../src/services/index.js';
import { addUser, PASSWORD } from '../support/accounts.js';
import {
  axeViolations,
  browserForTests,
  browserTargets,
  hasChromium,
  pageForTest,
  screenshotsDir,
  sidewaysOverflow,
  widths,
} from '../support/browser.js';
import { serverForTests } from '../support/server.js';

/** An operations manager's export of open positions: the titles sit in the third column. */
const openings = [
  'Ref;Team;Position;Hiring manager',
  'OPS-1;Platform;Sr. API Engineer (remote);Ines',
  'OPS-2;Data;sql writer;Tomás',
  'OPS-3;People;chief happiness wizard;Ines',
].join('\n');

describe.skipIf(!hasChromium).each(browserTargets)(
  'a bulk job run from the site in Chromium on $name',
  (target) => {
    const { server } = serverForTests(target);
    const browser = browserForTests();
    let runner: JobRunner | undefined;
    let dir: string;

    beforeAll(async () => {
      await addUser(server, 'olga', 'viewer');
      runner = startJobRunner(server.rolebook.ctx, {
        limits: defaultServerLimits,
        concurrency: 1,
        pollMs: 50,
      });
      dir = mkdtempSync(join(tmpdir(), 'rolebook-jobs-'));
    });
    afterAll(async () => {
      await runner?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('uploads a file, sees the job finish and downloads its rows with their roles', async () => {
      // Without script: the page must work as plain forms and links.
      const page = await pageForTest(browser(), {
        javaScriptEnabled: false,
        acceptDownloads: true,
      });
      const file = join(dir, 'open-positions.csv');
      writeFileSync(file, openings);

      await page.goto(`${server.url}/normalize`);
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Bulk jobs' })
        .click();
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await page.getByLabel('Name').fill('olga');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/normalize\/jobs$/);

      await page.getByLabel(/Column with the titles/).fill('Position');
      await page.getByLabel('File of titles (.csv or .txt)').setInputFiles(file);
      await page.getByRole('button', { name: 'Submit the job' }).click();
      await expect(page.getByRole('status').innerText()).resolves.toBe(
        'Submitted a job of 3 lines. It is listed below.',
      );

      const jobs = page.getByRole('table', { name: 'Your bulk jobs, newest first' });
      while ((await jobs.getByRole('cell', { name: 'Finished', exact: true }).count()) === 0) {
        await page.getByRole('link', { name: 'Refresh the list' }).click();
      }
      await expect(jobs.getByRole('cell', { name: /^3 of 3 lines/ }).count()).resolves.toBe(1);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        jobs.getByRole('link', { name: 'CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^rolebook-job-[0-9a-f]{8}\.csv$/);
      const rows = readFileSync(await download.path(), 'utf8')
        .trimEnd()
        .split(/\r?\n/);
      expect(rows).toHaveLength(4);
      // The file has a Team column of its own, so the answer's columns are told apart by name.
      expect(rows[0]).toMatch(/^Ref;Team;Position;Hiring manager;rolebook_code;rolebook_name;/);
      expect(rows[2]).toMatch(/^OPS-2;Data;sql writer;Tomás;[a-z][\w-]*;[^;]+;0\.\d+;/);
    }, 60_000);

    it.each(widths)(
      'shows the page at $viewport.width px with no axe violation and nothing wider than the screen',
      async ({ name, viewport }) => {
        const page = await pageForTest(browser(), { viewport, bypassCSP: true });
        await page.goto(`${server.url}/sign-in`);
        await page.getByLabel('Name').fill('olga');
        await page.getByLabel('Password').fill(PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.goto(`${server.url}/normalize/jobs`);
        expect(await axeViolations(page)).toEqual([]);
        expect(await sidewaysOverflow(page)).toBe(0);
        await page.screenshot({
          path: join(screenshotsDir(), `bulk-jobs-${name}.png`),
          fullPage: true,
        });
      },
    );
  },
);
