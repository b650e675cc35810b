import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createApiKey,
  MAX_ACTIVE_API_KEYS,
  revokeApiKey,
  systemActor,
  type Rolebook,
} from '../../src/services/index.js';
import { storeTargets } from '../support/stores.js';

const admin = systemActor('test-admin');

describe.each(storeTargets)('API keys on $name', (target) => {
  let rolebook: Rolebook;
  let time: number;
  beforeEach(async () => {
    time = Date.parse('2026-12-07T09:00:00Z');
    rolebook = await target.open({ seed: false, clock: () => new Date(time) });
  });
  afterEach(async () => {
    await rolebook.close();
  });

  const makeKeys = async (count: number, expiresAt?: string) => {
    const made = [];
    for (let i = 0; i < count; i += 1) {
      made.push(
        await createApiKey(rolebook.ctx, admin, { name: `k${i}`, scopes: ['read'], expiresAt }),
      );
    }
    return made;
  };

  it('refuses a key past the most that may work at once, with a conflict that says to revoke one', async () => {
    await makeKeys(MAX_ACTIVE_API_KEYS);
    await expect(
      createApiKey(rolebook.ctx, admin, { name: 'one more', scopes: ['read'] }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('revoke') as string,
    });
  });

  it('makes a key again once one is revoked', async () => {
    const [first] = await makeKeys(MAX_ACTIVE_API_KEYS);
    await revokeApiKey(rolebook.ctx, admin, first!.key.id);
    await expect(
      createApiKey(rolebook.ctx, admin, { name: 'replacement', scopes: ['read'] }),
    ).resolves.toMatchObject({ key: { name: 'replacement' } });
  });

  it('does not count keys that have expired', async () => {
    await makeKeys(MAX_ACTIVE_API_KEYS, '2026-12-07T10:00:00Z');
    time = Date.parse('2026-12-07T11:00:00Z');
    await expect(
      createApiKey(rolebook.ctx, admin, { name: 'after expiry', scopes: ['read'] }),
    ).resolves.toMatchObject({ key: { name: 'after expiry' } });
  });
});
