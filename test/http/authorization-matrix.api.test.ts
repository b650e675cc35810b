import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultServerLimits } from '../../src/config.js';
import {
  createApiKey,
  createUser,
  signIn,
  systemActor,
  type Scope,
} from '../../src/services/index.js';
import { servedRoutes } from '../support/served-routes.js';
import { startServer, type TestServer } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

/**
 * Who may use each endpoint and page: `public` for anyone, `session` for a signed-in user,
 * `identified` for any API key or signed-in user (what they make is theirs), or the one scope it
 * needs. Every operation the API documents must be here, and every cell of
 * endpoint × actor must answer as the table says: a refused actor gets 401 (no key or session)
 * or 403 (a key or a user's role without the scope), and on a page an actor with neither is sent
 * to sign in; an allowed one gets anything else. The requests carry no usable body or If-Match,
 * so nothing is written.
 */
const table: Record<string, 'public' | 'session' | 'identified' | Scope> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /metrics': 'public',
  'GET /v1/taxonomies': 'public',
  'POST /v1/taxonomies/{id}/roles': 'write',
  'GET /v1/roles': 'public',
  'POST /v1/roles': 'write',
  'GET /v1/roles/{taxonomy}/{code}': 'public',
  'PUT /v1/roles/{taxonomy}/{code}': 'write',
  'DELETE /v1/roles/{taxonomy}/{code}': 'delete',
  'GET /v1/roles/{taxonomy}/{code}/revisions': 'public',
  'POST /v1/roles/{taxonomy}/{code}/revert': 'write',
  'GET /v1/terms': 'public',
  'POST /v1/terms': 'write',
  'GET /v1/terms/{slug}': 'public',
  'PUT /v1/terms/{slug}': 'write',
  'DELETE /v1/terms/{slug}': 'delete',
  'GET /v1/terms/{slug}/revisions': 'public',
  'POST /v1/terms/{slug}/revert': 'write',
  'GET /v1/drafts': 'read',
  'GET /v1/roles/{taxonomy}/{code}/draft': 'read',
  'POST /v1/roles/{taxonomy}/{code}/draft': 'write',
  'PUT /v1/roles/{taxonomy}/{code}/draft': 'write',
  'DELETE /v1/roles/{taxonomy}/{code}/draft': 'write',
  'POST /v1/roles/{taxonomy}/{code}/draft/publish': 'write',
  'GET /v1/terms/{slug}/draft': 'read',
  'POST /v1/terms/{slug}/draft': 'write',
  'PUT /v1/terms/{slug}/draft': 'write',
  'DELETE /v1/terms/{slug}/draft': 'write',
  'POST /v1/terms/{slug}/draft/publish': 'write',
  'GET /v1/roles/{taxonomy}/{code}/lint': 'public',
  'GET /v1/lint': 'public',
  'GET /v1/keys': 'admin',
  'POST /v1/keys': 'admin',
  'DELETE /v1/keys/{id}': 'admin',
  'GET /v1/audit': 'admin',
  'GET /v1/users': 'admin',
  'POST /v1/users': 'admin',
  'GET /v1/users/{name}': 'admin',
  'PUT /v1/users/{name}/role': 'admin',
  'PUT /v1/users/{name}/disabled': 'admin',
  'DELETE /v1/users/{name}/disabled': 'admin',
  'DELETE /v1/users/{name}/sessions': 'admin',
  'GET /v1/normalize': 'public',
  'POST /v1/normalize': 'public',
  'POST /v1/normalize/jobs': 'identified',
  'GET /v1/normalize/jobs': 'identified',
  'GET /v1/normalize/jobs/{id}': 'identified',
  'GET /v1/normalize/jobs/{id}/result': 'identified',
  'POST /v1/normalize/jobs/{id}/cancel': 'identified',
  'POST /v1/analyze': 'public',
  'POST /v1/diagnose': 'public',
  'GET /v1/roles/{taxonomy}/{code}/guide': 'public',
  'GET /': 'public',
  'GET /roles/{code}': 'public',
  'GET /terms': 'public',
  'GET /search': 'public',
  'GET /normalize': 'public',
  'GET /api': 'public',
  'GET /sign-in': 'public',
  'GET /account': 'session',
  'GET /admin/users': 'admin',
  'GET /admin/keys': 'admin',
  'POST /admin/keys': 'admin',
  'POST /admin/keys/{id}/revoke': 'admin',
  'GET /roles': 'public',
  'GET /roles/{taxonomy}/{code}': 'public',
  'GET /terms/{slug}': 'public',
  'GET /search/suggest': 'public',
  'GET /analyze': 'public',
  'POST /analyze': 'public',
  'GET /diagnose': 'public',
  'GET /compare': 'public',
  'POST /diagnose': 'public',
  'POST /normalize': 'public',
  'GET /normalize/jobs': 'session',
  'POST /normalize/jobs': 'session',
  'GET /normalize/jobs/{id}/result': 'session',
  'POST /normalize/jobs/{id}/cancel': 'session',
  'POST /sign-in': 'public',
  'GET /edit/new-role': 'write',
  'POST /edit/new-role': 'write',
  'GET /edit/new-term': 'write',
  'POST /edit/new-term': 'write',
  'GET /edit/roles/{taxonomy}/{code}': 'write',
  'POST /edit/roles/{taxonomy}/{code}': 'write',
  'GET /edit/roles/{taxonomy}/{code}/revisions': 'write',
  'POST /edit/roles/{taxonomy}/{code}/revisions': 'write',
  'GET /edit/terms/{slug}': 'write',
  'POST /edit/terms/{slug}': 'write',
  'GET /edit/terms/{slug}/revisions': 'write',
  'POST /edit/terms/{slug}/revisions': 'write',
  'POST /admin/users': 'admin',
  'POST /admin/users/{name}': 'admin',
  // Last: it ends the session of the actor that sends it.
  'POST /sign-out': 'public',
};

