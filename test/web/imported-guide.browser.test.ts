import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONET_RELEASE_FILES } from '../../src/importers/onet/index.js';
import { importEscoRelease, importOnetRelease, systemActor } from '../../src/services/index.js';
import {
  escoFixtureRelease,
  onetFixtureRelease,
  type FixtureRelease,
} from '../support/release-fixtures.js';
import {
  axeViolations,
  browserForTests,
  browserTargets,
  hasChromium,
  sidewaysOverflow,
  withBuiltInLibrary,
} from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
const code = '15-1252.00';

/** Lists as long as a real taxonomy's: 150 other titles and 300 technologies for one role. */
const lengthen = async (dir: string) => {
  const titles = Array.from(
    { length: 150 },
    (_, i) => `${code}\tProgram Writer For Ledger Systems Type ${i + 1}\tn/a\t08\n`,
  );
  const technologies = Array.from(
    { length: 300 },
    (_, i) => `${code}\tLedger Toolkit ${i + 1}\t43232402\tDevelopment environment software\tN\n`,
  );
  await appendFile(join(dir, ONET_RELEASE_FILES.alternateTitles), titles.join(''));
  await appendFile(join(dir, ONET_RELEASE_FILES.technologies), technologies.join(''));
};

const widths = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
];

/** The narrowest screen the site promises to fit. */
const phone = { width: 360, height: 740 };

describe.skipIf(!hasChromium)('an imported guide in Chromium', () => {
  let server: TestServer;
  const browser = browserForTests();
  let release: FixtureRelease;
  let escoRelease: FixtureRelease;

  const openGuide = async (viewport: { width: number; height: number }): Promise<Page> => {
    // axe is injected as a script, which the site's policy would refuse.
    const page = await (await browser().newContext({ viewport, bypassCSP: true })).newPage();
    await page.goto(`${server.url}/roles/onet/${code}`);
    return page;
  };

  beforeAll(async () => {
    const sqlite = browserTargets[0]!;
    server = await startServer(withBuiltInLibrary(sqlite));
    release = await onetFixtureRelease();
    await lengthen(release.dir);
    await importOnetRelease(server.rolebook.ctx, systemActor('test'), release.dir);
    escoRelease = await escoFixtureRelease();
    await importEscoRelease(server.rolebook.ctx, systemActor('test'), escoRelease.dir);
  });
  afterAll(async () => {
    await server?.close();
    await release?.dispose();
    await escoRelease?.dispose();
  });

  // An O*NET guide's attribution holds a licence URL, and an ESCO code is a concept URI: words
  // longer than a phone's line.
  it.each([`/roles/onet/${code}`, '/roles?taxonomy=esco'])(
    'fits %s on a 360 px screen without scrolling sideways',
    async (path) => {
      const page = await (await browser().newContext({ viewport: phone })).newPage();
      await page.goto(`${server.url}${path}`);
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.context().close();
    },
  );

  it.each(widths)(
    'fits a few screens at $width px with no axe violation',
    async (viewport) => {
      const page = await openGuide(viewport);
      expect(await axeViolations(page)).toEqual([]);
      const height = await page.evaluate<number>('document.documentElement.scrollHeight');
      expect(height).toBeLessThan(4 * viewport.height);
      await page.context().close();
    },
    60_000,
  );

  it('opens the full list of technologies from the keyboard, without script', async () => {
    const page = await (
      await browser().newContext({ viewport: widths[1]!, javaScriptEnabled: false })
    ).newPage();
    await page.goto(`${server.url}/roles/onet/${code}`);
    const more = page.locator('summary', { hasText: /^All \d+ technologies by kind$/ });
    const hidden = page.getByText('Ledger Toolkit 300', { exact: true });
    await expect(hidden.isVisible()).resolves.toBe(false);
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(hidden.isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('links a technology tag to its glossary page', async () => {
    const page = await openGuide(widths[0]!);
    await page.getByRole('link', { name: 'Git', exact: true }).click();
    await page.waitForURL(/\/terms\/git$/);
    await page.context().close();
  });
});
