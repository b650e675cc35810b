import {
  AppError,
  notFound,
  termContentOf,
  validationError,
  type ProblemDetail,
  type Revision,
  type Term,
  type TermContent,
} from '../domain/index.js';
import {
  deleteTerm as deleteTermRow,
  findRevision,
  findTerm,
  findTerms,
  insertTerm,
  lastRecordedVersion,
  listRevisions,
  listTerms as listTermRows,
  saveTerm,
  allTerms,
  iterateRoles,
  type Database,
  type Transaction,
} from '../store/index.js';
import { authorize } from './authorize.js';
import { now, type Actor, type ServiceContext } from './context.js';
import { recordChange } from './history.js';
import { pageOf, type Page, type PageRequest } from './pagination.js';
import type { WriteOptions } from './role.service.js';

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

/** Names, abbreviations and aliases are how text finds a term, so two terms cannot share one. */
const checkTerm = async (trx: Transaction<Database>, slug: string, content: TermContent) => {
  const problems: ProblemDetail[] = [];
  const examples = await findTerms(trx, content.examples);
  content.examples.forEach((example, i) => {
    if (example === slug)
      problems.push({ field: `examples.${i}`, message: 'a term cannot be its own example' });
    else if (!examples.has(example)) {
      problems.push({ field: `examples.${i}`, message: `term ${example} does not exist` });
    }
  });
  if (problems.length > 0)
    throw validationError(problems.map((p) => p.message).join('; '), problems);

  const mine = new Set(
    [content.name, ...content.abbreviations, ...content.aliases].map((n) => n.toLowerCase()),
  );
  const clashes = (await allTerms(trx))
    .filter((t) => t.slug !== slug)
    .flatMap((t) =>
      [t.name, ...t.abbreviations, ...t.aliases]
        .filter((n) => mine.has(n.toLowerCase()))
        .map((n) => ({ field: 'aliases', message: `"${n}" already names term ${t.slug}` })),
    );
  if (clashes.length > 0)
    throw new AppError('conflict', 'Names already belong to other terms', clashes);
};

const taken = (slug: string) =>
  new AppError('conflict', `Term ${slug} already exists.`, [
    { field: 'slug', message: `slug ${slug} is taken` },
  ]);

/** Like `createRole`: version 1, or the one after a deleted term's last. */
export const createTerm = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  slug: string,
  content: TermContent,
  options: WriteOptions = {},
): Promise<Term> => {
  const who = authorize(actor, 'write');
  const term = await ctx.store.db.transaction().execute(async (trx) => {
    if (await findTerm(trx, slug)) throw taken(slug);
    await checkTerm(trx, slug, content);
    const at = now(ctx);
    const version = (await lastRecordedVersion(trx, 'term', slug)) + 1;
    const created: Term = { ...content, slug, version, createdAt: at, updatedAt: at };
    // The check above answers most duplicates; the database's key decides a race.
    if (!(await insertTerm(trx, created))) throw taken(slug);
    await recordChange(trx, who, {
      entity: 'term',
      key: slug,
      action: 'create',
      version,
      at,
      before: null,
      after: created,
      requestId: options.requestId,
    });
    return created;
  });
  ctx.changes.publish([{ entity: 'term', slug }]);
  return term;
};

const stale = (slug: string) =>
  new AppError('precondition_failed', `Term ${slug} changed while this write was under way.`);

const precondition = (stored: Term, expectedVersion: number | undefined) => {
  if (expectedVersion === undefined) {
    throw new AppError(
      'precondition_required',
      `Send the version of term ${stored.slug} you edited (If-Match).`,
    );
  }
  if (stored.version !== expectedVersion) {
    throw new AppError(
      'precondition_failed',
      `Term ${stored.slug} is at version ${stored.version}, not ${expectedVersion}; reload and edit again.`,
    );
  }
};

export const updateTerm = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  slug: string,
  content: TermContent,
  expectedVersion: number | undefined,
  options: WriteOptions = {},
): Promise<Term> => replaceTerm(ctx, actor, slug, content, expectedVersion, options, 'update');

/** Writes the next version of a term, recorded as an edit or as a revert to an older one. */
const replaceTerm = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  slug: string,
  content: TermContent,
  expectedVersion: number | undefined,
  options: WriteOptions,
  action: 'update' | 'revert',
): Promise<Term> => {
  const who = authorize(actor, 'write');
  const term = await ctx.store.db.transaction().execute(async (trx) => {
    const stored = await findTerm(trx, slug);
    if (!stored) throw notFound(`Term ${slug}`);
    precondition(stored, expectedVersion);
    await checkTerm(trx, slug, content);
    const updated: Term = {
      ...content,
      slug,
      version: stored.version + 1,
      createdAt: stored.createdAt,
      updatedAt: now(ctx),
    };
    if (!(await saveTerm(trx, updated, stored.version))) throw stale(slug);
    await recordChange(trx, who, {
      entity: 'term',
      key: slug,
      action,
      version: updated.version,
      at: updated.updatedAt,
      before: stored,
      after: updated,
      requestId: options.requestId,
    });
    return updated;
  });
  ctx.changes.publish([{ entity: 'term', slug }]);
  return term;
};

/** A term still named by a role or by another term's examples cannot go. */
export const deleteTerm = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  slug: string,
  expectedVersion: number | undefined,
  options: WriteOptions = {},
): Promise<void> => {
  const who = authorize(actor, 'write');
  await ctx.store.db.transaction().execute(async (trx) => {
    const stored = await findTerm(trx, slug);
    if (!stored) throw notFound(`Term ${slug}`);
    precondition(stored, expectedVersion);
    const users: ProblemDetail[] = [];
    for await (const role of iterateRoles(trx)) {
      if (role.terms.includes(slug)) {
        users.push({ field: 'slug', message: `used by role ${role.taxonomy}/${role.code}` });
      }
    }
    for (const term of await allTerms(trx)) {
      if (term.examples.includes(slug)) {
        users.push({ field: 'slug', message: `an example in term ${term.slug}` });
      }
    }
    if (users.length > 0) throw new AppError('conflict', `Term ${slug} is still in use.`, users);
    if (!(await deleteTermRow(trx, slug, stored.version))) throw stale(slug);
    await recordChange(trx, who, {
      entity: 'term',
      key: slug,
      action: 'delete',
      version: stored.version + 1,
      at: now(ctx),
      before: stored,
      after: null,
      requestId: options.requestId,
    });
  });
  ctx.changes.publish([{ entity: 'term', slug }]);
};

/** Puts a term back as it was at an earlier version, as a new version (If-Match required). */
export const revertTerm = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  slug: string,
  toVersion: number,
  expectedVersion: number | undefined,
  options: WriteOptions = {},
): Promise<Term> => {
  // Before the lookup, so a caller without a key learns nothing of the term's history.
  authorize(actor, 'write');
  const snapshot = (await findRevision<Term>(ctx.store.db, 'term', slug, toVersion))?.after;
  if (!snapshot) {
    await getTerm(ctx, slug); // an unknown term is named as such, not as an unknown version
    throw notFound(`Version ${toVersion} of term ${slug}`);
  }
  return replaceTerm(ctx, actor, slug, termContentOf(snapshot), expectedVersion, options, 'revert');
};

export const listTermRevisions = async (
  ctx: ServiceContext,
  slug: string,
  request: PageRequest,
): Promise<Revision<Term>[]> => {
  await getTerm(ctx, slug);
  return listRevisions<Term>(ctx.store.db, 'term', slug, pageOf(request));
};