/**
 * Pages and forms are not in the API's document; these are the ones a reader reaches. A form is
 * posted with a CSRF token of the actor's own, so what answers is who the actor is, not a missing
 * token; the form has nothing else in it, so an allowed actor is told what the form lacks.
 */
const pages = Object.keys(table).filter(
  (operation) => !/ \/(?:v1|healthz|readyz|metrics)\b/.test(operation),
);

const params: Record<string, string> = {
  taxonomy: 'rolebook',
  code: 'api-builder',
  slug: 'api',
  id: 'no-such-key',
  name: 'no-such-user',
};

const urlOf = (path: string) => path.replace(/\{(\w+)\}/g, (_m, name: string) => params[name]!);

/** An actor with a `role` is a user signed in to the site; one with scopes only, an API key. */
const actors: { name: string; scopes: Scope[] | undefined; role?: string }[] = [
  { name: 'anonymous', scopes: undefined },
  { name: 'read key', scopes: ['read'] },
  { name: 'write key', scopes: ['write'] },
  { name: 'delete key', scopes: ['delete'] },
  { name: 'admin key', scopes: ['admin'] },
  { name: 'editor key', scopes: ['read', 'write', 'delete'] },
  { name: 'every scope', scopes: ['read', 'write', 'delete', 'admin'] },
  { name: 'viewer', scopes: ['read'], role: 'viewer' },
  { name: 'editor', scopes: ['read', 'write'], role: 'editor' },
  { name: 'admin', scopes: ['read', 'write', 'delete', 'admin'], role: 'admin' },
];

const expectedOf = (operation: string, needs: string, actor: (typeof actors)[number]) => {
  if (needs === 'public') return 'allowed';
  if (needs === 'session') return actor.role ? 'allowed' : 'sign-in';
  if (needs === 'identified') return actor.scopes ? 'allowed' : 401;
  if (actor.scopes?.includes(needs as Scope)) return 'allowed';
  if (pages.includes(operation) && !actor.role && !actor.scopes) return 'sign-in';
  return actor.scopes ? 403 : 401;
};

