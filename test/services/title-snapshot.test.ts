import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { titleIndexSnapshot, type Rolebook } from '../../src/services/index.js';
import { storeTargets } from '../support/stores.js';

const sqlite = storeTargets.filter((target) => target.name === 'sqlite');

describe.each(sqlite)('title index snapshot kept beside a $name database', (target) => {
  let rolebook: Rolebook;
  beforeEach(async () => {
    rolebook = await target.open();
  });
  afterEach(async () => {
    await rolebook.close();
  });

  it('reads the kept snapshot, as it was built, into memory worker threads share', async () => {
    const built = await titleIndexSnapshot(rolebook.ctx);
    const kept = await titleIndexSnapshot(rolebook.ctx);
    expect(kept.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.from(kept).equals(Buffer.from(built))).toBe(true);
  });
});
