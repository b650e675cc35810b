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

    it('links the refusal announced at the top to the field it is about', async () => {
      const page = await openPage();
      await signIn(page, 'n'.repeat(201));
      const link = page.getByRole('alert').getByRole('link');
      await expect(link.innerText()).resolves.toContain('200 characters');
      await link.click();
      expect(new URL(page.url()).hash).toBe(`#${await page.getByLabel('Name').getAttribute('id')}`);
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

    const createKey = async (page: Page, name: string, scopes: string[]) => {
      await page.goto(`${server.url}/admin/keys`);
      await page.getByLabel(/^Name/).fill(name);
      for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
      for (const scope of scopes) await page.getByLabel(new RegExp(`\\b${scope}:`)).check();
      await page.getByRole('button', { name: 'Create key' }).click();
      await page.waitForLoadState();
    };

    const secretOn = async (page: Page): Promise<string> =>
      (await page.locator('code.secret').innerText()).trim();

    it('lets an admin create an API key on the keys page, showing its secret once', async () => {
      const page = await openPage();
      await signIn(page, 'ann');
      await createKey(page, 'payroll sync', ['read', 'write']);
      const secret = await secretOn(page);
      expect(secret).toMatch(/^rbk_/);
      const drafts = await server.request('/v1/drafts', { key: secret });
      expect(drafts.status).toBe(200);
      await page.goto(`${server.url}/admin/keys`);
      await expect(page.locator('code.secret').count()).resolves.toBe(0);
      const row = page.locator('tbody tr', { hasText: 'payroll sync' });
      await expect(row.innerText()).resolves.toMatch(/read, write[\s\S]*active/);
    });

    it('shows when a key was last used', async () => {
      const page = await openPage();
      await signIn(page, 'ann');
      await createKey(page, 'reporting', ['read']);
      await server.request('/v1/drafts', { key: await secretOn(page) });
      await page.goto(`${server.url}/admin/keys`);
      const lastUsed = page
        .locator('tbody tr', { hasText: 'reporting' })
        .locator('td[data-label="Last used"]');
      await expect(lastUsed.innerText()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('lets an admin revoke a key, which the API then refuses', async () => {
      const page = await openPage();
      await signIn(page, 'ann');
      await createKey(page, 'old laptop', ['read']);
      const secret = await secretOn(page);
      await page.getByRole('button', { name: /^Revoke old laptop/ }).click();
      await page.waitForURL(/revoked=[0-9a-f-]+$/);
      await expect(page.getByRole('status').innerText()).resolves.toBe('Revoked old laptop.');
      expect((await server.request('/v1/drafts', { key: secret })).status).toBe(401);
    });

    it('refuses a key with no scope, saying so beside the scopes', async () => {
      const page = await openPage();
      await signIn(page, 'ann');
      await createKey(page, 'nothing allowed', []);
      await expect(page.locator('#new-key-scopes-problem').innerText()).resolves.toContain(
        'choose at least one',
      );
      await expect(page.getByLabel(/^Name/).inputValue()).resolves.toBe('nothing allowed');
    });

    it('refuses the keys page to an editor', async () => {
      const page = await openPage();
      await signIn(page, 'eve');
      const response = await page.goto(`${server.url}/admin/keys`);
      expect(response?.status()).toBe(403);
    });

    it('refuses a new key posted by a signed-in admin without the form token', async () => {
      const page = await openPage();
      await signIn(page, 'ann');
      const response = await page.request.post(`${server.url}/admin/keys`, {
        form: { name: 'forged', scopes: 'admin' },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(403);
      await page.goto(`${server.url}/admin/keys`);
      await expect(page.locator('tbody').innerText()).resolves.not.toContain('forged');
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
      {
        name: 'API keys, a secret just shown',
        open: async (page) => {
          await signIn(page, 'ann');
          await createKey(page, 'applicant tracking system', ['read', 'write']);
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
