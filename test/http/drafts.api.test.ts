import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { importGuidePage, systemActor } from '../../src/services/index.js';
import { fixtures } from '../support/cli.js';
import { serverForTests } from '../support/server.js';
import { guideSections } from '../support/guides.js';
import { storeTargets } from '../support/stores.js';

interface Role extends Record<string, unknown> {
  code: string;
  summary: string;
  alternativeTitles: string[];
  version: number;
}

/** A role's editable content, as GET sends it without its key and stamps. */
const contentOf = (role: Role) => {
  const { taxonomy: _t, code: _c, version: _v, createdAt: _a, updatedAt: _u, ...content } = role;
  return content;
};

describe.each(storeTargets)('pending drafts on $name', (target) => {
  const { server, keys } = serverForTests(target, { keys: { reader: ['read'] } });

  const publishedRole = async (code: string): Promise<Role> => {
    const response = await server.request('/v1/roles', {
      method: 'POST',
      json: {
        code,
        name: `Drafted ${code}`,
        summary: 'The published summary.',
        ...guideSections(`Drafted ${code}`),
        status: 'published',
      },
      key: server.writeKey,
    });
    expect(response.status).toBe(201);
    return (await response.json()) as Role;
  };
  /** A role created without a status: a draft, never published. */
  const newRole = async (code: string, name: string) => {
    const created = await server.request('/v1/roles', {
      method: 'POST',
      json: { code, name, summary: 'Not published yet.', ...guideSections(name) },
      key: server.writeKey,
    });
    expect(created.status).toBe(201);
  };
  const draftUrl = (code: string) => `/v1/roles/rolebook/${code}/draft`;
  const startDraft = async (role: Role, change: Partial<Role>) => {
    const response = await server.request(draftUrl(role.code), {
      method: 'POST',
      json: { content: { ...contentOf(role), ...change } },
      key: server.writeKey,
    });
    expect(response.status).toBe(201);
    return response;
  };
  const saveDraft = (code: string, body: unknown, ifMatch: string) =>
    server.request(draftUrl(code), {
      method: 'PUT',
      json: body,
      key: server.writeKey,
      headers: { 'if-match': ifMatch },
    });
  const publish = (code: string, ifMatch: string) =>
    server.request(`${draftUrl(code)}/publish`, {
      method: 'POST',
      key: server.writeKey,
      headers: { 'if-match': ifMatch },
    });
  const publicRole = async (code: string) =>
    (await (await server.request(`/v1/roles/rolebook/${code}`)).json()) as Role;
  const revisions = async (code: string) =>
    (
      (await (
        await server.request(`/v1/roles/rolebook/${code}/revisions`, { key: server.writeKey })
      ).json()) as { items: { version: number; action: string }[] }
    ).items;
  /** The audit log's entries for a role of the built-in taxonomy, oldest first. */
  const auditActions = async (code: string) =>
    (
      await server.rolebook.ctx.store.db
        .selectFrom('audit_log')
        .select(['action'])
        .where('target', '=', `rolebook/${code}`)
        .orderBy('id')
        .execute()
    ).map((e) => e.action);

  it('starts a draft from the role as GET sends it, its stamps ignored', async () => {
    const role = await publishedRole('drafted-as-got');
    const response = await server.request(draftUrl(role.code), {
      method: 'POST',
      json: { content: { ...role, summary: 'Edited as fetched.' } },
      key: server.writeKey,
    });
    expect(response.status).toBe(201);
    const draft = (await response.json()) as { baseVersion: number; content: Role };
    expect(draft.baseVersion).toBe(role.version);
    expect(draft.content).toEqual({ ...contentOf(role), summary: 'Edited as fetched.' });
  });

  it('saves a draft from the role as GET sends it, with stamps of another version', async () => {
    const role = await publishedRole('saved-as-got');
    const started = await startDraft(role, {});
    const stale = { ...role, version: 7, createdAt: '2020-01-01T00:00:00.000Z' };
    const response = await saveDraft(
      role.code,
      { content: { ...stale, summary: 'Saved as fetched.' } },
      started.headers.get('etag')!,
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { content: Role }).content.summary).toBe(
      'Saved as fetched.',
    );
  });

  it('refuses a draft whose content names another role than its URL, naming the field', async () => {
    const role = await publishedRole('drafted-elsewhere');
    const response = await server.request(draftUrl(role.code), {
      method: 'POST',
      json: { content: { ...role, code: 'another-role' } },
      key: server.writeKey,
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field)).toEqual(['content.code']);
  });

  it('keeps serving the published role to a public GET while a draft is pending', async () => {
    const role = await publishedRole('public-api-read');
    await startDraft(role, { summary: 'The draft summary.' });
    const served = await publicRole('public-api-read');
    expect(served).toMatchObject({ summary: 'The published summary.', version: 1 });
  });

  it("keeps serving the published guide's page while a draft is pending", async () => {
    const role = await publishedRole('public-page-read');
    await startDraft(role, { summary: 'Words only the draft has.' });
    const page = await server.request('/roles/public-page-read');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('The published summary.');
    expect(html).not.toContain('Words only the draft has.');
  });

  it('does not normalize a title only the draft gives the role', async () => {
    const role = await publishedRole('title-in-draft');
    await startDraft(role, { alternativeTitles: ['Zeppelin Quartermaster'] });
    const result = (await (
      await server.request('/v1/normalize?title=Zeppelin%20Quartermaster')
    ).json()) as { matches: { code: string }[] };
    expect(result.matches.map((m) => m.code)).not.toContain('title-in-draft');
  });

  it('refuses with 409 to delete a role with a pending draft, naming the draft', async () => {
    const role = await publishedRole('drafted-then-deleted');
    await startDraft(role, { summary: 'A summary in progress.' });
    const response = await server.request('/v1/roles/rolebook/drafted-then-deleted', {
      method: 'DELETE',
      headers: { 'if-match': `"${role.version}"` },
      key: server.writeKey,
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ errors: [{ field: 'draft' }] });
    expect((await server.request('/v1/roles/rolebook/drafted-then-deleted')).status).toBe(200);
  });

  it('refuses the draft to a caller without a key', async () => {
    const role = await publishedRole('draft-anonymous');
    await startDraft(role, { summary: 'Hidden.' });
    expect((await server.request(draftUrl('draft-anonymous'))).status).toBe(401);
  });

  it('shows the draft with its lint findings to a key with the read scope', async () => {
    const role = await publishedRole('draft-for-reader');
    await startDraft(role, { summary: 'Fill in {role_name} here.' });
    const response = await server.request(draftUrl('draft-for-reader'), { key: keys.reader });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    const draft = (await response.json()) as {
      baseVersion: number;
      content: { summary: string };
      lint: { errors: number; findings: { rule: string }[] };
    };
    expect(draft).toMatchObject({
      baseVersion: 1,
      content: { summary: 'Fill in {role_name} here.' },
    });
    expect(draft.lint.findings.map((f) => f.rule)).toContain('placeholder');
  });

  it('refuses a second draft of the same role with a conflict', async () => {
    const role = await publishedRole('one-draft-only');
    await startDraft(role, { summary: 'First.' });
    const second = await server.request(draftUrl('one-draft-only'), {
      method: 'POST',
      json: { content: { ...contentOf(role), summary: 'Second.' } },
      key: server.writeKey,
    });
    expect(second.status).toBe(409);
  });

  it('refuses a draft save edited from a draft version no longer stored', async () => {
    const role = await publishedRole('stale-draft-save');
    await startDraft(role, { summary: 'One.' });
    const first = await saveDraft(
      'stale-draft-save',
      { content: { ...contentOf(role), summary: 'Two.' } },
      '"1"',
    );
    expect(first.headers.get('etag')).toBe('"2"');
    const late = await saveDraft(
      'stale-draft-save',
      { content: { ...contentOf(role), summary: 'Late.' } },
      '"1"',
    );
    expect(late.status).toBe(412);
    const draft = (await (
      await server.request(draftUrl('stale-draft-save'), { key: keys.reader })
    ).json()) as { content: { summary: string } };
    expect(draft.content.summary).toBe('Two.');
  });

  it('refuses to publish a draft lint finds errors in, keeping the draft and the role', async () => {
    const role = await publishedRole('erring-draft');
    await startDraft(role, { summary: 'Fill in {role_name} here.', skills: [] });
    const response = await publish('erring-draft', '"1"');
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      code: 'lint_failed',
      errors: [
        { field: 'summary', message: 'the placeholder {role_name} was never filled in (summary)' },
        { field: 'skills', message: 'the skills section is missing' },
      ],
    });
    expect(await publicRole('erring-draft')).toMatchObject({ summary: role.summary, version: 1 });
    expect((await server.request(draftUrl('erring-draft'), { key: keys.reader })).status).toBe(200);
  });

  it('publishes the draft as the next version, recorded as a publish, and drops it', async () => {
    const role = await publishedRole('published-draft');
    await startDraft(role, { summary: 'Reviewed and ready.' });
    const response = await publish('published-draft', '"1"');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    expect(await publicRole('published-draft')).toMatchObject({
      summary: 'Reviewed and ready.',
      version: 2,
    });
    expect((await revisions('published-draft')).map((r) => [r.version, r.action])).toEqual([
      [2, 'publish'],
      [1, 'create'],
    ]);
    expect((await server.request(draftUrl('published-draft'), { key: keys.reader })).status).toBe(
      404,
    );
  });

  it('refuses to publish a draft whose role changed since, and keeps both', async () => {
    const role = await publishedRole('moved-on');
    await startDraft(role, { summary: 'Based on version 1.' });
    const edit = await server.request('/v1/roles/rolebook/moved-on', {
      method: 'PUT',
      json: { ...role, summary: 'Edited meanwhile.' },
      key: server.writeKey,
      headers: { 'if-match': '"1"' },
    });
    expect(edit.status).toBe(200);
    const response = await publish('moved-on', '"1"');
    expect(response.status).toBe(409);
    expect(((await response.json()) as { detail: string }).detail).toContain(
      'at version 2, but the draft was edited from version 1',
    );
    expect(await publicRole('moved-on')).toMatchObject({ summary: 'Edited meanwhile.' });
    expect((await server.request(draftUrl('moved-on'), { key: keys.reader })).status).toBe(200);
  });

  it('publishes a draft brought up to date with the version the role moved on to', async () => {
    const role = await publishedRole('rebased');
    await startDraft(role, { summary: 'Draft text.' });
    await server.request('/v1/roles/rolebook/rebased', {
      method: 'PUT',
      json: { ...role, summary: 'Edited meanwhile.' },
      key: server.writeKey,
      headers: { 'if-match': '"1"' },
    });
    const rebased = await saveDraft(
      'rebased',
      { content: { ...contentOf(role), summary: 'Draft text, merged.' }, baseVersion: 2 },
      '"1"',
    );
    expect(rebased.status).toBe(200);
    expect((await publish('rebased', '"2"')).status).toBe(200);
    expect(await publicRole('rebased')).toMatchObject({
      summary: 'Draft text, merged.',
      version: 3,
    });
  });

  it('discards a draft and leaves the published role as it was', async () => {
    const role = await publishedRole('discarded');
    await startDraft(role, { summary: 'Never mind.' });
    const response = await server.request(draftUrl('discarded'), {
      method: 'DELETE',
      key: server.writeKey,
      headers: { 'if-match': '"1"' },
    });
    expect(response.status).toBe(204);
    expect((await server.request(draftUrl('discarded'), { key: keys.reader })).status).toBe(404);
    expect(await publicRole('discarded')).toMatchObject({ version: 1 });
    expect(await revisions('discarded')).toHaveLength(1);
  });

  it('records every draft write in the audit log', async () => {
    const role = await publishedRole('audited-draft');
    await startDraft(role, { summary: 'Audited.' });
    await saveDraft('audited-draft', { content: { ...contentOf(role), summary: 'Again.' } }, '"1"');
    await publish('audited-draft', '"2"');
    expect(await auditActions('audited-draft')).toEqual([
      'role.create',
      'role.draft-save',
      'role.draft-save',
      'role.publish',
    ]);
  });

  it('lists the pending drafts to a key with the read scope', async () => {
    const role = await publishedRole('listed-draft');
    await startDraft(role, { summary: 'Listed.' });
    const list = (await (
      await server.request('/v1/drafts?entity=role&limit=500', { key: keys.reader })
    ).json()) as { items: { key: string; name: string }[] };
    expect(list.items).toContainEqual(
      expect.objectContaining({ key: 'rolebook/listed-draft', name: 'Drafted listed-draft' }),
    );
  });

  it('shows a new role, never published, as its draft and publishes it at its version', async () => {
    await newRole('unseen-role', 'Unseen Role');
    const draft = await server.request(draftUrl('unseen-role'), { key: keys.reader });
    expect(draft.status).toBe(200);
    expect(await draft.json()).toMatchObject({ baseVersion: 0, version: 1 });
    const response = await publish('unseen-role', '"1"');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    expect(await publicRole('unseen-role')).toMatchObject({ status: 'published', version: 2 });
  });

  it('records publishing a new role, never published, as its publication, in history and audit', async () => {
    await newRole('first-published', 'First Published');
    expect((await publish('first-published', '"1"')).status).toBe(200);
    expect((await revisions('first-published')).map((r) => r.action)).toEqual([
      'publish',
      'create',
    ]);
    expect(await auditActions('first-published')).toEqual(['role.create', 'role.publish']);
  });

  it('lists a new role, never published, as a draft of its own', async () => {
    await newRole('brand-new', 'Brand New');
    const list = (await (
      await server.request('/v1/drafts?entity=role&limit=500', { key: keys.reader })
    ).json()) as { items: { key: string }[] };
    expect(list.items).toContainEqual(
      expect.objectContaining({
        kind: 'new-role',
        entity: 'role',
        key: 'rolebook/brand-new',
        name: 'Brand New',
        baseVersion: 0,
        version: 1,
        author: expect.stringMatching(/\S/) as string,
      }),
    );
    const terms = (await (
      await server.request('/v1/drafts?entity=term&limit=500', { key: keys.reader })
    ).json()) as { items: { key: string }[] };
    expect(terms.items.map((d) => d.key)).not.toContain('rolebook/brand-new');
  });

  it('keeps serving the published guide after a page import with --replace', async () => {
    const before = await publicRole('api-builder');
    const result = await importGuidePage(
      server.rolebook.ctx,
      systemActor('test-importer'),
      join(fixtures, 'guide-page/api-builder-placeholder-page.txt'),
      { replace: true },
    );
    expect(result.pending).toMatchObject({ baseVersion: before.version });
    const page = await server.request('/roles/api-builder');
    expect(page.status).toBe(200);
    expect(await publicRole('api-builder')).toEqual(before);
  });

  it('keeps serving the glossary term while its draft is pending, and publishes it', async () => {
    const term = (await (await server.request('/v1/terms/sql')).json()) as Record<
      string,
      unknown
    > & { definition: string };
    const { slug: _s, version: _v, createdAt: _c, updatedAt: _u, ...content } = term;
    const started = await server.request('/v1/terms/sql/draft', {
      method: 'POST',
      json: { content: { ...content, definition: 'A new definition of SQL.' } },
      key: server.writeKey,
    });
    expect(started.status).toBe(201);
    const served = (await (await server.request('/v1/terms/sql')).json()) as typeof term;
    expect(served.definition).toBe(term.definition);
    const published = await server.request('/v1/terms/sql/draft/publish', {
      method: 'POST',
      key: server.writeKey,
      headers: { 'if-match': '"1"' },
    });
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({ definition: 'A new definition of SQL.' });
  });
});
