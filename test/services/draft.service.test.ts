import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roleContentOf, type RoleContent } from '../../src/domain/index.js';
import {
  deleteRole,
  discardRoleDraft,
  getRole,
  getRoleDraft,
  listRoleRevisions,
  publishRoleDraft,
  revertRole,
  saveRoleDraft,
  startRoleDraft,
  startTermDraft,
  systemActor,
  type Rolebook,
} from '../../src/services/index.js';
import { storeTargets } from '../support/stores.js';

const editor = systemActor('test-editor');
const apiBuilder = { taxonomy: 'rolebook', code: 'api-builder' };

describe.each(storeTargets)('pending drafts on $name', (target) => {
  let rolebook: Rolebook;
  let published: RoleContent;
  beforeEach(async () => {
    rolebook = await target.open();
    published = roleContentOf(await getRole(rolebook.ctx, apiBuilder));
  });
  afterEach(async () => {
    await rolebook.close();
  });

  it('refuses a draft of a role that is not stored', async () => {
    await expect(
      startRoleDraft(
        rolebook.ctx,
        editor,
        { taxonomy: 'rolebook', code: 'ghost' },
        {
          content: published,
        },
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a draft based on a version that is not the one stored', async () => {
    await expect(
      startRoleDraft(rolebook.ctx, editor, apiBuilder, { content: published, baseVersion: 7 }),
    ).rejects.toMatchObject({ code: 'precondition_failed', details: [{ field: 'baseVersion' }] });
  });

  it('requires the draft version edited to save over a draft', async () => {
    await startRoleDraft(rolebook.ctx, editor, apiBuilder, { content: published });
    await expect(
      saveRoleDraft(rolebook.ctx, editor, apiBuilder, { content: published }, undefined),
    ).rejects.toMatchObject({ code: 'precondition_required' });
  });

  it('makes no new draft version when the content saved is the draft', async () => {
    await startRoleDraft(rolebook.ctx, editor, apiBuilder, { content: published });
    const saved = await saveRoleDraft(rolebook.ctx, editor, apiBuilder, { content: published }, 1);
    expect(saved.version).toBe(1);
  });

  it('publishes a draft identical to the stored role without a new version', async () => {
    await startRoleDraft(rolebook.ctx, editor, apiBuilder, { content: published });
    const role = await publishRoleDraft(rolebook.ctx, editor, apiBuilder, 1);
    expect(role.version).toBe(1);
    const { items: history } = await listRoleRevisions(rolebook.ctx, apiBuilder, {}, editor);
    expect(history.map((r) => r.action)).toEqual(['import']);
  });

  it('refuses to publish a draft whose references do not hold, keeping the role', async () => {
    await startRoleDraft(rolebook.ctx, editor, apiBuilder, {
      content: { ...published, terms: ['no-such-term'] },
    });
    await expect(publishRoleDraft(rolebook.ctx, editor, apiBuilder, 1)).rejects.toMatchObject({
      code: 'validation_failed',
    });
    expect((await getRole(rolebook.ctx, apiBuilder)).terms).toEqual(published.terms);
  });

  it('refuses a draft to a key without the write scope', async () => {
    const reader = { id: 'reader', kind: 'key' as const, scopes: ['read' as const] };
    await expect(
      startRoleDraft(rolebook.ctx, reader, apiBuilder, { content: published }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('reports the placeholders of a term draft in its lint', async () => {
    const draft = await startTermDraft(rolebook.ctx, editor, 'rest', {
      content: {
        name: 'REST',
        abbreviations: [],
        aliases: [],
        definition: 'A style of {thing}.',
        examples: [],
        category: 'concept',
        caseSensitive: false,
      },
    });
    expect(draft.lint.findings).toEqual([
      expect.objectContaining({ rule: 'placeholder', field: 'definition', code: 'rest' }),
    ]);
  });

  describe('deleting an entity with a pending draft', () => {
    it('is refused with 409 naming the draft, and both stay', async () => {
      await startRoleDraft(rolebook.ctx, editor, apiBuilder, { content: published });
      const refusal = (await deleteRole(rolebook.ctx, editor, apiBuilder, 1).catch(
        (e: unknown) => e,
      )) as { code: string; message: string; details: unknown };
      expect(refusal.code).toBe('conflict');
      expect(refusal.message).toContain('has a pending draft (version 1, saved by test-editor');
      expect(refusal.details).toMatchObject([{ field: 'draft' }]);
      await expect(getRole(rolebook.ctx, apiBuilder)).resolves.toMatchObject({ version: 1 });
      await expect(getRoleDraft(rolebook.ctx, editor, apiBuilder)).resolves.toBeDefined();
    });

    it('goes ahead once the draft is discarded, and a restore leaves no draft behind', async () => {
      await startRoleDraft(rolebook.ctx, editor, apiBuilder, { content: published });
      await discardRoleDraft(rolebook.ctx, editor, apiBuilder, 1);
      const { version } = await deleteRole(rolebook.ctx, editor, apiBuilder, 1);
      await revertRole(rolebook.ctx, editor, apiBuilder, 1, version);
      await expect(getRoleDraft(rolebook.ctx, editor, apiBuilder)).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(
        startRoleDraft(rolebook.ctx, editor, apiBuilder, { content: published }),
      ).resolves.toMatchObject({ baseVersion: 3 });
    });

    it('never leaves a draft of a deleted role when a start and a delete race', async () => {
      const outcomes = await Promise.allSettled([
        startRoleDraft(rolebook.ctx, editor, apiBuilder, { content: published }),
        deleteRole(rolebook.ctx, editor, apiBuilder, 1),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const role = await getRole(rolebook.ctx, apiBuilder).catch(() => undefined);
      const draft = await getRoleDraft(rolebook.ctx, editor, apiBuilder).catch(() => undefined);
      expect(draft === undefined || role !== undefined).toBe(true);
    });
  });
});
