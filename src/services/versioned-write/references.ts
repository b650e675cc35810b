import { roleKey, type ProblemDetail } from '../../domain/index.js';
import { findTaxonomy, findTerms, roleNames } from '../../store/index.js';
import type { Db, StoreDialect } from '../../store/index.js';
import type { Reference, Target } from './entity-adapter.js';

/** Keys looked up per query, under both databases' limits on bound parameters. */
const LOOKUP_CHUNK = 250;

const chunks = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += LOOKUP_CHUNK) out.push(items.slice(i, i + LOOKUP_CHUNK));
  return out;
};

const keyOf = (target: Target): string => {
  switch (target.kind) {
    case 'taxonomy':
      return `taxonomy ${target.id}`;
    case 'term':
      return `term ${target.slug}`;
    case 'role':
      return `role ${roleKey(target.taxonomy, target.code)}`;
  }
};

/**
 * Which of the targets the store holds, looked up a chunk at a time, each target once. The terms
 * found are held until the write ends: a term is the one target whose delete is refused while
 * something names it, and a delete racing this write must either be seen by it or see it.
 */
const existing = async (
  db: Db,
  dialect: StoreDialect,
  targets: readonly Target[],
): Promise<Set<string>> => {
  const found = new Set<string>();
  const wanted = new Map(targets.map((t) => [keyOf(t), t]));
  const of = <K extends Target['kind']>(kind: K) =>
    [...wanted.values()].filter((t): t is Extract<Target, { kind: K }> => t.kind === kind);
  for (const { id } of of('taxonomy')) {
    if (await findTaxonomy(db, id)) found.add(keyOf({ kind: 'taxonomy', id }));
  }
  const termSlugs = of('term').map((t) => t.slug);
  for (const chunk of chunks(termSlugs.sort())) {
    for (const slug of (await findTerms(db, chunk, { holding: dialect })).keys())
      found.add(keyOf({ kind: 'term', slug }));
  }
  for (const chunk of chunks(of('role'))) {
    for (const key of (await roleNames(db, chunk)).keys()) found.add(`role ${key}`);
  }
  return found;
};

/**
 * The problems of a list of references, in its order: a reference to what the store does not
 * hold, or one that is a problem by itself. Read inside the write's transaction, so what the
 * write itself stored counts.
 */
export const referenceProblems = async (
  db: Db,
  dialect: StoreDialect,
  references: readonly Reference[],
): Promise<ProblemDetail[]> => {
  const targets = references.flatMap((r) => ('target' in r ? [r.target] : []));
  const found = await existing(db, dialect, targets);
  return references.flatMap((r): ProblemDetail[] => {
    if (!('target' in r)) return [{ field: r.field, message: r.problem }];
    const key = keyOf(r.target);
    return found.has(key) ? [] : [{ field: r.field, message: `${key} does not exist` }];
  });
};
