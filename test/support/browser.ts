import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { contentDir, storeTargets, type StoreTarget } from './stores.js';

/** Debian's Chromium: browser tests skip, saying so, where it is not installed. */
const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

/** Where browser tests leave their screenshots. */
export const screenshotDir = join(import.meta.dirname, '../../test-results');

/**
 * The widths every page is checked at: a laptop in light mode and a phone in dark mode, the
 * phone as narrow as the README promises every page fits.
 */
export const viewports = [
  { name: 'desktop', viewport: { width: 1366, height: 900 }, colorScheme: 'light' },
  { name: 'phone', viewport: { width: 360, height: 740 }, colorScheme: 'dark' },
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

/**
 * The stores the browser tests run on: SQLite alone. A page's HTML is the same from either
 * store, and the pages' tests without a browser (test/web/site*.test.ts, guide-formats) run on
 * every store.
 */
export const browserTargets = storeTargets.filter((t) => t.name === 'sqlite');

/** The same store, seeded with the real built-in library instead of the fixtures. */
export const withBuiltInLibrary = (target: StoreTarget): StoreTarget => ({
  ...target,
  open: (options = {}) => target.open({ ...options, contentDir }),
});

const launchChromium = (): Promise<Browser> => {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
};

/** Chromium for the tests of the `describe` block this is called in: launched before, closed after. */
export const browserForTests = (): (() => Browser) => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
};

/**
 * A page in a browser context of its own, closed when the test that opened it finishes.
 * Chromium spends about a CPU-second on each context opened while twenty earlier ones stay open,
 * and under a third of that when they are closed (0.28 CPU-s a context, measured by opening
 * twenty of each kind): a file that left its pages open paid that on every page after.
 */
export const pageForTest = async (
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<Page> => {
  const context = await browser.newContext(options);
  onTestFinished(() => context.close());
  return context.newPage();
};

/**
 * One page for every test of the `describe` block this is called in, opened before them and
 * closed after them: for checks that only read pages one after another. Chromium compiles axe a
 * third as dearly again in a page it has compiled it in before (0.15 against 0.44 CPU-s), and a
 * context for each test costs a further 0.28.
 */
export const pageForTests = (
  browser: () => Browser,
  options: BrowserContextOptions = {},
): (() => Page) => {
  let page: Page | undefined;
  beforeAll(async () => {
    page = await (await browser().newContext(options)).newPage();
  });
  afterAll(async () => {
    await page?.context().close();
  });
  return () => page!;
};

/**
 * The rules that read colours: all a change of colour scheme can break, the site's dark mode
 * being colours only (site.styles.ts), so a page already checked in full is checked in the other
 * scheme by these alone.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * axe's minified build: a page compiles it once per check, and the minified source takes Chromium
 * a quarter less CPU to compile than the readable one the package exports (0.44 against 0.58
 * CPU-s a page).
 */
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

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
    await page.addScriptTag({ content: axeSource });
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
