import { notFound, type Term, type TermContent } from '../domain/index.js';
import { findTerm, listTerms as listTermRows } from '../store/index.js';
import type { Actor, ServiceContext } from './context.js';
import { pageOf, type Page, type PageRequest } from './pagination.js';
import { termAdapter } from './term.adapter.js';
import { create, versionedUseCases, type WriteOptions } from './versioned-write/index.js';

export const getTerm = async (ctx: ServiceContext, slug: string): Promise<Term> => {
  const term = await findTerm(ctx.store.db, slug);
  if (!term) throw notFound(`Term ${slug}`);
  return term;
};

export interface TermListRequest extends PageRequest {
  category?: string | undefined;
  q?: string | undefined;
}

export const listTerms = async (
  ctx: ServiceContext,
  request: TermListRequest,
): Promise<Page<Term>> => {
  const page = pageOf(request);
  const { items, total } = await listTermRows(ctx.store.db, {
    ...page,
    ...(request.category ? { category: request.category } : {}),
    ...(request.q ? { q: request.q } : {}),
  });
  return { items, total, ...page };
};

/**
 * Every glossary term, as the library snapshot holds it: kept current with every write, so a
 * glossary page does not read and parse the whole table again.
 */
export const getGlossary = async (ctx: ServiceContext): Promise<Term[]> => [
  ...(await ctx.library.get()).terms.values(),
];

/** A new term needs a name, a definition and a category; its lists can come later. */
export type NewTerm = Pick<TermContent, 'name' | 'definition' | 'category'> & Partial<TermContent>;

/**
 * Like `createRole`: version 1, or the one after a deleted term's last. What it leaves out
 * starts empty, and it matches in any case unless it says otherwise.
 */
export const createTerm = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  slug: string,
  content: NewTerm,
  options: WriteOptions = {},
): Promise<Term> =>
  create(
    ctx,
    actor,
    termAdapter,
    slug,
    { abbreviations: [], aliases: [], examples: [], caseSensitive: false, ...content },
    options,
  );

export const {
  update: updateTerm,
  remove: deleteTerm,
  revert: revertTerm,
  revisions: listTermRevisions,
} = versionedUseCases(termAdapter, getTerm);
