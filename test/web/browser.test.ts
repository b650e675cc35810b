import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserForTests,
  browserTargets,
  hasChromium,
  pageForTest,
  withBuiltInLibrary,
} from '../support/browser.js';
import { serverForTests } from '../support/server.js';

const guideHeadings = [
  'What does a Backend Developer do?',
  'What a Backend Developer is responsible for',
  'Why hire a Backend Developer?',
  'What are the signs that you need a Backend Developer?',
  'Terms a recruiter should know',
  'Skills',
  'Technologies',
  'Related roles',
  'Learn more',
  'Codes in other taxonomies',
];

describe.skipIf(!hasChromium).each(browserTargets)('the site in Chromium on $name', (target) => {
  const { server } = serverForTests(withBuiltInLibrary(target));
  const browser = browserForTests();
  const cspViolations: string[] = [];

  const openPage = async (options: { javaScriptEnabled?: boolean } = {}): Promise<Page> => {
    const page = await pageForTest(browser(), {
      viewport: { width: 1280, height: 900 },
      ...options,
    });
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
    return page;
  };

  /** Home → search box → the Backend Developer result. */
  const findBackendGuide = async (page: Page) => {
    await page.goto(`${server.url}/`);
    await page.getByLabel('Search roles and terms').fill('backend');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/\/search\?q=backend$/);
    await page.getByRole('link', { name: 'Backend Developer', exact: true }).click();
    await page.waitForURL(/\/roles\/backend-developer$/);
  };

  const sectionHeadings = (page: Page) => page.locator('main h2').allInnerTexts();

  it('leads from a search on the home page to the Backend Developer guide', async () => {
    const page = await openPage();
    await findBackendGuide(page);
    await expect(page.locator('h1').innerText()).resolves.toBe('Backend Developer');
    await page.screenshot({ path: '/tmp/backend-guide.png', fullPage: true });
  });

  it('shows every section of the guide', async () => {
    const page = await openPage();
    await page.goto(`${server.url}/roles/backend-developer`);
    expect(await sectionHeadings(page)).toEqual(expect.arrayContaining(guideHeadings));
    await expect(page.locator('.aka').innerText()).resolves.toMatch(
      /^Also known as: .*Backend Engineer/,
    );
  });

  it('shows the terms a recruiter should know, with their examples', async () => {
    const page = await openPage();
    await page.goto(`${server.url}/roles/backend-developer`);
    const terms = await page.locator('#terms dfn').allInnerTexts();
    expect(terms).toEqual(
      expect.arrayContaining(['API', 'Database Management System', 'Scalability']),
    );
    await expect(page.locator('#term-dbms .examples').innerText()).resolves.toContain('PostgreSQL');
  });

  it('leaves no placeholder in the visible text', async () => {
    const page = await openPage();
    await page.goto(`${server.url}/roles/backend-developer`);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/[{}]/);
  });

  it('works with JavaScript turned off', async () => {
    const page = await openPage({ javaScriptEnabled: false });
    await findBackendGuide(page);
    expect(await sectionHeadings(page)).toEqual(expect.arrayContaining(guideHeadings));
  });

  it('opens a term page from a term link', async () => {
    const page = await openPage();
    await page.goto(`${server.url}/roles/backend-developer`);
    await page.locator('#terms').getByRole('link', { name: 'Database Management System' }).click();
    await page.waitForURL(/\/terms\/dbms$/);
    await expect(page.locator('h1').innerText()).resolves.toContain('Database Management System');
    await expect(page.locator('main').innerText()).resolves.toContain('Backend Developer');
  });

  it('normalizes a noisy title to Backend Developer with the form', async () => {
    const page = await openPage();
    await page.goto(`${server.url}/normalize`);
    await page.getByLabel('Job title').fill('Sr. Back-end Eng (Node) - Remote');
    await page.getByRole('button', { name: 'Normalize', exact: true }).click();
    await page.waitForURL(/\/normalize\?title=/);
    await expect(page.locator('tbody tr').first().getByRole('link').innerText()).resolves.toBe(
      'Backend Developer',
    );
  });

  it('styles the page from its own stylesheet without breaking the policy', async () => {
    const page = await openPage();
    await page.goto(`${server.url}/roles/backend-developer`);
    const background = await page.evaluate<string>(
      'getComputedStyle(document.querySelector(".site-header")).backgroundColor',
    );
    expect(background).toBe('rgb(243, 246, 249)');
    expect(cspViolations).toEqual([]);
  });

  it('opens the API console under its own policy without an error', async () => {
    const page = await openPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${server.url}/v1/docs`);
    await page.locator('.opblock').first().waitFor();
    expect(errors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it.each([
    ['get', '/v1/normalize', 'normalize'],
    ['post', '/v1/diagnose', 'analysis'],
  ])('answers %s %s with 200 from the console as it is filled in', async (method, path, tag) => {
    const page = await openPage();
    await page.goto(`${server.url}/v1/docs`);
    // Swagger UI names an operation's block by its tag, method and path.
    const operation = page.locator(`#operations-${tag}-${method}${path.replaceAll('/', '_')}`);
    await operation.locator('.opblock-summary').click();
    await operation.getByRole('button', { name: 'Try it out' }).click();
    await operation.getByRole('button', { name: 'Execute' }).click();
    await expect(
      operation.locator('.live-responses-table tbody .response-col_status').first().innerText(),
    ).resolves.toBe('200');
  });
});
