import type { Term, TermContent } from '../domain/index.js';
import { authorize } from './authorize.js';
import type { Actor, ServiceContext } from './context.js';
import { editorFor, type Editable } from './editor.service.js';
import { lintTermIn } from './lint.service.js';
import type { LintReport } from './role-lint.js';
import { termAdapter } from './term.adapter.js';

const termEditing: Editable<string, TermContent, Term> = {
  adapter: termAdapter,
};

export const {
  open: openTermEditor,
  save: saveTermEdit,
  history: termEditHistory,
} = editorFor(termEditing);

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
