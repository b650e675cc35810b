import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  browserForTests,
  browserTargets,
  hasChromium,
  pageForTest,
  pageForTests,
  screenshotDir as screenshots,
  sidewaysOverflow,
  widths,
  withBuiltInLibrary,
} from '../support/browser.js';
import { serverForTests } from '../support/server.js';

const fixtures = join(import.meta.dirname, '../fixtures/web');

const posting = `Senior Backend Engineer

About the role
You will build and run our REST APIs in Go and PostgreSQL, deployed with Docker.

Requirements
5+ years of experience building web services.`;

const problem = 'Our website gets slow whenever traffic spikes and nobody knows why';

describe.skipIf(!hasChromium).each(browserTargets)('the tools in Chromium on $name', (target) => {
  const { server } = serverForTests(withBuiltInLibrary(target));
  const browser = browserForTests();

  const openPage = (options: BrowserContextOptions = {}): Promise<Page> =>
    pageForTest(browser(), { viewport: widths[0].viewport, acceptDownloads: true, ...options });

  /** Presses Tab until the element matching `selector` has focus, as a keyboard user would. */
  const tabTo = async (page: Page, selector: string) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(
        `document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`,
      );
      if (focused === true) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  };

  const analyzePosting = async (page: Page) => {
    await page.goto(`${server.url}/analyze`);
    await page.getByLabel('Job description').fill(posting);
    await page.getByRole('button', { name: 'Analyze' }).click();
    await page.waitForSelector('#results-heading');
  };

  it('finds a guide from a misspelt search and says which title matched', async () => {
    const page = await openPage();
    await page.goto(`${server.url}/`);
    await page.getByLabel('Search roles and terms').fill('bakend');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=bakend$/);
    const first = page.locator('#roles-heading + ol > li').first();
    await expect(first.innerText()).resolves.toContain('matched “Backend Engineer”');
    await first.getByRole('link', { name: 'Backend Developer' }).click();
    await page.waitForURL(/\/roles\/backend-developer$/);
  });

  it('analyzes a pasted posting: the likely role with evidence, seniority and what it lacks', async () => {
    const page = await openPage();
    await analyzePosting(page);
    const roles = page.locator('section[aria-labelledby="roles-heading"] li > a');
    await expect(roles.first().innerText()).resolves.toBe('Backend Developer');
    await expect(page.locator('main').innerText()).resolves.toContain('Senior, as the title says');
    await expect(
      page.locator('section[aria-labelledby="parts-heading"] ul').first().innerText(),
    ).resolves.toContain('Pay');
  });

  it('shows the analysis in view once the posting is sent, not below the form', async () => {
    const page = await openPage();
    await analyzePosting(page);
    await expect
      .poll(() =>
        page.evaluate('document.getElementById("results-heading").getBoundingClientRect().top'),
      )
      .toBeLessThan(widths[0].viewport.height / 2);
  });

  it('explains a marked term when the pointer rests on it', async () => {
    const page = await openPage();
    await analyzePosting(page);
    const mark = page.locator('mark.term', { hasText: 'PostgreSQL' }).first();
    await expect(mark.locator('.tip').isVisible()).resolves.toBe(false);
    await mark.hover();
    await expect(mark.locator('.tip').isVisible()).resolves.toBe(true);
    await expect(mark.locator('.tip').innerText()).resolves.toMatch(/^PostgreSQL: /);
  });

  it('explains a marked term when it is tapped on a phone', async () => {
    const page = await openPage({ viewport: widths[1].viewport, hasTouch: true, isMobile: true });
    await analyzePosting(page);
    const mark = page.locator('mark.term', { hasText: 'Docker' }).first();
    await mark.tap();
    await expect(mark.locator('.tip').isVisible()).resolves.toBe(true);
  });

  it('gives the title box the whole row of its form on a phone', async () => {
    const page = await openPage({ viewport: widths[1].viewport });
    await page.goto(`${server.url}/`);
    const box = await page.getByLabel('Have a job title you are unsure of?').boundingBox();
    const form = await page.locator('main form').first().boundingBox();
    expect(box?.width).toBe(form?.width);
    expect(await sidewaysOverflow(page)).toBe(0);
  });

  it('analyzes an uploaded Word document', async () => {
    const page = await openPage();
    await page.goto(`${server.url}/analyze`);
    await page
      .getByLabel('Or upload a file')
      .setInputFiles(join(fixtures, 'data-engineer-posting.docx'));
    await page.getByRole('button', { name: 'Analyze' }).click();
    await page.waitForSelector('#results-heading');
    await expect(page.locator('#results-heading').innerText()).resolves.toContain(
      'data-engineer-posting.docx',
    );
    await expect(
      page.locator('section[aria-labelledby="roles-heading"] li > a').first().innerText(),
    ).resolves.toBe('Data Engineer');
    await expect(page.locator('mark.term', { hasText: 'Airflow' }).count()).resolves.toBe(1);
  });

  it('says what is wrong with an empty posting, beside the form', async () => {
    const page = await openPage();
    await page.goto(`${server.url}/analyze`);
    await page.getByRole('button', { name: 'Analyze' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toContain('paste a job description');
  });

  it('names the role for a problem told in plain words', async () => {
    const page = await openPage();
    await page.goto(`${server.url}/diagnose`);
    await page.getByLabel('What goes wrong').fill(problem);
    await page.getByRole('button', { name: 'Find the role' }).click();
    await page.waitForSelector('#results-heading');
    await expect(page.locator('.diagnosis h3').first().innerText()).resolves.toBe(
      'Backend Developer',
    );
  });

  it('shows the roles in view on a phone once the problem is sent, not below the form', async () => {
    const page = await openPage({ viewport: widths[1].viewport });
    await page.goto(`${server.url}/diagnose`);
    await page.getByLabel('What goes wrong').fill(problem);
    await page.getByRole('button', { name: 'Find the role' }).click();
    await page.waitForSelector('#results-heading');
    await expect
      .poll(() =>
        page.evaluate('document.getElementById("results-heading").getBoundingClientRect().top'),
      )
      .toBeLessThan(widths[1].viewport.height / 2);
  });

  it('compares two roles picked in the form at an address that can be shared', async () => {
    const page = await openPage();
    await page.goto(`${server.url}/compare`);
    await page.getByLabel('Role 1').selectOption({ label: 'Backend Developer' });
    await page.getByLabel('Role 2').selectOption({ label: 'Frontend Developer' });
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.waitForURL(/\/compare\?roles=backend-developer%2Cfrontend-developer$/);
    await expect(page.locator('h1').innerText()).resolves.toBe(
      'Backend Developer vs Frontend Developer',
    );
    await expect(page.locator('#terms-heading').isVisible()).resolves.toBe(true);
    await expect(
      page.getByRole('heading', { name: 'Only Frontend Developer' }).count(),
    ).resolves.toBe(4);
  });

  it('normalizes the titles of an uploaded CSV column and flags the doubtful rows', async () => {
    const page = await openPage();
    await page.goto(`${server.url}/normalize`);
    await page.getByLabel('Or a CSV file').setInputFiles(join(fixtures, 'titles.csv'));
    await page.getByLabel(/Column with the titles/).fill('Job Title');
    await page.getByRole('button', { name: 'Normalize the list' }).click();
    await page.waitForSelector('table.stack-table');
    const rows = page.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(4);
    await expect(rows.nth(1).innerText()).resolves.toContain('Data Scientist');
    await expect(rows.nth(3).getAttribute('class')).resolves.toBe('flagged');
  });

  it('finds the column headed Job Title by itself when no column is named', async () => {
    const page = await openPage();
    await page.goto(`${server.url}/normalize`);
    await page.getByLabel('Or a CSV file').setInputFiles(join(fixtures, 'titles.csv'));
    await page.getByRole('button', { name: 'Normalize the list' }).click();
    await page.waitForSelector('table.stack-table');
    await expect(page.locator('tbody tr').count()).resolves.toBe(4);
    await expect(page.locator('tbody').innerText()).resolves.not.toContain('Job Title');
  });

  it('keeps the columns of an uploaded CSV file in the table and its download, without script', async () => {
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/normalize`);
    await page.getByLabel('Or a CSV file').setInputFiles(join(fixtures, 'titles.csv'));
    await page.getByRole('button', { name: 'Normalize the list' }).click();
    await page.waitForSelector('table.stack-table');
    const headers = await page.locator('thead th').allInnerTexts();
    expect(headers.slice(0, 4)).toEqual(['req_id', 'Job Title', 'team', 'Role']);
    await expect(page.locator('tbody tr').first().innerText()).resolves.toMatch(
      /R-101\s+Sr\. Backend Eng \(Remote\)\s+platform\s+Backend Developer/,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8').split('\n');
    // The input's own team column clashes with a result column: all of them are prefixed.
    expect(csv[0]).toMatch(/^req_id,Job Title,team,rolebook_code,rolebook_name,rolebook_score,/);
    expect(csv[1]).toMatch(/^R-101,Sr\. Backend Eng \(Remote\),platform,backend-developer,/);
    expect(csv[3]).toMatch(/^R-103,"Frontend Developer, React",web,frontend-developer,/);
  });

  /** Normalizes a CSV file as the table, then downloads it from the table's page. */
  const downloadFromResultPage = async (file: string, column = ''): Promise<string[]> => {
    const page = await openPage();
    await page.goto(`${server.url}/normalize`);
    await page.getByLabel('Or a CSV file').setInputFiles({
      name: 'titles.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(file),
    });
    await page.getByLabel(/Column with the titles/).fill(column);
    await page.getByRole('button', { name: 'Normalize the list' }).click();
    await page.waitForSelector('table.stack-table');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    return readFileSync(await download.path(), 'utf8').split('\n');
  };

  it('downloads from the result page every row of an uploaded CSV file, one that cannot be read in its place saying why', async () => {
    const csv = await downloadFromResultPage(
      'req_id,Job Title\nR-1,Sr. Backend Eng\nR-2,"QA Lead\n',
    );
    expect(csv).toHaveLength(4);
    expect(csv[1]).toMatch(/^R-1,Sr\. Backend Eng,backend-developer,/);
    expect(csv[2]).toMatch(/^,{15}line 3 cannot be read: Quote Not Closed\b[^,]*$/);
  });

  it('refuses a CSV file where no header names the titles, saying why beside the form', async () => {
    const page = await openPage();
    await page.goto(`${server.url}/normalize`);
    await page.getByLabel('Or a CSV file').setInputFiles({
      name: 'titles.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('R-1,Sr. Backend Eng\nR-2,Data Engineer\n'),
    });
    await page.getByRole('button', { name: 'Normalize the list' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain(
      'no column header of the CSV names job titles',
    );
  });

  it('downloads the normalized titles as CSV', async () => {
    const page = await openPage();
    await page.goto(`${server.url}/normalize`);
    await page
      .getByLabel('Titles, one a line')
      .fill('Sr. Backend Eng (Remote)\nchief happiness wizard');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8').split('\n');
    expect(csv[0]).toMatch(/^title,code,name,score,matched_title,taxonomy,/);
    expect(csv[1]).toMatch(/^Sr\. Backend Eng \(Remote\),backend-developer,Backend Developer,/);
    expect(csv[2]).toMatch(/^chief happiness wizard,,,/);
  });

  describe('with the keyboard only', () => {
    it('analyzes a posting and reads a term’s explanation on focus', async () => {
      const page = await openPage();
      await page.goto(`${server.url}/analyze`);
      await tabTo(page, '#jd-text');
      await page.keyboard.insertText(posting);
      await tabTo(page, 'form.stack button[type="submit"]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#results-heading');
      await tabTo(page, 'mark.term');
      const tip = page.locator('mark.term:focus .tip');
      await expect(tip.isVisible()).resolves.toBe(true);
    });

    it('finds the role for a problem', async () => {
      const page = await openPage();
      await page.goto(`${server.url}/diagnose`);
      await tabTo(page, '#problem-text');
      await page.keyboard.insertText(problem);
      await tabTo(page, 'form.stack button');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#results-heading');
      await tabTo(page, '.diagnosis h3 a');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/roles\/backend-developer$/);
    });

    it('compares two roles', async () => {
      const page = await openPage();
      await page.goto(`${server.url}/compare`);
      await tabTo(page, '#role-0');
      await page.keyboard.type('Backend');
      await tabTo(page, '#role-1');
      await page.keyboard.type('Frontend');
      await tabTo(page, 'form.filter button');
      await page.keyboard.press('Enter');
      await page.waitForURL(/roles=backend-developer%2Cfrontend-developer$/);
    });

    it('normalizes a pasted list of titles', async () => {
      const page = await openPage();
      await page.goto(`${server.url}/normalize`);
      await tabTo(page, '#bulk-titles');
      await page.keyboard.insertText('data scentist\nSr. Backend Eng');
      await tabTo(page, 'button[value="html"]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('table.stack-table');
      await expect(page.locator('tbody tr').count()).resolves.toBe(2);
    });
  });

  /** Every page of the site, each reached as a reader would: by address or by sending a form. */
  const pages: { name: string; open: (page: Page) => Promise<unknown> }[] = [
    ['home', '/'],
    ['roles', '/roles'],
    ['guide', '/roles/backend-developer'],
    ['glossary', '/terms'],
    ['term', '/terms/api'],
    ['search', '/search?q=backend'],
    ['search-typo', '/search?q=data%20scentist'],
    ['normalize', '/normalize'],
    ['normalized-title', '/normalize?title=Sr.%20Backend%20Eng%20(Remote)'],
    ['analyze', '/analyze'],
    ['diagnose', '/diagnose'],
    ['compare', '/compare'],
    ['comparison', '/compare?roles=backend-developer,frontend-developer,devops-engineer'],
    ['api', '/api'],
    ['not-found', '/no-such-page'],
  ]
    .map((entry): { name: string; open: (page: Page) => Promise<unknown> } => {
      const [name, path] = entry;
      return {
        name: name!,
        open: (page: Page) => page.goto(`${server.url}${path}`),
      };
    })
    .concat([
      { name: 'analysis', open: analyzePosting },
      {
        name: 'diagnosis',
        open: async (page) => {
          await page.goto(`${server.url}/diagnose`);
          await page.getByLabel('What goes wrong').fill(problem);
          await page.getByRole('button', { name: 'Find the role' }).click();
          await page.waitForSelector('#results-heading');
        },
      },
      {
        name: 'normalized-list',
        open: async (page) => {
          await page.goto(`${server.url}/normalize`);
          await page.getByLabel('Or a CSV file').setInputFiles(join(fixtures, 'titles.csv'));
          await page.getByLabel(/Column with the titles/).fill('Job Title');
          await page.getByRole('button', { name: 'Normalize the list' }).click();
          await page.waitForSelector('table.stack-table');
        },
      },
    ]);

  describe.each(widths)('every page at $viewport.width px', ({ name: width, viewport }) => {
    // axe is injected as a script, which the site's policy would refuse.
    const checkedPage = pageForTests(browser, { viewport, bypassCSP: true });
    it.each(pages.map((p) => [p.name, p] as const))(
      '%s has no axe violation in light or dark mode, and nothing wider than the screen',
      async (name, { open }) => {
        // Dark mode is checked at one width: the colours do not change with the width.
        const schemes = width === 'desktop' ? (['light', 'dark'] as const) : (['light'] as const);
        const page = checkedPage();
        await open(page);
        for (const colorScheme of schemes) {
          await page.emulateMedia({ colorScheme });
          expect(await axeViolations(page, colorScheme === 'light' ? 'all' : 'colours')).toEqual(
            [],
          );
          expect(await sidewaysOverflow(page)).toBe(0);
          await page.screenshot({
            path: join(screenshots, `${name}-${width}-${colorScheme}.png`),
            // A page taller than a few screens is shot as far as an image can reasonably hold.
            fullPage: (await page.evaluate<number>('document.body.scrollHeight')) < 16_000,
          });
        }
      },
      120_000,
    );
  });
});
