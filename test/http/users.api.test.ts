import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, signIn, systemActor } from '../../src/services/index.js';
import { defaultServerLimits } from '../../src/config.js';
import { addUser, PASSWORD } from '../support/accounts.js';
import { startServer, type TestServer } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

describe.each(storeTargets)('the users API on $name', (target) => {
  let server: TestServer;
  let adminKey: string;
  beforeAll(async () => {
    server = await startServer(target);
    await addUser(server, 'ann', 'admin');
    ({ secret: adminKey } = await createApiKey(server.rolebook.ctx, systemActor('test'), {
      name: 'user admin',
      scopes: ['admin'],
    }));
  });
  afterAll(async () => {
    await server.close();
  });

  const asAdmin = (path: string, init: { method?: string; json?: unknown } = {}) =>
    server.request(`/v1${path}`, { ...init, key: adminKey });

  it('creates a user and lists them, never with a password hash', async () => {
    const created = await asAdmin('/users', {
      method: 'POST',
      json: { name: 'Dora', password: PASSWORD, role: 'editor' },
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ name: 'dora', role: 'editor', disabledAt: null });
    const listed = await (await asAdmin('/users')).text();
    expect((JSON.parse(listed) as { items: unknown[] }).items).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'dora' })]),
    );
    expect(listed).not.toMatch(/scrypt|password/i);
  });

  it('refuses a name outside the characters a user name may hold, naming the first it met', async () => {
    const refused = await asAdmin('/users', {
      method: 'POST',
      json: { name: 'José', password: PASSWORD, role: 'viewer' },
    });
    expect(refused.status).toBe(400);
    const problem = (await refused.json()) as { detail: string; errors: unknown[] };
    expect(problem.detail).toBe(
      'A user name is 1 to 64 characters: the letters a to z (in either case), the digits 0 to 9 and . _ @ + -, beginning with a letter or digit.',
    );
    expect(problem.errors).toEqual([
      { field: 'name', message: 'holds "é", which a user name cannot' },
    ]);
  });

  it('refuses a body the schema does not allow, naming the field', async () => {
    const response = await asAdmin('/users', {
      method: 'POST',
      json: { name: 'x', password: PASSWORD, role: 'owner' },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('role');
  });

  it('changes a role', async () => {
    await addUser(server, 'ed', 'viewer');
    const response = await asAdmin('/users/ed/role', { method: 'PUT', json: { role: 'editor' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: 'ed', role: 'editor' });
  });

  it('disables a user, ending their sessions, and re-enables them', async () => {
    await addUser(server, 'fay', 'viewer');
    const { secret } = await signIn(server.rolebook.ctx, defaultServerLimits, {
      name: 'fay',
      password: PASSWORD,
      address: '127.0.0.1',
    });
    const disabled = await asAdmin('/users/fay/disabled', { method: 'PUT' });
    expect(disabled.status).toBe(200);
    const { disabledAt } = (await disabled.json()) as { disabledAt: string | null };
    expect(disabledAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const account = await server.request('/account', {
      redirect: 'manual',
      headers: { cookie: `rolebook_session=${secret}` },
    });
    expect(account.status).toBe(303);
    const enabled = await asAdmin('/users/fay/disabled', { method: 'DELETE' });
    expect(await enabled.json()).toMatchObject({ disabledAt: null, role: 'viewer' });
  });

  it('signs a user out everywhere, saying how many sessions ended', async () => {
    await addUser(server, 'gus', 'viewer');
    for (let i = 0; i < 2; i++) {
      await signIn(server.rolebook.ctx, defaultServerLimits, {
        name: 'gus',
        password: PASSWORD,
        address: '127.0.0.1',
      });
    }
    const response = await asAdmin('/users/gus/sessions', { method: 'DELETE' });
    expect(await response.json()).toEqual({ sessionsEnded: 2 });
  });

  it('refuses with 409 to demote or disable the last enabled admin', async () => {
    const demote = await asAdmin('/users/ann/role', { method: 'PUT', json: { role: 'viewer' } });
    expect(demote.status).toBe(409);
    expect(((await demote.json()) as { detail: string }).detail).toContain(
      'ann is the last enabled admin',
    );
    expect((await asAdmin('/users/ann/disabled', { method: 'PUT' })).status).toBe(409);
    expect(await (await asAdmin('/users/ann')).json()).toMatchObject({
      role: 'admin',
      disabledAt: null,
    });
  });

  it('answers 404 for a user that does not exist', async () => {
    expect((await asAdmin('/users/nobody/disabled', { method: 'DELETE' })).status).toBe(404);
  });
});
