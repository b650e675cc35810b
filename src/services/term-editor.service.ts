import type { Term, TermContent } from '../domain/index.js';
import { authorize } from './authorize.js';
import type { Actor, ServiceContext } from './context.js';
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
import { lintTermIn, type LintReport } from './lint.service.js';
import { termAdapter } from './term.adapter.js';
import type { WriteOptions } from './versioned-write/index.js';

const termEditing: Editable<string, TermContent, Term> = {
  adapter: termAdapter,
  published: (content) => content,
};

/** The stored term and its pending draft, for an actor who may write. */
export const openTermEditor = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  slug: string,
): Promise<EditorState<TermContent>> => openEditor(ctx, actor, termEditing, slug);

/** Saves a term's edit as its draft or publishes it; a stale edit answers the conflict. */
export const saveTermEdit = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  slug: string,
  edit: Edit<TermContent>,
  intent: EditIntent,
  options: WriteOptions = {},
): Promise<EditOutcome<TermContent>> =>
  saveEdit(ctx, actor, termEditing, slug, edit, intent, options);

export const termEditHistory = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  slug: string,
  limit: number,
): Promise<{ state: EditorState<TermContent>; revisions: RevisionChanges[] }> =>
  editHistory(ctx, actor, termEditing, slug, limit);

/** What lint finds in content typed for a term, stored or new, as if it stood in the glossary. */
export const lintTermEdit = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  slug: string,
  content: TermContent,
): Promise<LintReport> => {
  authorize(actor, 'write');
  return lintTermIn(ctx.store.db, slug, content);
};
