import type { Role, RoleContent } from '../domain/index.js';
import { presentGuide, type GuideView } from '../guides/index.js';
import { authorize } from './authorize.js';
import { now, type Actor, type ServiceContext } from './context.js';
import { editorFor, type Editable } from './editor.service.js';
import { loadGuideInput } from './guide.service.js';
import { lintRoleIn, type LintReport } from './role-lint.js';
import { roleAdapter, type RoleRef } from './role.adapter.js';

const roleEditing: Editable<RoleRef, RoleContent, Role> = {
  adapter: roleAdapter,
};

export const {
  open: openRoleEditor,
  save: saveRoleEdit,
  history: roleEditHistory,
} = editorFor(roleEditing);

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
