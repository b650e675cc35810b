import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { contentDir, type StoreTarget } from './stores.js';

/** Debian's Chromium: browser tests skip, saying so, where it is not installed. */
const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

/** Where browser tests leave their screenshots. */
export const screenshotDir = join(import.meta.dirname, '../../test-results');

/** The widths every page is checked at: a laptop in light mode and a phone in dark mode. */
export const viewports = [
  { name: 'desktop', viewport: { width: 1366, height: 900 }, colorScheme: 'light' },
  { name: 'phone', viewport: { width: 390, height: 844 }, colorScheme: 'dark' },
] as const;

/** The two widths, in the reader's own colour scheme. */
export const widths = [
  { name: viewports[0].name, viewport: viewports[0].viewport },
  { name: viewports[1].name, viewport: viewports[1].viewport },
] as const;

/** The screenshot folder, made on first use (ignored by git). */
export const screenshotsDir = (): string => {
  mkdirSync(screenshotDir, { recursive: true });
  return screenshotDir;
};

/** The same store, seeded with the real built-in library instead of the fixtures. */
export const withBuiltInLibrary = (target: StoreTarget): StoreTarget => ({
  ...target,
  open: (options = {}) => target.open({ ...options, contentDir }),
});

export const launchChromium = (): Promise<Browser> => {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
};

/**
 * The rules that read colours: all a change of colour scheme can break, the site's dark mode
 * being colours only (site.styles.ts), so a page already checked in full is checked in the other
 * scheme by these alone.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * What axe finds on the page, each as rule and elements: every rule, or the colour rules only.
 * The page's context must run script and bypass the site's policy, which refuses an injected
 * script.
 */
export const axeViolations = async (
  page: Page,
  rules: 'all' | 'colours' = 'all',
): Promise<string[]> => {
  if (!(await page.evaluate<boolean>("typeof globalThis.axe !== 'undefined'"))) {
    await page.addScriptTag({ content: axe.source });
  }
  const options = rules === 'colours' ? { runOnly: { type: 'rule', values: COLOUR_RULES } } : {};
  return page.evaluate<string[]>(
    `axe.run(${JSON.stringify(options)}).then((r) => r.violations.map((v) => v.id + ': ' + JSON.stringify(v.nodes.map((n) => n.target))))`,
  );
};

/** How far the page is wider than the window: 0 when nothing is cut off sideways. */
export const sidewaysOverflow = (page: Page): Promise<number> =>
  page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );

/** Presses Tab until the element matching `selector` has focus, as a keyboard user would. */
export const tabTo = async (page: Page, selector: string, limit = 80): Promise<void> => {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate<boolean>(
      `document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`,
    );
    if (focused) return;
  }
  throw new Error(`Tab never reached ${selector}`);
};
