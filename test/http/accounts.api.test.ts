import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, listAudit, systemActor } from '../../src/services/index.js';
import { addUser, cookieHeader, FormClient, PASSWORD } from '../support/accounts.js';
import { startServer, type TestServer } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

const minimalRole = (code: string) => ({ code, name: `Role ${code}`, summary: 'A summary.' });

describe.each(storeTargets)('accounts over HTTP on $name', (target) => {
  let server: TestServer;
  let behindProxy: TestServer;
  beforeAll(async () => {
    server = await startServer(target, { limits: { signInFailuresPerAccount: 3 } });
    behindProxy = await startServer(target, { trustProxy: 1 });
    await addUser(server, 'ann', 'admin');
    await addUser(server, 'eve', 'editor');
    await addUser(server, 'vic', 'viewer');
    await addUser(behindProxy, 'ann', 'admin');
  });
  afterAll(async () => {
    await server.close();
    await behindProxy.close();
  });

  /** A browser signed in as the user, whose session the user then ended from another browser. */
  const endedElsewhere = async (name: string) => {
    const phone = new FormClient(server);
    const laptop = new FormClient(server);
    await phone.signIn(name);
    await laptop.signIn(name);
    const { token } = await laptop.get('/account');
    await laptop.post('/sign-out', { _csrf: token!, everywhere: 'yes' });
    return phone;
  };

  describe('signing in', () => {
    it('sets an HttpOnly, SameSite=Lax session cookie for the whole site, and goes to the account', async () => {
      const client = new FormClient(server);
      const response = await client.signIn('eve');
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/account');
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith('rolebook_session='));
      expect(cookie).toMatch(/; Path=\/; HttpOnly; SameSite=Lax$/);
      expect(cookie).toMatch(/Max-Age=43200/);
      const account = await client.get('/account');
      expect(account.body).toContain('Signed in as <strong>eve</strong> (editor)');
    });

    /** A sign-in through the form whose request says it came over TLS, as a proxy would. */
    const signInSayingTls = async (to: TestServer, name: string) => {
      const client = new FormClient(to);
      const { token } = await client.get('/sign-in');
      return to.request('/sign-in', {
        method: 'POST',
        redirect: 'manual',
        headers: {
          cookie: cookieHeader(client.jar),
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-proto': 'https',
        },
        body: new URLSearchParams({ _csrf: token!, name, password: PASSWORD }).toString(),
      });
    };

    it('marks the cookie Secure when a trusted proxy says the request came over TLS', async () => {
      const response = await signInSayingTls(behindProxy, 'ann');
      expect(response.status).toBe(303);
      expect(response.headers.getSetCookie().join('\n')).toMatch(/rolebook_session=[^;]+;.*Secure/);
    });

    it('leaves the cookie without Secure over plain HTTP, even when told otherwise untrusted', async () => {
      const response = await signInSayingTls(server, 'eve');
      expect(response.headers.getSetCookie().join('\n')).not.toMatch(/Secure/);
    });

    it('goes back to the page that asked for a sign-in, and nowhere off the site', async () => {
      const client = new FormClient(server);
      const { token } = await client.get('/sign-in?next=/admin/users');
      const back = await client.post('/sign-in', {
        _csrf: token!,
        name: 'ann',
        password: PASSWORD,
        next: '/admin/users',
      });
      expect(back.headers.get('location')).toBe('/admin/users');
      const other = new FormClient(server);
      const second = await other.get('/sign-in');
      const away = await other.post('/sign-in', {
        _csrf: second.token!,
        name: 'ann',
        password: PASSWORD,
        next: '//evil.example/',
      });
      expect(away.headers.get('location')).toBe('/account');
    });

    it('takes a sign-in form left open while the browser signed in elsewhere, and ends that session', async () => {
      const client = new FormClient(server);
      const leftOpen = await client.get('/sign-in');
      await client.signIn('vic');
      const earlier = new Map(client.jar);
      const response = await client.post('/sign-in', {
        _csrf: leftOpen.token!,
        name: 'eve',
        password: PASSWORD,
      });
      expect(response.status).toBe(303);
      expect(client.jar.get('rolebook_session')).not.toBe(earlier.get('rolebook_session'));
      expect((await client.get('/account')).body).toContain('Signed in as <strong>eve</strong>');
      const replay = await server.request('/account', {
        redirect: 'manual',
        headers: { cookie: cookieHeader(earlier) },
      });
      expect(replay.status).toBe(303);
    });

    it('signs in on the first try from a page shown after the session was ended elsewhere', async () => {
      const phone = await endedElsewhere('vic');
      const { token } = await phone.get('/sign-in');
      const response = await phone.post('/sign-in', {
        _csrf: token!,
        name: 'vic',
        password: PASSWORD,
      });
      expect(response.status).toBe(303);
    });

    it('signs in on the first try from a page shown to a session that is over, once the browser has let its cookie go', async () => {
      const phone = await endedElsewhere('vic');
      const { token } = await phone.get('/sign-in');
      phone.jar.delete('rolebook_session');
      const response = await phone.post('/sign-in', {
        _csrf: token!,
        name: 'vic',
        password: PASSWORD,
      });
      expect(response.status).toBe(303);
    });

    it('answers a wrong password and an unknown name with the same page', async () => {
      const wrong = await new FormClient(server).signIn('vic', 'not the password at all');
      const unknown = await new FormClient(server).signIn('nobody-at-all');
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      const message = (body: string) => /role="alert">\s*<p>([^<]+)<\/p>/.exec(body)?.[1];
      const [a, b] = [message(await wrong.text()), message(await unknown.text())];
      expect(a).toBe('That name and password do not match an account.');
      expect(b).toBe(a);
      expect(wrong.headers.getSetCookie().join()).not.toContain('rolebook_session');
    });

    it('answers 429 with Retry-After once an account has failed too often', async () => {
      await addUser(server, 'lou', 'viewer');
      for (let i = 0; i < 3; i++) await new FormClient(server).signIn('lou', 'wrong password!');
      const response = await new FormClient(server).signIn('lou');
      expect(response.status).toBe(429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(800);
      expect(await response.text()).toContain('Too many failed sign-ins');
    });
  });

  describe('CSRF', () => {
    it('refuses a sign-in form sent without its token, and opens no session', async () => {
      const client = new FormClient(server);
      await client.get('/sign-in');
      const response = await client.post('/sign-in', { name: 'eve', password: PASSWORD });
      expect(response.status).toBe(403);
      expect(await response.text()).toContain(
        'This form has expired or was sent from another site',
      );
      expect(client.jar.has('rolebook_session')).toBe(false);
    });

    it('refuses a token that belongs to another browser', async () => {
      const attacker = new FormClient(server);
      const { token } = await attacker.get('/sign-in');
      const victim = new FormClient(server);
      await victim.get('/sign-in');
      const response = await victim.post('/sign-in', {
        _csrf: token!,
        name: 'eve',
        password: PASSWORD,
      });
      expect(response.status).toBe(403);
    });

    it('refuses a token shown in another session, even with its own token cookie', async () => {
      const attacker = new FormClient(server);
      await attacker.signIn('vic');
      const { token } = await attacker.get('/account');
      const victim = new FormClient(server);
      await victim.signIn('eve');
      // The attacker's token cookie planted beside the victim's session, with the attacker's token.
      const planted = new Map(victim.jar).set('rolebook_csrf', attacker.jar.get('rolebook_csrf')!);
      const response = await server.request('/sign-out', {
        method: 'POST',
        redirect: 'manual',
        headers: {
          cookie: cookieHeader(planted),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ _csrf: token!, everywhere: 'yes' }).toString(),
      });
      expect(response.status).toBe(403);
      expect((await victim.get('/account')).response.status).toBe(200);
    });

    it('refuses a token shown before signing in once signed in', async () => {
      const client = new FormClient(server);
      const before = await client.get('/sign-in');
      await client.signIn('eve');
      expect((await client.post('/sign-out', { _csrf: before.token! })).status).toBe(403);
      const { token } = await client.get('/account');
      expect((await client.post('/sign-out', { _csrf: token! })).status).toBe(303);
    });

    it('refuses a sign-out without its token, and the session goes on', async () => {
      const client = new FormClient(server);
      await client.signIn('eve');
      const response = await client.post('/sign-out', {});
      expect(response.status).toBe(403);
      expect((await client.get('/account')).response.status).toBe(200);
    });

    it('refuses a user made by a form without its token', async () => {
      const client = new FormClient(server);
      await client.signIn('ann');
      const response = await client.post('/admin/users', {
        name: 'planted',
        password: PASSWORD,
        role: 'admin',
      });
      expect(response.status).toBe(403);
      const users = await server.rolebook.ctx.store.db.selectFrom('users').select('name').execute();
      expect(users.map((u) => u.name)).not.toContain('planted');
    });
  });

  describe('signing out', () => {
    it('ends the session on the server, so the old cookie no longer works', async () => {
      const client = new FormClient(server);
      await client.signIn('eve');
      const stolen = new Map(client.jar);
      const { token } = await client.get('/account');
      const response = await client.post('/sign-out', { _csrf: token! });
      expect(response.headers.get('location')).toBe('/sign-in?out=this');
      expect(client.jar.has('rolebook_session')).toBe(false);
      const replay = await server.request('/account', {
        redirect: 'manual',
        headers: { cookie: cookieHeader(stolen) },
      });
      expect(replay.status).toBe(303);
    });

    it('signs out everywhere: the user’s other browsers too', async () => {
      const phone = await endedElsewhere('vic');
      expect((await phone.get('/account')).response.status).toBe(303);
    });
  });

  describe('the admin page of API keys', () => {
    it('names a revoked key in its notice by what the store holds, not by the address', async () => {
      const admin = new FormClient(server);
      await admin.signIn('ann');
      const { token } = await admin.get('/admin/keys');
      const { key } = await createApiKey(server.rolebook.ctx, systemActor('test'), {
        name: 'old laptop',
        scopes: ['read'],
      });
      const revoked = await admin.post(`/admin/keys/${key.id}/revoke`, { _csrf: token! });
      expect((await admin.get(revoked.headers.get('location')!)).body).toContain(
        'Revoked old laptop.',
      );
      const forged = await admin.get('/admin/keys?revoked=every%20key.%20Call%20IT');
      expect(forged.body).not.toContain('every key');
    });
  });

  describe('the admin page of users', () => {
    it('sends an anonymous visitor to sign in first', async () => {
      const { response } = await new FormClient(server).get('/admin/users');
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/sign-in?next=%2Fadmin%2Fusers');
    });

    it('refuses an editor and a viewer with 403', async () => {
      for (const name of ['eve', 'vic']) {
        const client = new FormClient(server);
        await client.signIn(name);
        expect((await client.get('/admin/users')).response.status).toBe(403);
      }
    });

    it('lets an admin add a user, who can then sign in with that role', async () => {
      const admin = new FormClient(server);
      await admin.signIn('ann');
      const { body, token } = await admin.get('/admin/users');
      expect(body).toContain('<td data-label="Name">eve</td>');
      const created = await admin.post('/admin/users', {
        _csrf: token!,
        name: 'Newcomer',
        password: 'a brand new passphrase',
        role: 'editor',
      });
      expect(created.status).toBe(303);
      expect((await admin.get(created.headers.get('location')!)).body).toContain(
        'Created newcomer.',
      );
      const newcomer = new FormClient(server);
      await newcomer.signIn('newcomer', 'a brand new passphrase');
      expect((await newcomer.get('/account')).body).toContain('(editor)');
      const {
        items: [entry],
      } = await listAudit(server.rolebook.ctx, systemActor('test'), { limit: 1 });
      expect(entry).toMatchObject({ action: 'user.sign-in' });
      const { items: entries } = await listAudit(server.rolebook.ctx, systemActor('test'), {
        limit: 50,
      });
      expect(
        entries.find((e) => e.action === 'user.create' && e.detail?.name === 'newcomer'),
      ).toMatchObject({ actor: 'user:ann' });
    });

    it('shows the form again with the reason when a user cannot be made', async () => {
      const admin = new FormClient(server);
      await admin.signIn('ann');
      const { token } = await admin.get('/admin/users');
      const response = await admin.post('/admin/users', {
        _csrf: token!,
        name: 'shorty',
        password: 'too short',
        role: 'viewer',
      });
      expect(response.status).toBe(400);
      const body = await response.text();
      expect(body).toContain('A password is 12 to 256 characters long.');
      expect(body).toContain('value="shorty"');
    });

    /** An admin's browser on the users page, with the token its forms carry. */
    const adminOnUsersPage = async () => {
      const admin = new FormClient(server);
      await admin.signIn('ann');
      const { token } = await admin.get('/admin/users');
      return { admin, token: token! };
    };

    it('lets an admin disable a user and re-enable them from the page', async () => {
      await addUser(server, 'rex', 'editor');
      const { admin, token } = await adminOnUsersPage();
      const disabled = await admin.post('/admin/users/rex', { _csrf: token, action: 'disable' });
      expect(disabled.headers.get('location')).toBe('/admin/users?changed=rex&did=disable');
      const shown = await admin.get(disabled.headers.get('location')!);
      expect(shown.body).toContain('Disabled rex; their sessions have ended.');
      expect(shown.body).toContain('aria-label="Re-enable rex"');
      await admin.post('/admin/users/rex', { _csrf: shown.token!, action: 'enable' });
      const rex = new FormClient(server);
      await rex.signIn('rex');
      expect((await rex.get('/account')).body).toContain('(editor)');
    });

    it('changes a role from the page', async () => {
      await addUser(server, 'sal', 'viewer');
      const { admin, token } = await adminOnUsersPage();
      await admin.post('/admin/users/sal', { _csrf: token, action: 'role', role: 'editor' });
      const users = await server.rolebook.ctx.store.db
        .selectFrom('users')
        .select('role')
        .where('name', '=', 'sal')
        .execute();
      expect(users).toEqual([{ role: 'editor' }]);
    });

    it('refuses on the page to demote the last enabled admin, saying why', async () => {
      const { admin, token } = await adminOnUsersPage();
      const response = await admin.post('/admin/users/ann', {
        _csrf: token,
        action: 'role',
        role: 'viewer',
      });
      expect(response.status).toBe(409);
      expect(await response.text()).toContain('ann is the last enabled admin');
    });

    it('refuses a change to a user sent without its token', async () => {
      const { admin } = await adminOnUsersPage();
      const response = await admin.post('/admin/users/eve', { action: 'disable' });
      expect(response.status).toBe(403);
    });
  });

  describe('the API with a session', () => {
    const sessionOf = async (name: string) => {
      const client = new FormClient(server);
      await client.signIn(name);
      return cookieHeader(client.jar);
    };

    it('lets an editor’s page write through the API, recorded as the user', async () => {
      const cookie = await sessionOf('eve');
      const response = await server.request('/v1/roles?taxonomy=rolebook', {
        method: 'POST',
        json: minimalRole('session-made'),
        headers: { cookie, origin: server.url },
      });
      expect(response.status).toBe(201);
      const revisions = await (
        await server.request('/v1/roles/rolebook/session-made/revisions', { headers: { cookie } })
      ).json();
      expect(revisions).toMatchObject({ items: [{ actor: 'user:eve', action: 'create' }] });
    });

    it('ignores the cookie on a write sent from another origin', async () => {
      const cookie = await sessionOf('eve');
      const response = await server.request('/v1/roles?taxonomy=rolebook', {
        method: 'POST',
        json: minimalRole('cross-site'),
        headers: { cookie, origin: 'https://evil.example' },
      });
      expect(response.status).toBe(401);
    });

    it('ignores the cookie on a write that names no origin', async () => {
      const cookie = await sessionOf('eve');
      const response = await server.request('/v1/roles?taxonomy=rolebook', {
        method: 'POST',
        json: minimalRole('no-origin'),
        headers: { cookie },
      });
      expect(response.status).toBe(401);
    });

    it('ignores the cookie on a write the browser marks cross-site', async () => {
      const cookie = await sessionOf('eve');
      const response = await server.request('/v1/roles?taxonomy=rolebook', {
        method: 'POST',
        json: minimalRole('marked-cross-site'),
        headers: { cookie, 'sec-fetch-site': 'cross-site' },
      });
      expect(response.status).toBe(401);
    });

    it('counts the cookie on a write the browser marks same-origin', async () => {
      const cookie = await sessionOf('eve');
      const response = await server.request('/v1/roles?taxonomy=rolebook', {
        method: 'POST',
        json: minimalRole('marked-same-origin'),
        headers: { cookie, 'sec-fetch-site': 'same-origin' },
      });
      expect(response.status).toBe(201);
    });

    it('ignores the cookie on a write from another origin that claims Sec-Fetch-Site same-origin', async () => {
      const cookie = await sessionOf('ann');
      const response = await server.request('/v1/keys', {
        method: 'POST',
        json: { name: 'planted', scopes: ['read'] },
        headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' },
      });
      expect(response.status).toBe(401);
    });

    it('counts the cookie on a write from its own origin whatever Sec-Fetch-Site says', async () => {
      const cookie = await sessionOf('eve');
      const response = await server.request('/v1/roles?taxonomy=rolebook', {
        method: 'POST',
        json: minimalRole('own-origin-marked-cross-site'),
        headers: { cookie, origin: server.url, 'sec-fetch-site': 'cross-site' },
      });
      expect(response.status).toBe(201);
    });

    it('refuses a viewer’s write with 403', async () => {
      const cookie = await sessionOf('vic');
      const response = await server.request('/v1/roles?taxonomy=rolebook', {
        method: 'POST',
        json: minimalRole('viewer-made'),
        headers: { cookie, origin: server.url },
      });
      expect(response.status).toBe(403);
    });
  });

  describe('the API with a session on a site with a public URL', () => {
    let published: TestServer;
    beforeAll(async () => {
      published = await startServer(target, { publicUrl: 'https://rolebook.example' });
      await addUser(published, 'eve', 'editor');
    });
    afterAll(async () => {
      await published.close();
    });

    it('counts the session on a write whose Origin is the public URL', async () => {
      const client = new FormClient(published);
      await client.signIn('eve');
      const response = await published.request('/v1/roles?taxonomy=rolebook', {
        method: 'POST',
        json: minimalRole('public-origin-made'),
        headers: { cookie: cookieHeader(client.jar), origin: 'https://rolebook.example' },
      });
      expect(response.status).toBe(201);
    });
  });
});