describe.each(storeTargets)('authorisation matrix on $name', (target) => {
  let server: TestServer;
  const secrets = new Map<string, string>();
  const sessions = new Map<string, string>();
  /** Each actor's form token, with the cookie that holds its secret. */
  const tokens = new Map<string, { token: string; cookie: string }>();
  beforeAll(async () => {
    server = await startServer(target);
    for (const actor of actors) {
      if (actor.role) {
        const password = 'a passphrase for the matrix';
        const ctx = server.rolebook.ctx;
        await createUser(ctx, systemActor('test'), {
          name: actor.name,
          password,
          role: actor.role,
        });
        const { secret } = await signIn(ctx, defaultServerLimits, {
          name: actor.name,
          password,
          address: '127.0.0.1',
        });
        sessions.set(actor.name, secret);
        continue;
      }
      if (!actor.scopes) continue;
      const { secret } = await createApiKey(server.rolebook.ctx, systemActor('test'), {
        name: actor.name,
        scopes: actor.scopes,
      });
      secrets.set(actor.name, secret);
    }
    for (const actor of actors) {
      const session = sessions.get(actor.name);
      const key = secrets.get(actor.name);
      const response = await server.request(session ? '/account' : '/sign-in', {
        ...(key ? { key } : {}),
        ...(session ? { headers: { cookie: `rolebook_session=${session}` } } : {}),
      });
      const token = /name="_csrf" value="([^"]+)"/.exec(await response.text())?.[1];
      const cookie = /rolebook_csrf=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
      expect([token, cookie]).not.toContain(undefined);
      tokens.set(actor.name, { token: token!, cookie: cookie! });
    }
  });
  afterAll(async () => {
    await server.close();
  });

  it('has a row for every operation the API documents, and no other', async () => {
    const document = (await (await server.request('/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect([...documented, ...pages].sort()).toEqual(Object.keys(table).sort());
  });

  it('has a row for every page and form the site serves', () => {
    const shape = (operation: string) => operation.replace(/\{\w+\}/g, '{}');
    // Files a page loads, and the API's document, are the same for everyone: no page or form.
    const asset = / \/(?:v1\/docs|v1\/openapi\.json|static|scripts|favicon)\b/;
    const served = servedRoutes(server.app).filter((operation) => !asset.test(operation));
    expect(served).toContain('POST /edit/roles/{}/{}');
    expect([...new Set(served)].sort()).toEqual([...new Set(Object.keys(table).map(shape))].sort());
  });

  it('answers every cell as the table says, and writes nothing', async () => {
    const before = await server.rolebook.ctx.store.db
      .selectFrom('revisions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const wrong: string[] = [];
    let cells = 0;
    for (const [operation, needs] of Object.entries(table)) {
      const [method, path] = operation.split(' ') as [string, string];
      for (const actor of actors) {
        cells += 1;
        const key = secrets.get(actor.name);
        const session = sessions.get(actor.name);
        const form = method === 'POST' && pages.includes(operation);
        const hasBody = method === 'POST' || method === 'PUT';
        const csrf = tokens.get(actor.name)!;
        const cookies = [
          ...(session ? [`rolebook_session=${session}`] : []),
          ...(form ? [csrf.cookie] : []),
        ];
        const query = ['/search', '/normalize', '/search/suggest'].includes(path)
          ? '?q=api&title=api'
          : '';
        const response = await server.request(`${urlOf(path)}${query}`, {
          method,
          redirect: 'manual',
          ...(key ? { key } : {}),
          ...(hasBody && !form ? { json: {} } : {}),
          ...(form ? { body: new URLSearchParams({ _csrf: csrf.token }) } : {}),
          // A signed-in user's page calls the API from the site's own origin.
          headers: {
            ...(cookies.length > 0 ? { cookie: cookies.join('; ') } : {}),
            ...(session || form ? { origin: server.url } : {}),
          },
        });
        await response.arrayBuffer();
        const expected = expectedOf(operation, needs, actor);
        // Signing out also lands on the sign-in page, saying so: that is no refusal.
        const toSignIn =
          response.status === 303 &&
          /^\/sign-in(?:\?next=|$)/.test(response.headers.get('location') ?? '');
        const got = toSignIn
          ? 'sign-in'
          : [401, 403].includes(response.status)
            ? response.status
            : 'allowed';
        if (got !== expected) wrong.push(`${operation} as ${actor.name}: ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(cells).toBe(Object.keys(table).length * actors.length);
    const after = await server.rolebook.ctx.store.db
      .selectFrom('revisions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
