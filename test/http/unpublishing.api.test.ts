import { describe, expect, it } from 'vitest';
import { serverForTests } from '../support/server.js';
import { guideSections } from '../support/guides.js';
import { storeTargets } from '../support/stores.js';

interface Role extends Record<string, unknown> {
  code: string;
  status: string;
  version: number;
}

/*
 * Taking a published role back to draft hides it from every reader, as a delete does: it is held
 * to a delete's rules whichever write does it, and publishing a draft always publishes.
 */
describe.each(storeTargets)('unpublishing a role on $name', (target) => {
  /** `writer`: a writer without the delete scope. */
  const { server, keys } = serverForTests(target, { keys: { writer: ['read', 'write'] } });

  const roleUrl = (code: string) => `/v1/roles/rolebook/${code}`;
  const create = async (code: string, status: 'draft' | 'published'): Promise<Role> => {
    const response = await server.request('/v1/roles', {
      method: 'POST',
      json: {
        code,
        name: `Role ${code}`,
        summary: 'What it does.',
        ...guideSections(`Role ${code}`),
        status,
      },
      key: server.writeKey,
    });
    expect(response.status).toBe(201);
    return (await response.json()) as Role;
  };
  const put = (role: Role, change: Partial<Role>, key: string) =>
    server.request(roleUrl(role.code), {
      method: 'PUT',
      json: { ...role, ...change },
      key,
      headers: { 'if-match': `"${role.version}"` },
    });
  const publicStatus = async (code: string) => (await server.request(roleUrl(code))).status;
  const actions = async (code: string) =>
    (
      (await (
        await server.request(`${roleUrl(code)}/revisions`, { key: server.writeKey })
      ).json()) as { items: { action: string }[] }
    ).items.map((r) => r.action);
  const startDraft = async (role: Role, change: Partial<Role>, key = server.writeKey) => {
    const { taxonomy: _t, code: _c, version: _v, createdAt: _a, updatedAt: _u, ...content } = role;
    const response = await server.request(`${roleUrl(role.code)}/draft`, {
      method: 'POST',
      json: { content: { ...content, ...change } },
      key,
    });
    expect(response.status).toBe(201);
  };

  it('refuses a writer without the delete scope to put a published role back to draft', async () => {
    const role = await create('put-back', 'published');
    const response = await put(role, { status: 'draft' }, keys.writer);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { detail: string }).detail).toContain('"delete"');
    expect(await publicStatus('put-back')).toBe(200);
  });

  it('unpublishes a role for a writer with the delete scope, recorded as an unpublish', async () => {
    const role = await create('unpublished', 'published');
    const response = await put(role, { status: 'draft' }, server.writeKey);
    expect(response.status).toBe(200);
    expect(await publicStatus('unpublished')).toBe(404);
    expect(await actions('unpublished')).toEqual(['unpublish', 'create']);
  });

  it('refuses to unpublish a role with a pending draft, as it refuses to delete it', async () => {
    const role = await create('drafted-then-unpublished', 'published');
    await startDraft(role, { summary: 'Work in progress.' });
    const response = await put(role, { status: 'draft' }, server.writeKey);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { detail: string }).detail).toContain(
      'discard or publish it before unpublishing',
    );
    expect(await publicStatus('drafted-then-unpublished')).toBe(200);
  });

  it('still lets a writer without the delete scope edit a role never published', async () => {
    const role = await create('never-published', 'draft');
    const response = await put(role, { summary: 'Still a draft.' }, keys.writer);
    expect(response.status).toBe(200);
    expect(await actions('never-published')).toEqual(['update', 'create']);
  });

  it('records a role never published put as published as a publish', async () => {
    const role = await create('put-published', 'draft');
    expect((await put(role, { status: 'published' }, keys.writer)).status).toBe(200);
    expect(await actions('put-published')).toEqual(['publish', 'create']);
  });

  it('refuses a writer without the delete scope to revert a published role to a draft version', async () => {
    const role = await create('reverted-to-draft', 'draft');
    const published = await put(role, { status: 'published' }, server.writeKey);
    expect(published.status).toBe(200);
    const response = await server.request(`${roleUrl('reverted-to-draft')}/revert`, {
      method: 'POST',
      json: { version: 1 },
      key: keys.writer,
      headers: { 'if-match': '"2"' },
    });
    expect(response.status).toBe(403);
    expect(await publicStatus('reverted-to-draft')).toBe(200);
  });

  it("publishes a draft as published whatever the draft's own status says", async () => {
    const role = await create('draft-says-draft', 'published');
    await startDraft(role, { status: 'draft', summary: 'Reviewed.' }, keys.writer);
    const response = await server.request(`${roleUrl('draft-says-draft')}/draft/publish`, {
      method: 'POST',
      key: keys.writer,
      headers: { 'if-match': '"1"' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'published', summary: 'Reviewed.' });
    expect(await publicStatus('draft-says-draft')).toBe(200);
    expect(await actions('draft-says-draft')).toEqual(['publish', 'create']);
  });
});
