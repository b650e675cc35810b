import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  emptyRoleContent,
  roleContentOf,
  type Role,
  type RoleContent,
} from '../../src/domain/index.js';
import {
  applyImport,
  createRole,
  deleteRole,
  getRole,
  listRoleRevisions,
  listRoles,
  revertRole,
  systemActor,
  updateRole,
  type Rolebook,
} from '../../src/services/index.js';
import { roleAdapter } from '../../src/services/role.adapter.js';
import { replace } from '../../src/services/versioned-write/index.js';
import { guideSections } from '../support/guides.js';
import { storeTargets } from '../support/stores.js';

const editor = systemActor('test-editor');
const reader = undefined;

const draft = (name: string, extra: Partial<RoleContent> = {}): RoleContent => ({
  ...emptyRoleContent(name),
  ...guideSections(name),
  summary: `${name} summary`,
  status: 'published',
  ...extra,
});

describe.each(storeTargets)('role use cases on $name', (target) => {
  let rolebook: Rolebook;
  beforeEach(async () => {
    rolebook = await target.open();
  });
  afterEach(async () => {
    await rolebook.close();
  });

  it('seeds the built-in library on first start', async () => {
    const role = await getRole(rolebook.ctx, { taxonomy: 'rolebook', code: 'api-builder' });
    expect(role.name).toBe('API Builder');
    expect(rolebook.seeded?.roles.added).toBe(2);
  });

  it('creates a role at version 1 with a revision', async () => {
    const ref = { taxonomy: 'rolebook', code: 'tester' };
    const role = await createRole(rolebook.ctx, editor, ref, draft('Tester'));
    expect(role.version).toBe(1);
    const { items: revisions } = await listRoleRevisions(rolebook.ctx, ref, {}, editor);
    expect(revisions.map((r) => [r.action, r.version, r.actor])).toEqual([
      ['create', 1, 'test-editor'],
    ]);
  });

  it('lists roles by name whatever the case of their first letter', async () => {
    for (const [code, name] of [
      ['zookeeper-admin', 'Zookeeper Admin'],
      ['ios-developer', 'iOS Developer'],
      ['android-developer', 'Android Developer'],
    ] as const) {
      await createRole(rolebook.ctx, editor, { taxonomy: 'rolebook', code }, draft(name));
    }
    const { items } = await listRoles(rolebook.ctx, { taxonomy: 'rolebook' });
    const added = new Set(['Zookeeper Admin', 'iOS Developer', 'Android Developer']);
    expect(items.map((r) => r.name).filter((name) => added.has(name))).toEqual([
      'Android Developer',
      'iOS Developer',
      'Zookeeper Admin',
    ]);
  });

  it('refuses a write without an actor', async () => {
    await expect(
      createRole(rolebook.ctx, reader, { taxonomy: 'rolebook', code: 'x' }, draft('X')),
    ).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('refuses a stale update and keeps the stored version', async () => {
    const ref = { taxonomy: 'rolebook', code: 'api-builder' };
    const role = await getRole(rolebook.ctx, ref);
    const { version } = role;
    const content = roleContentOf(role);
    await updateRole(rolebook.ctx, editor, ref, { ...content, summary: 'first' }, version);
    await expect(
      updateRole(rolebook.ctx, editor, ref, { ...content, summary: 'second' }, version),
    ).rejects.toMatchObject({ code: 'precondition_failed' });
    expect((await getRole(rolebook.ctx, ref)).summary).toBe('first');
  });

  it('requires the edited version on update', async () => {
    const ref = { taxonomy: 'rolebook', code: 'api-builder' };
    await expect(
      updateRole(rolebook.ctx, editor, ref, draft('API Builder'), undefined),
    ).rejects.toMatchObject({
      code: 'precondition_required',
    });
  });

  it('names every unknown reference and writes nothing', async () => {
    const ref = { taxonomy: 'rolebook', code: 'broken' };
    const error = await createRole(
      rolebook.ctx,
      editor,
      ref,
      draft('Broken', { terms: ['nope'], relatedRoles: [{ taxonomy: 'rolebook', code: 'ghost' }] }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'validation_failed',
      details: [
        { field: 'terms.0', message: 'term nope does not exist' },
        { field: 'relatedRoles.0', message: 'role rolebook/ghost does not exist' },
      ],
    });
    await expect(getRole(rolebook.ctx, ref, editor)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses an alternative title that another role already has', async () => {
    await expect(
      createRole(
        rolebook.ctx,
        editor,
        { taxonomy: 'rolebook', code: 'copycat' },
        draft('Copycat', { alternativeTitles: ['api engineer'] }),
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lets an import move a title between roles, and holds the claim where it lands', async () => {
    const from = await getRole(rolebook.ctx, { taxonomy: 'rolebook', code: 'api-builder' });
    const to = await getRole(rolebook.ctx, { taxonomy: 'rolebook', code: 'query-writer' });
    const moved = from.alternativeTitles.find((t) => t.toLowerCase() === 'api engineer')!;
    const content = (role: Role, alternativeTitles: string[]) => ({
      taxonomy: role.taxonomy,
      code: role.code,
      content: { ...roleContentOf(role), alternativeTitles },
    });
    // The role gaining the title comes first: only the batch as a whole is consistent.
    await applyImport(rolebook.ctx, editor, {
      source: 'test',
      taxonomies: [],
      roles: [
        content(to, [...to.alternativeTitles, moved]),
        content(
          from,
          from.alternativeTitles.filter((t) => t !== moved),
        ),
      ],
    });
    const error = await createRole(
      rolebook.ctx,
      editor,
      { taxonomy: 'rolebook', code: 'copycat' },
      draft('Copycat', { alternativeTitles: [moved] }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'conflict',
      details: [{ message: `"${moved}" already belongs to rolebook/query-writer` }],
    });
  });

  it('hides drafts from readers', async () => {
    const ref = { taxonomy: 'rolebook', code: 'secret' };
    await createRole(rolebook.ctx, editor, ref, { ...draft('Secret'), status: 'draft' });
    await expect(getRole(rolebook.ctx, ref)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listRoles(rolebook.ctx, { q: 'secret' })).total).toBe(0);
    expect((await listRoles(rolebook.ctx, { q: 'secret' }, editor)).total).toBe(1);
  });

  it('finds roles by any of their titles', async () => {
    const page = await listRoles(rolebook.ctx, { q: 'sql writer' });
    expect(page.items.map((r) => r.code)).toEqual(['query-writer']);
  });

  it('finds a query at the start of a word of a title, not inside a word', async () => {
    expect((await listRoles(rolebook.ctx, { q: 'writ' })).items.map((r) => r.code)).toEqual([
      'query-writer',
    ]);
    expect((await listRoles(rolebook.ctx, { q: 'riter' })).total).toBe(0);
  });

  it('reverts to an earlier version as a new version', async () => {
    const ref = { taxonomy: 'rolebook', code: 'api-builder' };
    const v1 = await getRole(rolebook.ctx, ref);
    const { version } = v1;
    const content = roleContentOf(v1);
    await updateRole(rolebook.ctx, editor, ref, { ...content, summary: 'changed' }, version);
    const reverted = await revertRole(rolebook.ctx, editor, ref, 1, 2);
    expect(reverted).toMatchObject({ version: 3, summary: v1.summary });
  });

  it('records a revert as a revert in the history', async () => {
    const ref = { taxonomy: 'rolebook', code: 'api-builder' };
    const v1 = await getRole(rolebook.ctx, ref);
    await updateRole(rolebook.ctx, editor, ref, { ...roleContentOf(v1), summary: 'changed' }, 1);
    await revertRole(rolebook.ctx, editor, ref, 1, 2);
    const { items: history } = await listRoleRevisions(rolebook.ctx, ref, {});
    expect(history.map((r) => [r.version, r.action])).toEqual([
      [3, 'revert'],
      [2, 'update'],
      [1, 'import'],
    ]);
  });

  it('refuses to put back a role naming one deleted since, as a conflict saying what to restore', async () => {
    const phoenix = { taxonomy: 'rolebook', code: 'phoenix' };
    const ash = { taxonomy: 'rolebook', code: 'ash' };
    await createRole(rolebook.ctx, editor, ash, draft('Ash'));
    await createRole(rolebook.ctx, editor, phoenix, draft('Phoenix', { relatedRoles: [ash] }));
    await deleteRole(rolebook.ctx, editor, phoenix, 1);
    await deleteRole(rolebook.ctx, editor, ash, 1);
    const refusal = revertRole(rolebook.ctx, editor, phoenix, 1, 2);
    await expect(refusal).rejects.toMatchObject({ code: 'conflict' });
    await expect(refusal).rejects.toThrow(/rolebook\/ash does not exist.*Restore that first/);
  });

  it('keeps the creation time of a deleted role it brings back', async () => {
    const ref = { taxonomy: 'rolebook', code: 'phoenix' };
    const created = await createRole(rolebook.ctx, editor, ref, draft('Phoenix'));
    await deleteRole(rolebook.ctx, editor, ref, 1);
    // Past the clock's millisecond, so a new creation time would differ.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const restored = await revertRole(rolebook.ctx, editor, ref, 1, 2);
    expect(restored.createdAt).toBe(created.createdAt);
    expect(restored.updatedAt > created.createdAt).toBe(true);
  });

  it('creates a deleted role again at the version after its history', async () => {
    const ref = { taxonomy: 'rolebook', code: 'phoenix' };
    await createRole(rolebook.ctx, editor, ref, draft('Phoenix'));
    await deleteRole(rolebook.ctx, editor, ref, 1);
    const again = await createRole(rolebook.ctx, editor, ref, draft('Phoenix'));
    expect(again.version).toBe(3);
    const { items: history } = await listRoleRevisions(rolebook.ctx, ref, {});
    expect(history.map((r) => [r.version, r.action])).toEqual([
      [3, 'create'],
      [2, 'delete'],
      [1, 'create'],
    ]);
  });

  it('imports a deleted role again at the version after its history', async () => {
    const demo = { id: 'demo', name: 'Demo' };
    const release = (codes: string[]) =>
      applyImport(rolebook.ctx, editor, {
        source: 'test',
        taxonomies: [demo],
        roles: codes.map((code) => ({ taxonomy: 'demo', code, content: draft(code) })),
        replaceTaxonomies: ['demo'],
      });
    await release(['one']);
    // The next release drops it, emptying the taxonomy, and the one after brings it back.
    expect((await release([])).roles.removed).toBe(1);
    expect((await release(['one'])).roles.added).toBe(1);
    const ref = { taxonomy: 'demo', code: 'one' };
    expect((await getRole(rolebook.ctx, ref)).version).toBe(3);
    const { items: history } = await listRoleRevisions(rolebook.ctx, ref, {});
    expect(history.map((r) => [r.version, r.action])).toEqual([
      [3, 'import'],
      [2, 'delete'],
      [1, 'import'],
    ]);
  });

  /** A role's history, newest first, as each version and what made it. */
  const actionsOf = async (ref: { taxonomy: string; code: string }) =>
    (await listRoleRevisions(rolebook.ctx, ref, {}, editor)).items.map((r) => [
      r.version,
      r.action,
    ]);

  it('records an import that publishes a role never published as a publish', async () => {
    const ref = { taxonomy: 'rolebook', code: 'tester' };
    await createRole(rolebook.ctx, editor, ref, draft('Tester', { status: 'draft' }));
    await applyImport(rolebook.ctx, editor, {
      source: 'test',
      taxonomies: [],
      roles: [{ ...ref, content: draft('Tester') }],
    });
    expect(await actionsOf(ref)).toEqual([
      [2, 'publish'],
      [1, 'create'],
    ]);
  });

  it('records a revert that puts an unpublished role back before readers as a publish', async () => {
    const ref = { taxonomy: 'rolebook', code: 'tester' };
    const role = await createRole(rolebook.ctx, editor, ref, draft('Tester'));
    await updateRole(rolebook.ctx, editor, ref, { ...roleContentOf(role), status: 'draft' }, 1);
    await revertRole(rolebook.ctx, editor, ref, 1, 2);
    expect(await actionsOf(ref)).toEqual([
      [3, 'publish'],
      [2, 'unpublish'],
      [1, 'create'],
    ]);
  });

  it('refuses an edit sent after a delete of the role as not found', async () => {
    const ref = { taxonomy: 'rolebook', code: 'tester' };
    const role = await createRole(rolebook.ctx, editor, ref, draft('Tester'));
    await deleteRole(rolebook.ctx, editor, ref, 1);
    await expect(
      updateRole(rolebook.ctx, editor, ref, { ...roleContentOf(role), summary: 'Late.' }, 1),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses an edit that read the role before a delete committed as one sent after it', async () => {
    const ref = { taxonomy: 'rolebook', code: 'tester' };
    const role = await createRole(rolebook.ctx, editor, ref, draft('Tester'));
    await deleteRole(rolebook.ctx, editor, ref, 1);
    // The edit's own read came before the delete committed: it finds the role as it was then.
    let reads = 0;
    const readBeforeDelete: typeof roleAdapter = {
      ...roleAdapter,
      find: (db, at) => (reads++ === 0 ? Promise.resolve(role) : roleAdapter.find(db, at)),
    };
    await expect(
      replace(
        rolebook.ctx,
        editor,
        readBeforeDelete,
        ref,
        { ...roleContentOf(role), summary: 'Late.' },
        {
          expectedVersion: 1,
        },
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(reads).toBe(2);
  });

  it('deletes a role with the current version', async () => {
    const ref = { taxonomy: 'rolebook', code: 'tester' };
    await createRole(rolebook.ctx, editor, ref, draft('Tester'));
    await deleteRole(rolebook.ctx, editor, ref, 1);
    await expect(getRole(rolebook.ctx, ref)).rejects.toMatchObject({ code: 'not_found' });
  });
});
