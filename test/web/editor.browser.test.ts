import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUser, PASSWORD } from '../support/accounts.js';
import {
  axeViolations,
  browserForTests,
  browserTargets,
  hasChromium,
  pageForTest,
  pageForTests,
  screenshotDir,
  sidewaysOverflow,
  tabTo,
  viewports,
} from '../support/browser.js';
import { serverForTests } from '../support/server.js';

describe.skipIf(!hasChromium).each(browserTargets)('the editor in Chromium on $name', (target) => {
  const { server } = serverForTests(target);
  const browser = browserForTests();

  // The forms must work without script: the flows run with JavaScript off.
  const openPage = (options: BrowserContextOptions = {}): Promise<Page> =>
    pageForTest(browser(), {
      javaScriptEnabled: false,
      viewport: viewports[0].viewport,
      ...options,
    });

  const signIn = async (page: Page, name: string) => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/account$/);
  };

  const editorOf = async (name: string, path: string) => {
    const page = await openPage();
    await signIn(page, name);
    await page.goto(`${server.url}${path}`);
    return page;
  };

  const press = async (page: Page, button: string) => {
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.waitForLoadState();
  };

  const shoot = (page: Page, name: string) =>
    page.screenshot({ path: join(screenshotDir, `editor-${name}.png`), fullPage: true });

  beforeAll(async () => {
    await addUser(server, 'ann', 'admin');
    await addUser(server, 'eve', 'editor');
  });

  it('edits a guide from its page: preview with a lint finding, save a draft, publish', async () => {
    const page = await openPage();
    await signIn(page, 'eve');
    await page.goto(`${server.url}/roles/api-builder`);
    await page.getByRole('link', { name: 'Edit this guide' }).click();
    await page.waitForURL(/\/edit\/roles\/rolebook\/api-builder$/);

    await page.getByLabel('Summary').fill('A {role_name} builds the interfaces partners call.');
    await press(page, 'Preview');
    const lint = page.locator('section.lint');
    await expect(lint.innerText()).resolves.toMatch(/Summary:.*\{role_name\}/);
    await expect(page.locator('section.preview h1').innerText()).resolves.toBe('API Builder');
    await shoot(page, 'preview');

    await page.getByLabel('Summary').fill('Builds the interfaces partners call.');
    await press(page, 'Save draft');
    expect(page.url()).toMatch(/\?saved=draft$/);
    await expect(page.getByRole('status').innerText()).resolves.toContain('Draft saved.');

    await press(page, 'Publish');
    expect(page.url()).toMatch(/\?saved=publish$/);
    await page.getByRole('link', { name: 'The page readers get' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain(
      'Builds the interfaces partners call.',
    );
  });

  it('shows a conflict from a second session, and keeps what was typed on request', async () => {
    const path = '/edit/roles/rolebook/query-writer';
    const eve = await editorOf('eve', path);
    const ann = await editorOf('ann', path);
    await ann.getByLabel('Name').fill('Query Author');
    await press(ann, 'Publish');

    await eve.getByLabel('Name').fill('Report Writer');
    await press(eve, 'Publish');
    const conflict = eve.locator('section.conflict');
    await expect(conflict.getByRole('heading').innerText()).resolves.toBe(
      'Changed while you were editing',
    );
    await expect(conflict.innerText()).resolves.toMatch(/Name\s+Query Author\s+Report Writer/);
    await shoot(eve, 'conflict');

    await press(eve, 'Publish');
    expect(eve.url()).toMatch(/\?saved=publish$/);
    await expect(eve.getByLabel('Name').inputValue()).resolves.toBe('Report Writer');
  });

  it('reverts a role to an earlier revision from its history', async () => {
    const page = await editorOf('eve', '/edit/roles/rolebook/query-writer');
    await page.getByRole('link', { name: 'Revisions' }).click();
    await expect(page.locator('ol.revisions > li').first().innerText()).resolves.toContain(
      'Report Writer',
    );
    await shoot(page, 'revisions');
    await page.getByRole('button', { name: 'Revert to version 1' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toMatch(/^Version 1 is back/);
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await expect(page.getByLabel('Name').inputValue()).resolves.toBe('Query Writer');
  });

  it('refreshes lint and the preview as someone types, when script runs', async () => {
    const page = await openPage({ javaScriptEnabled: true });
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') refused.push(message.text());
    });
    await signIn(page, 'eve');
    await page.goto(`${server.url}/edit/terms/api`);
    await expect(page.locator('section.lint').count()).resolves.toBe(0);
    await page.getByLabel('Definition').fill('Typed live: {{placeholder}} left here.');
    await page.locator('section.lint').waitFor();
    await expect(page.locator('section.lint').innerText()).resolves.toContain('{{placeholder}}');
    await expect(page.locator('section.preview').innerText()).resolves.toContain('Typed live');
    expect(new URL(page.url()).pathname).toBe('/edit/terms/api');
    expect(refused).toEqual([]);
  });

  it('runs the edit flow from the keyboard alone', async () => {
    const page = await editorOf('eve', '/edit/terms/sql');
    await tabTo(page, '#edit-definition');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('The language most databases are queried in.');
    await tabTo(page, 'button[value="preview"]');
    await page.keyboard.press('Enter');
    await page.waitForLoadState();
    await expect(page.locator('section.preview').innerText()).resolves.toContain(
      'The language most databases are queried in.',
    );
    await tabTo(page, 'button[value="publish"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?saved=publish$/);
    const term = (await (await server.request('/v1/terms/sql')).json()) as { definition: string };
    expect(term.definition).toBe('The language most databases are queried in.');
  });

  const pages: { name: string; open: (page: Page) => Promise<void> }[] = [
    {
      name: 'role',
      open: (page) =>
        page.goto(`${server.url}/edit/roles/rolebook/api-builder`).then(() => undefined),
    },
    {
      name: 'role-preview',
      open: async (page) => {
        await page.goto(`${server.url}/edit/roles/rolebook/api-builder`);
        await page.getByLabel('Summary').fill('A {role_name} who builds interfaces.');
        await press(page, 'Preview');
      },
    },
    {
      name: 'revisions',
      open: (page) =>
        page.goto(`${server.url}/edit/roles/rolebook/api-builder/revisions`).then(() => undefined),
    },
    {
      name: 'conflict',
      open: async (page) => {
        await page.goto(`${server.url}/edit/terms/rest`);
        const other = await editorOf('eve', '/edit/terms/rest');
        await other.getByLabel('Definition').fill(`Changed meanwhile, ${Date.now()}.`);
        await press(other, 'Publish');
        await other.context().close();
        await page.getByLabel('Definition').fill('What was typed here.');
        await press(page, 'Publish');
        await page.locator('section.conflict').waitFor();
      },
    },
    {
      name: 'term',
      open: (page) => page.goto(`${server.url}/edit/terms/api`).then(() => undefined),
    },
    {
      name: 'new-role',
      open: (page) => page.goto(`${server.url}/edit/new-role`).then(() => undefined),
    },
    {
      name: 'new-term',
      open: (page) => page.goto(`${server.url}/edit/new-term`).then(() => undefined),
    },
  ];

  describe.each(viewports.map((v) => [`${v.colorScheme} ${v.name}`, v] as const))(
    'on a %s',
    (_screen, { name: width, viewport, colorScheme }) => {
      // axe is injected as a script, which the site's policy would refuse.
      const checkedPage = pageForTests(browser, {
        viewport,
        colorScheme,
        bypassCSP: true,
        javaScriptEnabled: true,
      });
      beforeAll(() => signIn(checkedPage(), 'ann'));

      it.each(pages.map((p) => [p.name, p] as const))(
        'the %s editor page has no axe violation and nothing cut off',
        async (name, { open }) => {
          const page = checkedPage();
          await open(page);
          await shoot(page, `${name}-${width}`);
          expect(await axeViolations(page)).toEqual([]);
          expect(await sidewaysOverflow(page)).toBe(0);
        },
        60_000,
      );
    },
  );
});
