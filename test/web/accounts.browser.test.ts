import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUser, PASSWORD } from '../support/accounts.js';
import {
  axeViolations,
  browserForTests,
  browserTargets,
  hasChromium,
  pageForTest,
  sidewaysOverflow,
} from '../support/browser.js';
import { serverForTests } from '../support/server.js';

describe.skipIf(!hasChromium).each(browserTargets)(
  'signing in with Chromium on $name',
  (target) => {
    const { server } = serverForTests(target);
    const browser = browserForTests();

    // The forms must work without script: every page here is opened with JavaScript off.
    const openPage = (options: BrowserContextOptions = {}): Promise<Page> =>
      pageForTest(browser(), { javaScriptEnabled: false, ...options });

    const signIn = async (page: Page, name: string, password = PASSWORD) => {
      await page.goto(`${server.url}/sign-in`);
      await page.getByLabel('Name').fill(name);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForLoadState();
    };

    beforeAll(async () => {
      await addUser(server, 'ann', 'admin');
      await addUser(server, 'eve', 'editor');
    });

    it('says beside the name field that it is too long, keeping the name typed', async () => {
      const page = await openPage();
      const name = 'n'.repeat(201);
      await signIn(page, name);
      const field = page.getByLabel('Name');
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      const described = await field.getAttribute('aria-describedby');
      expect(await page.locator(`#${described}`).textContent()).toContain('200 characters');
      expect(await field.inputValue()).toBe(name);
      expect(await page.getByLabel('Password').inputValue()).toBe('');
    });

    it('leads from the header of a public page to sign-in, then to who is signed in', async () => {
      const page = await openPage();
      const accountLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', {
        name: 'Account',
      });
      await page.goto(`${server.url}/roles`);
      await accountLink.click();
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await signIn(page, 'eve');
      await page.goto(`${server.url}/roles`);
      await accountLink.click();
      await expect(page.locator('main').innerText()).resolves.toContain(
        'Signed in as eve (editor).',
      );
    });

    it('signs in, shows who is signed in, and signs out', async () => {
      const page = await openPage();
      await signIn(page, 'eve');
      expect(new URL(page.url()).pathname).toBe('/account');
      await expect(page.locator('main').innerText()).resolves.toContain(
        'Signed in as eve (editor).',
      );
      await page.getByRole('button', { name: 'Sign out', exact: true }).click();
      await page.waitForURL(/\/sign-in\?out=this$/);
      await expect(page.getByRole('status').innerText()).resolves.toBe('You are signed out.');
      await page.goto(`${server.url}/account`);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
    });

    it('says plainly that a wrong password did not match, keeping the name typed', async () => {
      const page = await openPage();
      await signIn(page, 'eve', 'not the right password');
      await expect(page.getByRole('alert').innerText()).resolves.toBe(
        'That name and password do not match an account.',
      );
      await expect(page.getByLabel('Name').inputValue()).resolves.toBe('eve');
      await expect(page.getByLabel('Password').inputValue()).resolves.toBe('');
    });

    it('lets an admin add a user from the users page', async () => {
      const page = await openPage();
      await page.goto(`${server.url}/admin/users`);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await page.getByLabel('Name').fill('ann');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/admin\/users$/);
      await page.getByLabel('Name', { exact: true }).fill('newcomer');
      await page.getByLabel(/^Password/).fill('a brand new passphrase');
      await page.getByLabel('Role', { exact: true }).selectOption('viewer');
      await page.getByRole('button', { name: 'Add user' }).click();
      await page.waitForURL(/created=newcomer$/);
      await expect(page.getByRole('status').innerText()).resolves.toBe('Created newcomer.');
      await expect(page.locator('tbody').innerText()).resolves.toMatch(/newcomer\s+viewer/);
    });

    const pages: { name: string; open: (page: Page) => Promise<void> }[] = [
      {
        name: 'sign-in with an error',
        open: (page) => signIn(page, 'eve', 'not the right password'),
      },
      { name: 'account', open: (page) => signIn(page, 'ann') },
      {
        name: 'users',
        open: async (page) => {
          await signIn(page, 'ann');
          await page.goto(`${server.url}/admin/users`);
        },
      },
    ];

    it.each(pages.map((p) => [p.name, p] as const))(
      '%s has no axe violation in light or dark mode, on a desktop or a phone',
      async (_name, { open }) => {
        for (const viewport of [
          { width: 1366, height: 900 },
          { width: 360, height: 740 },
        ]) {
          // axe is injected as a script, which the site's policy would refuse.
          const page = await openPage({ viewport, bypassCSP: true, javaScriptEnabled: true });
          await open(page);
          expect(await axeViolations(page)).toEqual([]);
          expect(await sidewaysOverflow(page)).toBe(0);
          await page.emulateMedia({ colorScheme: 'dark' });
          expect(await axeViolations(page, 'colours')).toEqual([]);
          await page.context().close();
        }
      },
      120_000,
    );
  },
);
