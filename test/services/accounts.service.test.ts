import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import {
  createUser,
  disableUser,
  enableUser,
  listAudit,
  listUsers,
  sessionUser,
  setUserRole,
  signIn,
  signOut,
  signOutEverywhere,
  signOutUser,
  systemActor,
  type AccountPolicy,
  type Rolebook,
} from '../../src/services/index.js';
import { storeTargets } from '../support/stores.js';

const admin = systemActor('test-admin');
const PASSWORD = 'correct horse battery staple';
const policy: AccountPolicy = {
  sessionIdleMs: 30 * 60_000,
  sessionLifetimeMs: 12 * 60 * 60_000,
  signInFailuresPerAccount: 3,
  signInFailuresPerAccountTotal: 6,
  signInFailuresPerAddress: 5,
  signInLockoutMs: 15 * 60_000,
};
const from = (name: string, password = PASSWORD, address = '192.0.2.1') => ({
  name,
  password,
  address,
});

describe.each(storeTargets)('accounts on $name', (target) => {
  let rolebook: Rolebook;
  let time: number;
  const later = (ms: number) => {
    time += ms;
  };
  beforeEach(async () => {
    time = Date.parse('2026-12-06T09:00:00Z');
    rolebook = await target.open({ seed: false, clock: () => new Date(time) });
  });
  afterEach(async () => {
    await rolebook.close();
  });

  const addUser = (name: string, role = 'editor') =>
    createUser(rolebook.ctx, admin, { name, password: PASSWORD, role });

  describe('users', () => {
    it('hashes passwords at the documented cost unless the opener asks for less', async () => {
      const production = await target.open({ seed: false, passwordCost: undefined });
      try {
        expect(production.ctx.passwordCost).toEqual({ N: 2 ** 15, r: 8, p: 1 });
      } finally {
        await production.close();
      }
    });

    it('creates a user with a role, listed without any password hash', async () => {
      await addUser('Ada@Example.com', 'viewer');
      const users = (await listUsers(rolebook.ctx, admin, {})).items;
      expect(users).toEqual([
        expect.objectContaining({ name: 'ada@example.com', role: 'viewer', disabledAt: null }),
      ]);
      expect(JSON.stringify(users)).not.toMatch(/scrypt/);
    });

    it('refuses a second user of the same name, whatever its case', async () => {
      await addUser('ada');
      await expect(addUser('ADA')).rejects.toMatchObject({ code: 'conflict' });
    });

    it('refuses a role other than admin, editor and viewer', async () => {
      await expect(addUser('ada', 'owner')).rejects.toMatchObject({
        code: 'validation_failed',
        details: [{ field: 'role', message: '"owner" is not a role' }],
      });
    });

    it('refuses a password shorter than 12 characters', async () => {
      await expect(
        createUser(rolebook.ctx, admin, { name: 'ada', password: 'short words', role: 'viewer' }),
      ).rejects.toMatchObject({ code: 'validation_failed', details: [{ field: 'password' }] });
    });

    it.each([
      ['only spaces', ' '.repeat(13), 'only spaces'],
      ['a few characters repeated', 'abcabcabcabc', 'different characters'],
      ['the user name in it', 'my name is ada, ok?', 'user name'],
    ])('refuses a password of %s', async (_case, password, why) => {
      await expect(
        createUser(rolebook.ctx, admin, { name: 'ada', password, role: 'viewer' }),
      ).rejects.toMatchObject({
        code: 'validation_failed',
        details: [{ field: 'password', message: expect.stringContaining(why) as string }],
      });
    });

    it('refuses a name with spaces or markup', async () => {
      await expect(addUser('<b>ada</b>')).rejects.toMatchObject({
        details: [{ field: 'name' }],
      });
    });

    it('lets only an admin create, list, disable and change users', async () => {
      await addUser('eve', 'editor');
      const { secret } = await signIn(rolebook.ctx, policy, from('eve'));
      const editor = (await sessionUser(rolebook.ctx, policy, secret))?.actor;
      await expect(addUser('mallory')).resolves.toBeDefined();
      await expect(
        createUser(rolebook.ctx, editor, { name: 'x', password: PASSWORD, role: 'admin' }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(listUsers(rolebook.ctx, undefined, {})).rejects.toMatchObject({
        code: 'unauthorized',
      });
      await expect(setUserRole(rolebook.ctx, editor, 'eve', 'admin')).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(disableUser(rolebook.ctx, editor, 'mallory')).rejects.toMatchObject({
        code: 'forbidden',
      });
    });

    it('records who made, disabled and changed a user in the audit log', async () => {
      await addUser('ada', 'viewer');
      await setUserRole(rolebook.ctx, admin, 'ada', 'editor');
      await disableUser(rolebook.ctx, admin, 'ada');
      const { items: entries } = await listAudit(rolebook.ctx, admin, {});
      expect(entries.map((e) => [e.action, e.actor])).toEqual([
        ['user.disable', 'test-admin'],
        ['user.role', 'test-admin'],
        ['user.create', 'test-admin'],
      ]);
      expect(entries[1]!.detail).toMatchObject({ from: 'viewer', to: 'editor' });
    });

    it('answers not_found for a user that does not exist', async () => {
      await expect(setUserRole(rolebook.ctx, admin, 'nobody', 'viewer')).rejects.toMatchObject({
        code: 'not_found',
      });
    });
  });

  describe('the last enabled admin', () => {
    it('cannot be given another role', async () => {
      await addUser('ann', 'admin');
      await expect(setUserRole(rolebook.ctx, admin, 'ann', 'editor')).rejects.toMatchObject({
        code: 'conflict',
        details: [{ field: 'name', message: 'the last enabled admin' }],
      });
      await expect(listUsers(rolebook.ctx, admin, {})).resolves.toMatchObject({
        items: [{ role: 'admin' }],
      });
    });

    it('cannot be disabled', async () => {
      await addUser('ann', 'admin');
      await expect(disableUser(rolebook.ctx, admin, 'ann')).rejects.toMatchObject({
        code: 'conflict',
      });
      await expect(listUsers(rolebook.ctx, admin, {})).resolves.toMatchObject({
        items: [{ disabledAt: null }],
      });
    });

    it('does not count a disabled admin as another', async () => {
      await addUser('ann', 'admin');
      await addUser('bea', 'admin');
      await disableUser(rolebook.ctx, admin, 'bea');
      await expect(setUserRole(rolebook.ctx, admin, 'ann', 'viewer')).rejects.toMatchObject({
        code: 'conflict',
      });
    });

    it('may step down once another admin is enabled', async () => {
      await addUser('ann', 'admin');
      await addUser('bea', 'admin');
      await expect(setUserRole(rolebook.ctx, admin, 'ann', 'editor')).resolves.toMatchObject({
        role: 'editor',
      });
    });

    it('survives two admins demoting each other at once: one of them stays', async () => {
      await addUser('ann', 'admin');
      await addUser('bea', 'admin');
      // Both transactions start on connections already open, so they overlap.
      await Promise.all([listUsers(rolebook.ctx, admin, {}), listUsers(rolebook.ctx, admin, {})]);
      const outcomes = await Promise.allSettled([
        setUserRole(rolebook.ctx, admin, 'ann', 'editor'),
        disableUser(rolebook.ctx, admin, 'bea'),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      const enabledAdmins = (await listUsers(rolebook.ctx, admin, {})).items.filter(
        (u) => u.role === 'admin' && u.disabledAt === null,
      );
      expect(enabledAdmins).toHaveLength(1);
    });
  });

  describe('re-enabling and signing others out', () => {
    it('lets a re-enabled user sign in again with the role they had', async () => {
      await addUser('ada', 'editor');
      await disableUser(rolebook.ctx, admin, 'ada');
      await expect(enableUser(rolebook.ctx, admin, 'ada')).resolves.toMatchObject({
        role: 'editor',
        disabledAt: null,
      });
      const {
        items: [entry],
      } = await listAudit(rolebook.ctx, admin, {});
      expect(entry).toMatchObject({ action: 'user.enable', actor: 'test-admin' });
      await expect(signIn(rolebook.ctx, policy, from('ada'))).resolves.toBeDefined();
    });

    it('lets only an admin re-enable a user', async () => {
      await addUser('ada');
      await disableUser(rolebook.ctx, admin, 'ada');
      await expect(enableUser(rolebook.ctx, undefined, 'ada')).rejects.toMatchObject({
        code: 'unauthorized',
      });
    });

    it("ends every session of another user at an admin's word, and only theirs", async () => {
      await addUser('ada');
      await addUser('bob');
      const first = await signIn(rolebook.ctx, policy, from('ada'));
      await signIn(rolebook.ctx, policy, from('ada'));
      const bob = await signIn(rolebook.ctx, policy, from('bob'));
      await expect(signOutUser(rolebook.ctx, admin, 'ada')).resolves.toBe(2);
      await expect(sessionUser(rolebook.ctx, policy, first.secret)).resolves.toBeUndefined();
      await expect(sessionUser(rolebook.ctx, policy, bob.secret)).resolves.toBeDefined();
      await expect(signIn(rolebook.ctx, policy, from('ada'))).resolves.toBeDefined();
    });
  });

  describe('sessions', () => {
    it('maps a session onto its role: viewer reads, editor writes, admin does all', async () => {
      for (const [name, role] of [
        ['vic', 'viewer'],
        ['eve', 'editor'],
        ['ann', 'admin'],
      ]) {
        await addUser(name!, role);
      }
      const scopes = async (name: string) => {
        const { secret } = await signIn(rolebook.ctx, policy, from(name));
        return (await sessionUser(rolebook.ctx, policy, secret))?.actor;
      };
      await expect(scopes('vic')).resolves.toEqual({
        id: 'user:vic',
        kind: 'user',
        scopes: ['read'],
      });
      await expect(scopes('eve')).resolves.toMatchObject({ scopes: ['read', 'write'] });
      await expect(scopes('ann')).resolves.toMatchObject({
        scopes: ['read', 'write', 'delete', 'admin'],
      });
    });

    it('stores only a hash of the session secret, which is 256 random bits', async () => {
      await addUser('ada');
      const { secret } = await signIn(rolebook.ctx, policy, from('ada'));
      expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
      const rows = await rolebook.ctx.store.db.selectFrom('sessions').select('hash').execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.hash).not.toContain(secret);
      expect(rows[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('ends a session left unused for the idle time', async () => {
      await addUser('ada');
      const { secret } = await signIn(rolebook.ctx, policy, from('ada'));
      later(policy.sessionIdleMs - 1000);
      await expect(sessionUser(rolebook.ctx, policy, secret)).resolves.toBeDefined();
      later(policy.sessionIdleMs - 1000);
      await expect(sessionUser(rolebook.ctx, policy, secret)).resolves.toBeDefined();
      later(policy.sessionIdleMs);
      await expect(sessionUser(rolebook.ctx, policy, secret)).resolves.toBeUndefined();
    });

    it('ends a busy session at its lifetime', async () => {
      await addUser('ada');
      const { secret } = await signIn(rolebook.ctx, policy, from('ada'));
      for (let used = 0; used < policy.sessionLifetimeMs - 600_000; used += 600_000) {
        later(600_000);
        await expect(sessionUser(rolebook.ctx, policy, secret)).resolves.toBeDefined();
      }
      later(600_000);
      await expect(sessionUser(rolebook.ctx, policy, secret)).resolves.toBeUndefined();
    });

    it('takes a change of role at the next request', async () => {
      await addUser('ada', 'viewer');
      const { secret } = await signIn(rolebook.ctx, policy, from('ada'));
      await setUserRole(rolebook.ctx, admin, 'ada', 'admin');
      await expect(sessionUser(rolebook.ctx, policy, secret)).resolves.toMatchObject({
        actor: { scopes: ['read', 'write', 'delete', 'admin'] },
      });
    });

    it('ends every session of a user who is disabled, and refuses their sign-in', async () => {
      await addUser('ada');
      const { secret } = await signIn(rolebook.ctx, policy, from('ada'));
      await disableUser(rolebook.ctx, admin, 'ada');
      await expect(sessionUser(rolebook.ctx, policy, secret)).resolves.toBeUndefined();
      await expect(signIn(rolebook.ctx, policy, from('ada'))).rejects.toMatchObject({
        code: 'unauthorized',
      });
    });

    it('signs out one session and leaves the others', async () => {
      await addUser('ada');
      const first = await signIn(rolebook.ctx, policy, from('ada'));
      const second = await signIn(rolebook.ctx, policy, from('ada'));
      await signOut(rolebook.ctx, first.secret);
      await expect(sessionUser(rolebook.ctx, policy, first.secret)).resolves.toBeUndefined();
      await expect(sessionUser(rolebook.ctx, policy, second.secret)).resolves.toBeDefined();
    });

    it('signs out everywhere: every session of that user, no one else', async () => {
      await addUser('ada');
      await addUser('bob');
      const first = await signIn(rolebook.ctx, policy, from('ada'));
      const second = await signIn(rolebook.ctx, policy, from('ada'));
      const bob = await signIn(rolebook.ctx, policy, from('bob'));
      await expect(signOutEverywhere(rolebook.ctx, first.secret)).resolves.toBe(2);
      await expect(sessionUser(rolebook.ctx, policy, second.secret)).resolves.toBeUndefined();
      await expect(sessionUser(rolebook.ctx, policy, bob.secret)).resolves.toBeDefined();
    });
  });

  describe('sign-in', () => {
    it('answers a wrong password and an unknown name with the same error', async () => {
      await addUser('ada');
      const wrong = await signIn(rolebook.ctx, policy, from('ada', 'not the password')).catch(
        (e: unknown) => e,
      );
      const unknown = await signIn(rolebook.ctx, policy, from('nobody')).catch((e: unknown) => e);
      expect(wrong).toMatchObject({ code: 'unauthorized' });
      expect(unknown).toMatchObject({ code: 'unauthorized' });
      expect((wrong as Error).message).toBe((unknown as Error).message);
    });

    it('pauses an account at an address after its failures there, even for the right password, with the wait', async () => {
      await addUser('ada');
      for (let i = 0; i < policy.signInFailuresPerAccount; i++) {
        await expect(
          signIn(rolebook.ctx, policy, from('ada', 'wrong password')),
        ).rejects.toMatchObject({ code: 'unauthorized' });
      }
      await expect(signIn(rolebook.ctx, policy, from('ada'))).rejects.toMatchObject({
        code: 'rate_limited',
        retryAfterSeconds: policy.signInLockoutMs / 1000,
      });
      later(policy.signInLockoutMs);
      await expect(signIn(rolebook.ctx, policy, from('ada'))).resolves.toBeDefined();
    });

    it('lets the owner in from another address while failures elsewhere pause that one', async () => {
      await addUser('ada');
      for (let i = 0; i < policy.signInFailuresPerAccount; i++) {
        await signIn(rolebook.ctx, policy, from('ada', 'wrong password', '203.0.113.9')).catch(
          () => undefined,
        );
      }
      await expect(
        signIn(rolebook.ctx, policy, from('ada', PASSWORD, '203.0.113.9')),
      ).rejects.toMatchObject({ code: 'rate_limited' });
      await expect(signIn(rolebook.ctx, policy, from('ada'))).resolves.toBeDefined();
    });

    it('pauses an account for every address once failures from many addresses reach its total', async () => {
      await addUser('ada');
      for (let i = 0; i < policy.signInFailuresPerAccountTotal; i++) {
        await signIn(
          rolebook.ctx,
          policy,
          from('ada', 'wrong password', `192.0.2.${i + 10}`),
        ).catch(() => undefined);
      }
      await expect(signIn(rolebook.ctx, policy, from('ada'))).rejects.toMatchObject({
        code: 'rate_limited',
      });
    });

    it('pauses an unknown name just as it pauses a real one', async () => {
      for (let i = 0; i < policy.signInFailuresPerAccount; i++) {
        await signIn(rolebook.ctx, policy, from('nobody')).catch(() => undefined);
      }
      await expect(signIn(rolebook.ctx, policy, from('nobody'))).rejects.toMatchObject({
        code: 'rate_limited',
      });
    });

    it('pauses an address that fails across many names', async () => {
      await addUser('ada');
      for (let i = 0; i < policy.signInFailuresPerAddress; i++) {
        await signIn(rolebook.ctx, policy, from(`name${i}`, PASSWORD, '198.51.100.7')).catch(
          () => undefined,
        );
      }
      await expect(
        signIn(rolebook.ctx, policy, from('ada', PASSWORD, '198.51.100.7')),
      ).rejects.toMatchObject({ code: 'rate_limited' });
      await expect(
        signIn(rolebook.ctx, policy, from('ada', PASSWORD, '198.51.100.8')),
      ).resolves.toBeDefined();
    });

    it('forgets failures older than the lockout span', async () => {
      await addUser('ada');
      for (let i = 0; i < policy.signInFailuresPerAccount - 1; i++) {
        await signIn(rolebook.ctx, policy, from('ada', 'wrong password')).catch(() => undefined);
      }
      later(policy.signInLockoutMs + 1);
      await signIn(rolebook.ctx, policy, from('ada', 'wrong password')).catch(() => undefined);
      await expect(signIn(rolebook.ctx, policy, from('ada'))).resolves.toBeDefined();
    });

    it('counts every one of racing failed sign-ins', async () => {
      await Promise.all(
        Array.from({ length: policy.signInFailuresPerAccount }, () =>
          signIn(rolebook.ctx, policy, from('nobody')).catch(() => undefined),
        ),
      );
      await expect(signIn(rolebook.ctx, policy, from('nobody'))).rejects.toMatchObject({
        code: 'rate_limited',
      });
    });

    it('hears no more passwords than the limit when many attempts arrive at once', async () => {
      await addUser('ada');
      const outcomes = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          signIn(rolebook.ctx, policy, from('ada', `guess number ${i}`, `192.0.2.${i}`)).catch(
            (e: { code: string }) => e.code,
          ),
        ),
      );
      expect(outcomes.filter((o) => o === 'unauthorized')).toHaveLength(
        policy.signInFailuresPerAccountTotal,
      );
      expect(outcomes.filter((o) => o === 'rate_limited')).toHaveLength(
        12 - policy.signInFailuresPerAccountTotal,
      );
    });

    it('does not count successful sign-ins against a busy address', async () => {
      await addUser('ada');
      for (let i = 0; i < policy.signInFailuresPerAddress + 2; i++) {
        await expect(signIn(rolebook.ctx, policy, from('ada'))).resolves.toBeDefined();
      }
    });

    it('takes about as long for an unknown name as for a wrong password', async () => {
      // At the production cost, as the hash is what makes the two take as long.
      const production = await target.open({ seed: false, passwordCost: undefined });
      onTestFinished(() => production.close());
      await createUser(production.ctx, admin, { name: 'ada', password: PASSWORD, role: 'editor' });
      const timed = async (name: string) => {
        const start = performance.now();
        await signIn(
          production.ctx,
          {
            ...policy,
            signInFailuresPerAccount: 100,
            signInFailuresPerAccountTotal: 100,
            signInFailuresPerAddress: 100,
          },
          from(name, 'wrong password'),
        ).catch(() => undefined);
        return performance.now() - start;
      };
      await timed('nobody');
      // Each unknown name is timed right after a wrong password and compared with it, so that a
      // burst of other work on a shared machine slows both sides of a pair, not one side's median.
      const ratios: number[] = [];
      for (let i = 0; i < 7; i++) {
        const known = await timed('ada');
        ratios.push((await timed(`nobody${i}`)) / known);
      }
      const ratio = ratios.sort((a, b) => a - b)[3]!;
      // Skipping the password hash would make an unknown name some fifty times faster; the
      // bounds leave room for a busy machine without letting that through.
      expect(ratio).toBeGreaterThan(0.4);
      expect(ratio).toBeLessThan(2.5);
    });
  });
});
