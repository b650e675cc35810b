import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { termContentOf, type RoleContent, type TermContent } from '../../src/domain/index.js';
import {
  getRole,
  getTerm,
  openRoleEditor,
  openTermEditor,
  roleEditHistory,
  saveRoleEdit,
  saveTermEdit,
  startRoleDraft,
  systemActor,
  updateRole,
  type Rolebook,
} from '../../src/services/index.js';
import { storeTargets } from '../support/stores.js';

const eve = systemActor('eve');
const ann = systemActor('ann');
const apiBuilder = { taxonomy: 'rolebook', code: 'api-builder' };

describe.each(storeTargets)('the editor use cases on $name', (target) => {
  let rolebook: Rolebook;
  const renamed = (content: RoleContent, name: string): RoleContent => ({ ...content, name });

  beforeEach(async () => {
    rolebook = await target.open();
  });
  afterEach(async () => {
    await rolebook.close();
  });

  it('answers a save from a version no longer stored with the conflict, writing nothing', async () => {
    const opened = await openRoleEditor(rolebook.ctx, eve, apiBuilder);
    await updateRole(
      rolebook.ctx,
      ann,
      apiBuilder,
      renamed(opened.stored, 'API Smith'),
      opened.version,
    );
    const outcome = await saveRoleEdit(
      rolebook.ctx,
      eve,
      apiBuilder,
      { content: renamed(opened.editing, 'API Wright'), version: opened.version },
      'publish',
    );
    expect(outcome).toMatchObject({
      conflict: {
        theirs: { kind: 'stored', author: 'ann' },
        meanwhile: [{ field: 'name', removed: ['API Builder'], added: ['API Smith'] }],
        changes: [{ field: 'name', removed: ['API Smith'], added: ['API Wright'] }],
        state: { version: opened.version + 1 },
      },
    });
    expect((await getRole(rolebook.ctx, apiBuilder)).name).toBe('API Smith');
  });

  it('names a draft started since as what is there now', async () => {
    const opened = await openRoleEditor(rolebook.ctx, eve, apiBuilder);
    await startRoleDraft(rolebook.ctx, ann, apiBuilder, {
      content: renamed(opened.stored, 'API Drafter'),
    });
    const outcome = await saveRoleEdit(
      rolebook.ctx,
      eve,
      apiBuilder,
      { content: renamed(opened.editing, 'API Wright'), version: opened.version },
      'draft',
    );
    expect(outcome).toMatchObject({
      conflict: { theirs: { kind: 'draft', author: 'ann' }, state: { draft: { version: 1 } } },
    });
  });

  it('publishes over a pending draft what was typed, leaving no draft', async () => {
    const opened = await openRoleEditor(rolebook.ctx, eve, apiBuilder);
    const drafted = await saveRoleEdit(
      rolebook.ctx,
      eve,
      apiBuilder,
      { content: renamed(opened.editing, 'API Drafter'), version: opened.version },
      'draft',
    );
    expect(drafted).toEqual({ saved: 'draft', version: 1 });
    const published = await saveRoleEdit(
      rolebook.ctx,
      eve,
      apiBuilder,
      {
        content: renamed(opened.editing, 'API Finisher'),
        version: opened.version,
        draftVersion: 1,
      },
      'publish',
    );
    expect(published).toEqual({ saved: 'publish', version: opened.version + 1 });
    const after = await openRoleEditor(rolebook.ctx, eve, apiBuilder);
    expect(after.draft).toBeUndefined();
    expect(after.stored.name).toBe('API Finisher');
  });

  it('starts no draft when a draft is saved as it is stored', async () => {
    const opened = await openRoleEditor(rolebook.ctx, eve, apiBuilder);
    const outcome = await saveRoleEdit(
      rolebook.ctx,
      eve,
      apiBuilder,
      { content: opened.editing, version: opened.version },
      'draft',
    );
    expect(outcome).toEqual({ unchanged: true });
    expect((await openRoleEditor(rolebook.ctx, eve, apiBuilder)).draft).toBeUndefined();
  });

  it('answers a draft saved as the draft holds it as unchanged, at the same draft version', async () => {
    const opened = await openRoleEditor(rolebook.ctx, eve, apiBuilder);
    const content = renamed(opened.editing, 'API Drafter');
    const edit = { content, version: opened.version };
    await saveRoleEdit(rolebook.ctx, eve, apiBuilder, edit, 'draft');
    const outcome = await saveRoleEdit(
      rolebook.ctx,
      eve,
      apiBuilder,
      { ...edit, draftVersion: 1 },
      'draft',
    );
    expect(outcome).toEqual({ unchanged: true });
    expect((await openRoleEditor(rolebook.ctx, eve, apiBuilder)).draft?.version).toBe(1);
  });

  it('keeps a refusal that is not about versions as the edit’s own error', async () => {
    const opened = await openTermEditor(rolebook.ctx, eve, 'rest');
    const sql = termContentOf(await getTerm(rolebook.ctx, 'sql'));
    const clash: TermContent = { ...opened.editing, aliases: [sql.name] };
    await expect(
      saveTermEdit(
        rolebook.ctx,
        eve,
        'rest',
        { content: clash, version: opened.version },
        'publish',
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses a reader, as every write does', async () => {
    const reader = { id: 'user:vic', kind: 'user' as const, scopes: ['read' as const] };
    await expect(openRoleEditor(rolebook.ctx, reader, apiBuilder)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(openRoleEditor(rolebook.ctx, undefined, apiBuilder)).rejects.toMatchObject({
      code: 'unauthorized',
    });
  });

  it('lists each revision as the fields it changed, newest first', async () => {
    const opened = await openRoleEditor(rolebook.ctx, eve, apiBuilder);
    await updateRole(
      rolebook.ctx,
      ann,
      apiBuilder,
      renamed(opened.stored, 'API Smith'),
      opened.version,
    );
    const { revisions } = await roleEditHistory(rolebook.ctx, eve, apiBuilder, 10);
    expect(revisions[0]).toMatchObject({
      version: opened.version + 1,
      action: 'update',
      actor: 'ann',
      changes: [{ field: 'name', removed: ['API Builder'], added: ['API Smith'] }],
    });
  });
});
