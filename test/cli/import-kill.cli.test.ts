import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { fullSize, generateEsco } from '../../bench/import/generate-esco.js';
import {
  cliStores,
  exportOf,
  finished,
  runCli,
  startCli,
  type CliDatabase,
} from '../support/cli.js';
import { escoFixtureRelease } from '../support/release-fixtures.js';

let esco: string;
beforeAll(async () => {
  esco = await mkdtemp(join(tmpdir(), 'rolebook-esco-'));
  await generateEsco(esco, fullSize);
});
afterAll(async () => {
  await rm(esco, { recursive: true, force: true });
});

/** Waits until the check holds, polling; fails after `ms`. */
const until = async (check: () => Promise<boolean>, ms: number): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still waiting after ${ms} ms`);
    await sleep(50);
  }
};

describe.each(cliStores)('an import killed mid-way on $name', (store) => {
  const databases: CliDatabase[] = [];
  afterEach(async () => {
    await Promise.all(databases.splice(0).map((d) => d.drop()));
  });

  it('leaves the database exactly as it was, and usable', { timeout: 180_000 }, async () => {
    const database = await store.create();
    databases.push(database);
    const { url, dir } = database;
    const before = await exportOf(url, dir);

    const child = startCli(url, ['import', 'esco', esco]);
    const run = finished(child);
    await until(() => database.writing(), 120_000);
    child.kill('SIGKILL');
    expect((await run).signal).toBe('SIGKILL');

    expect(await exportOf(url, dir)).toEqual(before);
    const release = await escoFixtureRelease();
    onTestFinished(release.dispose);
    const again = await runCli(url, ['import', 'esco', release.dir]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('roles       3 added');
  });
});
