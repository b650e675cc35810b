import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, systemActor } from '../../src/services/index.js';
import { startServer, type TestServer } from '../support/server.js';
import { guideSections } from '../support/guides.js';
import { storeTargets } from '../support/stores.js';

const minimalRole = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  name: `Role ${code}`,
  summary: 'A role the editorial tests write.',
  ...extra,
});

describe.each(storeTargets)('editorial integrity on $name', (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(target);
  });
  afterAll(async () => {
    await server.close();
  });

  const create = async (code: string, extra: Record<string, unknown> = {}) => {
    const response = await server.request('/v1/roles', {
      method: 'POST',
      json: minimalRole(code, { ...guideSections(`Role ${code}`), status: 'published', ...extra }),
      key: server.writeKey,
    });
    expect(response.status).toBe(201);
    return (await response.json()) as Record<string, unknown> & { version: number };
  };
  const put = (code: string, body: unknown, ifMatch: string) =>
    server.request(`/v1/roles/rolebook/${code}`, {
      method: 'PUT',
      json: body,
      key: server.writeKey,
      headers: { 'if-match': ifMatch },
    });
  const remove = (code: string, ifMatch: string, key = server.writeKey) =>
    server.request(`/v1/roles/rolebook/${code}`, {
      method: 'DELETE',
      key,
      headers: { 'if-match': ifMatch },
    });
  /** Brings back `version` of a role, naming in If-Match the version it replaces. */
  const revert = (code: string, version: number, ifMatch: string) =>
    server.request(`/v1/roles/rolebook/${code}/revert`, {
      method: 'POST',
      json: { version },
      key: server.writeKey,
      headers: { 'if-match': ifMatch },
    });
  const revisions = async (code: string) =>
    (
      (await (
        await server.request(`/v1/roles/rolebook/${code}/revisions`, { key: server.writeKey })
      ).json()) as { items: { version: number; action: string }[] }
    ).items;

  it('takes back the role exactly as GET sent it', async () => {
    await create('round-trip');
    const got = (await (await server.request('/v1/roles/rolebook/round-trip')).json()) as Record<
      string,
      unknown
    >;
    const response = await put('round-trip', { ...got, summary: 'Edited after a GET.' }, '"1"');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ summary: 'Edited after a GET.', version: 2 });
  });

  it('refuses a body whose code is not the URL’s, and changes nothing', async () => {
    const role = await create('own-url');
    const response = await put('own-url', { ...role, code: 'someone-else' }, '"1"');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ field: 'code' }] });
    expect(await revisions('own-url')).toHaveLength(1);
  });

  it('refuses a body edited from another version than the one stored', async () => {
    const role = await create('stamped');
    const response = await put('stamped', { ...role, version: 7, summary: 'Late.' }, '"1"');
    expect(response.status).toBe(412);
    expect(await response.json()).toMatchObject({ errors: [{ field: 'version' }] });
  });

  it('makes no new version when the content saved is the content stored', async () => {
    const role = await create('same-again');
    const response = await put('same-again', role, '"1"');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(await revisions('same-again')).toHaveLength(1);
  });

  it('takes If-Match: * as whatever version is stored', async () => {
    const role = await create('any-version');
    const response = await put('any-version', { ...role, summary: 'Edited blind.' }, '*');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
  });

  it('finds no match for a weak tag, as RFC 9110 compares If-Match strongly', async () => {
    const role = await create('weak-tag');
    const response = await put('weak-tag', { ...role, summary: 'Weak.' }, 'W/"1"');
    expect(response.status).toBe(412);
    expect(await revisions('weak-tag')).toHaveLength(1);
  });

  it('matches any tag of an If-Match list', async () => {
    const role = await create('tag-list');
    const response = await put('tag-list', { ...role, summary: 'Listed.' }, '"9", "1"');
    expect(response.status).toBe(200);
  });

  it('creates a draft from a code, a name and a summary, which lint calls incomplete', async () => {
    const response = await server.request('/v1/roles', {
      method: 'POST',
      json: minimalRole('bare-draft'),
      key: server.writeKey,
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ status: 'draft', responsibilities: [] });
    const lint = (await (
      await server.request('/v1/roles/rolebook/bare-draft/lint', { key: server.writeKey })
    ).json()) as { findings: { rule: string }[] };
    expect(lint.findings.map((f) => f.rule)).toContain('missing-section');
  });

  it('refuses to publish a role lint finds errors in, listing each error by its field', async () => {
    const response = await server.request('/v1/roles', {
      method: 'POST',
      json: minimalRole('unfinished', {
        ...guideSections('Role unfinished'),
        summary: 'What a {role_name} does.',
        links: [],
        status: 'published',
      }),
      key: server.writeKey,
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      code: 'lint_failed',
      errors: [
        { field: 'summary', message: 'the placeholder {role_name} was never filled in (summary)' },
        { field: 'links', message: 'the links section is missing' },
      ],
    });
    expect((await server.request('/v1/roles/rolebook/unfinished')).status).toBe(404);
  });

  it('publishes a role lint only warns about', async () => {
    const related = [{ taxonomy: 'rolebook', code: 'bare-related' }];
    await server.request('/v1/roles', {
      method: 'POST',
      json: minimalRole('bare-related'),
      key: server.writeKey,
    });
    const role = await create('warned', { relatedRoles: related });
    const lint = (await (
      await server.request('/v1/roles/rolebook/warned/lint', { key: server.writeKey })
    ).json()) as { errors: number; findings: { rule: string }[] };
    expect(role).toMatchObject({ status: 'published' });
    expect(lint.errors).toBe(0);
    expect(lint.findings.map((f) => f.rule)).toEqual(['unpublished-role']);
  });

  it('refuses a built-in role whose code is not a slug, naming the field', async () => {
    const response = await server.request('/v1/roles', {
      method: 'POST',
      json: minimalRole('Data_Engineer'),
      key: server.writeKey,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'code', message: expect.stringMatching(/^must be a slug/) as string }],
    });
  });

  it('keeps a draft from anyone without a key', async () => {
    await server.request('/v1/roles', {
      method: 'POST',
      json: minimalRole('hidden-draft'),
      key: server.writeKey,
    });
    expect((await server.request('/v1/roles/rolebook/hidden-draft')).status).toBe(404);
    const list = (await (await server.request('/v1/roles?q=hidden-draft')).json()) as {
      total: number;
    };
    expect(list.total).toBe(0);
  });

  it('answers a delete with the roles that still name the deleted one', async () => {
    await create('going');
    await create('pointing', { relatedRoles: [{ taxonomy: 'rolebook', code: 'going' }] });
    const response = await remove('going', '"1"');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      version: 2,
      referencedBy: [
        {
          field: 'rolebook/pointing: relatedRoles.0',
          message: 'role rolebook/pointing still names it in relatedRoles.0',
        },
      ],
    });
    const lint = (await (await server.request('/v1/roles/rolebook/pointing/lint')).json()) as {
      findings: { rule: string; field: string }[];
    };
    expect(lint.findings).toContainEqual(
      expect.objectContaining({ rule: 'unknown-role', field: 'relatedRoles.0' }),
    );
  });

  it('leaves an unpublished related role out of a published guide and its page', async () => {
    await create('unpublished-peer', { status: 'draft', name: 'Secret Peer' });
    await create('peering', { relatedRoles: [{ taxonomy: 'rolebook', code: 'unpublished-peer' }] });
    const markdown = await (
      await server.request('/v1/roles/rolebook/peering/guide?format=md')
    ).text();
    expect(markdown).not.toContain('Secret Peer');
    const page = await (await server.request('/roles/peering')).text();
    expect(page).not.toContain('Secret Peer');
    expect(page).not.toContain('/roles/unpublished-peer');
  });

  it('names a related role in the guide once it is published', async () => {
    const peer = await create('later-peer', { status: 'draft', name: 'Later Peer' });
    await create('awaiting', { relatedRoles: [{ taxonomy: 'rolebook', code: 'later-peer' }] });
    expect((await put('later-peer', { ...peer, status: 'published' }, '"1"')).status).toBe(200);
    const markdown = await (
      await server.request('/v1/roles/rolebook/awaiting/guide?format=md')
    ).text();
    expect(markdown).toContain('Later Peer');
  });

  it('warns in lint of a related role that is not published', async () => {
    await create('quiet-peer', { status: 'draft' });
    await create('linted', { relatedRoles: [{ taxonomy: 'rolebook', code: 'quiet-peer' }] });
    const lint = (await (await server.request('/v1/roles/rolebook/linted/lint')).json()) as {
      findings: { rule: string; field: string; severity: string }[];
    };
    expect(lint.findings).toContainEqual(
      expect.objectContaining({
        rule: 'unpublished-role',
        severity: 'warning',
        field: 'relatedRoles.0',
      }),
    );
  });

  it('restores a deleted role with its history, as the version after the delete', async () => {
    await create('restored');
    expect((await remove('restored', '"1"')).status).toBe(200);
    expect((await server.request('/v1/roles/rolebook/restored')).status).toBe(404);
    expect((await revisions('restored')).map((r) => r.action)).toEqual(['delete', 'create']);
    const response = await revert('restored', 1, '"2"');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ code: 'restored', version: 3 });
    expect((await server.request('/v1/roles/rolebook/restored')).status).toBe(200);
  });

  it('refuses to restore the delete itself: the body names the version before it', async () => {
    await create('deleted-twice-over');
    expect((await remove('deleted-twice-over', '"1"')).status).toBe(200);
    const response = await revert('deleted-twice-over', 2, '"2"');
    expect(response.status).toBe(404);
    expect((await server.request('/v1/roles/rolebook/deleted-twice-over')).status).toBe(404);
  });

  it('keeps a deleted role’s history from anyone without a key', async () => {
    await create('history-kept');
    await remove('history-kept', '"1"');
    expect((await server.request('/v1/roles/rolebook/history-kept/revisions')).status).toBe(401);
  });

  it('refuses a delete to a key without the delete scope', async () => {
    await create('needs-delete');
    const { secret } = await createApiKey(server.rolebook.ctx, systemActor('test'), {
      name: 'writer',
      scopes: ['read', 'write'],
    });
    const response = await remove('needs-delete', '"1"', secret);
    expect(response.status).toBe(403);
    expect((await server.request('/v1/roles/rolebook/needs-delete')).status).toBe(200);
  });
});
