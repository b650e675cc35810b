import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';

describe('a SQLite database path', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rolebook-path-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("makes the database's own folder on a first start", async () => {
    const store = await openStore(join(dir, 'data', 'rolebook.sqlite'));
    await store.close();
    expect(existsSync(join(dir, 'data', 'rolebook.sqlite'))).toBe(true);
  });

  it("refuses a path whose folder's parent is missing, naming it, and makes no folder", async () => {
    const path = join(dir, 'typo', 'data', 'rolebook.sqlite');
    await expect(openStore(path)).rejects.toThrow(
      `Cannot open SQLite ${path}: the folder ${join(dir, 'typo')} does not exist`,
    );
    expect(existsSync(join(dir, 'typo'))).toBe(false);
  });
});
