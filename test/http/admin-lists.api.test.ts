import { beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../support/accounts.js';
import { serverForTests } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

/** The admins' lists of API keys, users and audit entries page like every other list of the API. */
describe.each(storeTargets)('the admin lists on $name', (target) => {
  // Three of each at least: the server's own key and this admin's, then two more; each user made is audited.
  const { server, keys } = serverForTests(target, {
    keys: { admin: ['admin'], one: ['read'], two: ['read'] },
  });
  beforeAll(async () => {
    for (const name of ['amy', 'bob', 'cat']) await addUser(server, name, 'viewer');
  });

  const asAdmin = (path: string) => server.request(`/v1${path}`, { key: keys.admin });

  it.each(['/keys', '/users', '/audit'])(
    'serves %s a page at a time, with the total',
    async (list) => {
      const response = await asAdmin(`${list}?limit=1&offset=1`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: unknown[]; total: number };
      expect(page).toMatchObject({ limit: 1, offset: 1 });
      expect(page.items).toHaveLength(1);
      expect(page.total).toBeGreaterThanOrEqual(3);
    },
  );

  it.each(['/keys', '/users', '/audit'])('serves %s 50 at a time unless asked', async (list) => {
    expect(await (await asAdmin(list)).json()).toMatchObject({ limit: 50, offset: 0 });
  });

  it.each(['/keys', '/users', '/audit'])('refuses a page of %s over 500 items', async (list) => {
    const response = await asAdmin(`${list}?limit=501`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'validation_failed' });
  });

  it.each(['/keys', '/users', '/audit'])('refuses a query field %s does not know', async (list) => {
    const response = await asAdmin(`${list}?foo=2`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ message: 'query.foo is not a known field' }],
    });
  });
});
