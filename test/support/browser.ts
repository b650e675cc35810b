import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { contentDir, type StoreTarget } from './stores.js';

const chromiumPath = '/usr/bin/chromium';

/** Browser tests skip, saying so, where Debian's Chromium is not installed. */
export const hasChromium = existsSync(chromiumPath);

/** The two widths every page is checked at: a laptop and a phone. */
export const widths = [
  { name: 'desktop', viewport: { width: 1366, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

/** Where the screenshots of the browser tests go (ignored by git). */
export const screenshotsDir = (): string => {
  const dir = join(import.meta.dirname, '../../test-results');
  mkdirSync(dir, { recursive: true });
  return dir;
};

/** Headless Chromium as CI runs it. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });

/** The same store, seeded with the real built-in library instead of the fixtures. */
export const withBuiltInLibrary = (target: StoreTarget): StoreTarget => ({
  ...target,
  open: (options = {}) => target.open({ ...options, contentDir }),
});

/**
 * What axe-core finds on the page as it is, one line per rule and the elements it names. The
 * page's context must bypass the site's script policy (`bypassCSP`), which refuses axe.
 */
export const axeViolations = async (page: Page): Promise<string[]> => {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate<string[]>(
    `axe.run().then((r) => r.violations.map((v) => v.id + ': ' + JSON.stringify(v.nodes.map((n) => n.target))))`,
  );
};

/** Presses Tab until the element matching `selector` has focus, as a keyboard user would. */
export const tabTo = async (page: Page, selector: string): Promise<void> => {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      `document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`,
    );
    if (focused === true) return;
  }
  throw new Error(`Tab never reached ${selector}`);
};
