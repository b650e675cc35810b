import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOnetRelease, systemActor } from '../../src/services/index.js';
import {
  axeViolations,
  browserForTests,
  browserTargets,
  hasChromium,
  pageForTest,
  pageForTests,
  screenshotsDir,
  sidewaysOverflow,
  tabTo,
  widths,
  withBuiltInLibrary,
} from '../support/browser.js';
import { onetFixtureRelease, type FixtureRelease } from '../support/release-fixtures.js';
import { startServer, type TestServer } from '../support/server.js';

describe.skipIf(!hasChromium).each(browserTargets)(
  'search and the lists in Chromium on $name',
  (target) => {
    let server: TestServer;
    const browser = browserForTests();
    let release: FixtureRelease;
    let screenshots: string;

    const openPage = (options: BrowserContextOptions = {}): Promise<Page> =>
      pageForTest(browser(), { viewport: widths[0].viewport, ...options });

    /** Types into the site's search box from the keyboard and waits for the suggestions. */
    const typeInSearchBox = async (page: Page, text: string) => {
      await page.goto(`${server.url}/`);
      await tabTo(page, '#site-search');
      // The list may first show the answer for a shorter prefix; wait for the one for all of it.
      const answered = page.waitForResponse(
        (response) =>
          new URL(response.url()).pathname === '/search/suggest' &&
          new URL(response.url()).searchParams.get('q') === text,
      );
      await page.keyboard.type(text);
      await (await answered).finished();
      await page.getByRole('listbox', { name: 'Suggestions' }).waitFor();
    };

    beforeAll(async () => {
      screenshots = screenshotsDir();
      server = await startServer(withBuiltInLibrary(target));
      release = await onetFixtureRelease();
      await importOnetRelease(server.rolebook.ctx, systemActor('test'), release.dir);
    });
    afterAll(async () => {
      await server?.close();
      await release?.dispose();
    });

    it('finds a guide from a search with a typo, and opens it', async () => {
      const page = await openPage({ javaScriptEnabled: false });
      await page.goto(`${server.url}/`);
      await page.getByLabel('Search roles and terms').fill('data scentist');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\?q=data\+scentist$/);
      await page
        .locator('#roles-heading + ol')
        .getByRole('link', { name: 'Data Scientist' })
        .click();
      await page.waitForURL(/\/roles\/data-scientist$/);
    });

    it('filters the roles by taxonomy and occupation group with the form', async () => {
      const page = await openPage({ javaScriptEnabled: false });
      await page.goto(`${server.url}/roles`);
      await page.getByLabel('Occupation group', { exact: true }).selectOption('onet-15');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/\/roles\?taxonomy=&group=onet-15&q=$/);
      const roles = page.locator('ol.results > li > a');
      await expect(roles.first().innerText()).resolves.toBe('AI Engineer');
      await expect(roles.allInnerTexts()).resolves.not.toContain('Chief Executives');
      await page.getByLabel('Name holds').fill('quality assurance');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/group=onet-15&q=quality\+assurance$/);
      await expect(roles.allInnerTexts()).resolves.toContain(
        'Software Quality Assurance Analysts and Testers',
      );
    });

    it('narrows a search to an occupation group', async () => {
      const page = await openPage({ javaScriptEnabled: false });
      await page.goto(`${server.url}/search?q=chief`);
      await page.getByLabel('Occupation group', { exact: true }).selectOption('onet-11');
      await page.getByRole('button', { name: 'Search', exact: true }).last().click();
      await page.waitForURL(/group=onet-11/);
      await expect(page.locator('#roles-heading + ol > li > a').allInnerTexts()).resolves.toEqual(
        expect.arrayContaining(['Chief Executives']),
      );
    });

    it('opens a suggestion chosen with the arrow keys', async () => {
      const page = await openPage();
      await typeInSearchBox(page, 'data scentist');
      const box = page.locator('#site-search');
      await expect
        .poll(() => page.getByRole('option').first().innerText())
        .toMatch(/^Data Scientist/);
      await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
      await page.keyboard.press('ArrowDown');
      const chosen = await box.getAttribute('aria-activedescendant');
      await expect(page.locator(`#${chosen}`).innerText()).resolves.toMatch(/^Data Scientist/);
      await expect(page.locator(`#${chosen}`).getAttribute('aria-selected')).resolves.toBe('true');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/roles\/data-scientist$/);
    });

    it('closes the suggestions with Escape and then searches for what was typed', async () => {
      const page = await openPage();
      await typeInSearchBox(page, 'kubernets');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('listbox', { name: 'Suggestions' }).isVisible()).resolves.toBe(
        false,
      );
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\?q=kubernets$/);
      await expect(page.locator('#terms-heading + ol > li > a').first().innerText()).resolves.toBe(
        'Kubernetes',
      );
    });

    it('keeps the suggestions closed after Escape when a slower answer arrives later', async () => {
      const page = await openPage();
      await typeInSearchBox(page, 'kubern');
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let answered!: () => void;
      const late = new Promise<void>((resolve) => (answered = resolve));
      await page.route(/\/suggest\?q=kubernetes$/, async (route) => {
        const response = await route.fetch();
        await held;
        await route.fulfill({ response });
        answered();
      });
      const asked = page.waitForRequest(/\/suggest\?q=kubernetes$/);
      await page.keyboard.type('etes');
      await asked;
      await page.keyboard.press('Escape');
      release();
      await late;
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
      await expect(page.getByRole('listbox', { name: 'Suggestions' }).isVisible()).resolves.toBe(
        false,
      );
    });

    it('finds a glossary term spelt wrong from the glossary page', async () => {
      const page = await openPage({ javaScriptEnabled: false });
      await page.goto(`${server.url}/terms`);
      await page.getByLabel('Find a term').fill('postgress');
      await page.getByRole('button', { name: 'Find' }).click();
      await page.getByRole('link', { name: 'PostgreSQL' }).first().click();
      await page.waitForURL(/\/terms\/postgresql$/);
    });

    const pages: { name: string; open: (page: Page) => Promise<unknown> }[] = [
      ['search-group', '/search?q=data%20scentist&group=onet-15'],
      ['roles-onet', '/roles?taxonomy=onet'],
      ['roles-group', '/roles?group=onet-15'],
      ['glossary-search', '/terms?q=kubernets'],
    ]
      .map(([name, path]): { name: string; open: (page: Page) => Promise<unknown> } => ({
        name: name!,
        open: (page: Page) => page.goto(`${server.url}${path}`),
      }))
      .concat({
        name: 'api-console',
        open: async (page) => {
          await page.goto(`${server.url}/v1/docs`);
          await page.locator('.opblock').first().waitFor();
        },
      })
      .concat({
        name: 'suggestions',
        open: async (page) => {
          await page.goto(`${server.url}/`);
          await page.locator('#site-search').focus();
          await page.keyboard.type('data');
          await page.getByRole('listbox', { name: 'Suggestions' }).waitFor();
          await page.keyboard.press('ArrowDown');
        },
      });

    describe.each(widths)('at $viewport.width px', ({ name: width, viewport }) => {
      const checkedPage = pageForTests(browser, { viewport, bypassCSP: true });
      it.each(pages.map((p) => [p.name, p] as const))(
        '%s has no axe violation and nothing wider than the screen',
        async (name, { open }) => {
          const page = checkedPage();
          await open(page);
          expect(await axeViolations(page)).toEqual([]);
          expect(await sidewaysOverflow(page)).toBe(0);
          await page.screenshot({ path: join(screenshots, `${name}-${width}.png`) });
        },
        60_000,
      );
    });
  },
);
