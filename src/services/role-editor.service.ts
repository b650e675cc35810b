import type { Role, RoleContent } from '../domain/index.js';
import { presentGuide, type GuideView } from '../guides/index.js';
import { authorize } from './authorize.js';
import { now, type Actor, type ServiceContext } from './context.js';
import {
  editHistory,
  openEditor,
  saveEdit,
  type Edit,
  type Editable,
  type EditIntent,
  type EditOutcome,
  type EditorState,
  type RevisionChanges,
} from './editor.service.js';
import { loadGuideInput } from './guide.service.js';
import { lintRoleIn, type LintReport } from './lint.service.js';
import { roleAdapter, type RoleRef } from './role.adapter.js';
import type { WriteOptions } from './versioned-write/index.js';

const roleEditing: Editable<RoleRef, RoleContent, Role> = {
  adapter: roleAdapter,
  published: (content) => ({ ...content, status: 'published' }),
};

/** The stored role and its pending draft, for an actor who may write. */
export const openRoleEditor = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  ref: RoleRef,
): Promise<EditorState<RoleContent>> => openEditor(ctx, actor, roleEditing, ref);

/** Saves a role's edit as its draft or publishes it; a stale edit answers the conflict. */
export const saveRoleEdit = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  ref: RoleRef,
  edit: Edit<RoleContent>,
  intent: EditIntent,
  options: WriteOptions = {},
): Promise<EditOutcome<RoleContent>> =>
  saveEdit(ctx, actor, roleEditing, ref, edit, intent, options);

export const roleEditHistory = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  ref: RoleRef,
  limit: number,
): Promise<{ state: EditorState<RoleContent>; revisions: RevisionChanges[] }> =>
  editHistory(ctx, actor, roleEditing, ref, limit);

/**
 * What lint finds in content typed for a role, stored or new, and the guide it would make, as
 * if it stood in the library in place of what is stored. Nothing is written.
 */
export const previewRoleEdit = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  ref: RoleRef,
  content: RoleContent,
): Promise<{ lint: LintReport; guide: GuideView }> => {
  authorize(actor, 'write');
  const at = now(ctx);
  const role: Role = { ...content, ...ref, version: 0, createdAt: at, updatedAt: at };
  const lint = await lintRoleIn(ctx.store.db, role, { drafts: true });
  return { lint, guide: presentGuide(await loadGuideInput(ctx, role)) };
};
