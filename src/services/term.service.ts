import { notFound, type Revision, type Term, type TermContent } from '../domain/index.js';
import { allTerms, findTerm, listTerms as listTermRows } from '../store/index.js';
import type { Actor, ServiceContext } from './context.js';
import { pageOf, type Page, type PageRequest } from './pagination.js';
import { termAdapter } from './term.adapter.js';
import {
  create,
  history,
  remove,
  replace,
  revert,
  type IfMatch,
  type Removal,
  type Stamps,
  type WriteOptions,
} from './versioned-write/index.js';

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

export const getGlossary = (ctx: ServiceContext): Promise<Term[]> => allTerms(ctx.store.db);

/** Like `createRole`: version 1, or the one after a deleted term's last. */
export const createTerm = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  slug: string,
  content: TermContent,
  options: WriteOptions = {},
): Promise<Term> => create(ctx, actor, termAdapter, slug, content, options);

export const updateTerm = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  slug: string,
  content: TermContent & Partial<Stamps>,
  expectedVersion: IfMatch | undefined,
  options: WriteOptions = {},
): Promise<Term> =>
  replace(ctx, actor, termAdapter, slug, content, { ...options, expectedVersion });

/** A term still named by a role or by another term's examples cannot go. */
export const deleteTerm = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  slug: string,
  expectedVersion: IfMatch | undefined,
  options: WriteOptions = {},
): Promise<Removal> => remove(ctx, actor, termAdapter, slug, { ...options, expectedVersion });

/** Puts a term back as it was at an earlier version, as a new version (If-Match required). */
export const revertTerm = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  slug: string,
  toVersion: number,
  expectedVersion: IfMatch | undefined,
  options: WriteOptions = {},
): Promise<Term> =>
  revert(ctx, actor, termAdapter, slug, { ...options, toVersion, expectedVersion });

/** The history of a term, newest first; a deleted one's for an actor with the read scope. */
export const listTermRevisions = (
  ctx: ServiceContext,
  slug: string,
  request: PageRequest,
  actor?: Actor,
): Promise<Revision<Term>[]> =>
  history(ctx, actor, termAdapter, slug, pageOf(request), () => getTerm(ctx, slug));
