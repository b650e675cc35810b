import { BUILT_IN_TAXONOMY, foldTitle, type RoleSummary, type Term } from '../domain/index.js';
import { listTaxonomies as listTaxonomyRows } from '../store/index.js';
import type { Actor, ServiceContext } from './context.js';
import { listRoles } from './role.service.js';
import { listTaxonomies, type TaxonomyWithCount } from './taxonomy.service.js';
import { listTerms } from './term.service.js';

export interface LibraryOverview {
  taxonomies: TaxonomyWithCount[];
  /** Published roles of the built-in library, by name. */
  featured: RoleSummary[];
  termCount: number;
}

/** What the front page shows: the taxonomies with their sizes, some guides, the glossary's size. */
export const getLibraryOverview = async (
  ctx: ServiceContext,
  options: { featured?: number } = {},
): Promise<LibraryOverview> => {
  const [taxonomies, featured, terms] = await Promise.all([
    listTaxonomies(ctx),
    listRoles(ctx, { taxonomy: BUILT_IN_TAXONOMY, limit: options.featured ?? 12 }),
    listTerms(ctx, { limit: 1 }),
  ]);
  return { taxonomies, featured: featured.items, termCount: terms.total };
};

export interface LibrarySearch {
  roles: RoleSummary[];
  terms: Term[];
}

/** 0 when a name starts with the query, 1 when it holds it elsewhere, 2 when only an alias does. */
const closeness = (names: readonly string[], query: string): number => {
  const folded = names.map(foldTitle);
  if (folded.some((n) => n.startsWith(query))) return 0;
  return folded.some((n) => n.includes(query)) ? 1 : 2;
};

const byCloseness = <T>(items: T[], namesOf: (item: T) => string[], query: string): T[] =>
  items
    .map((item, index) => ({ item, index, rank: closeness(namesOf(item), query) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((r) => r.item);

/**
 * Roles (by any of their titles) and glossary terms (by name, abbreviation or alias) matching
 * a query. Roles of the built-in library come first, then each other taxonomy; within each,
 * names that start with the query lead.
 * @example await searchLibrary(ctx, 'backend') // { roles: [Backend Developer, …], terms: [Backend technologies, …] }
 */
export const searchLibrary = async (
  ctx: ServiceContext,
  query: string,
  options: { limit?: number; actor?: Actor | undefined } = {},
): Promise<LibrarySearch> => {
  const folded = foldTitle(query);
  if (!folded) return { roles: [], terms: [] };
  const limit = options.limit ?? 20;
  const taxonomyIds = (await listTaxonomyRows(ctx.store.db))
    .map((t) => t.id)
    .sort((a, b) => Number(b === BUILT_IN_TAXONOMY) - Number(a === BUILT_IN_TAXONOMY));
  const roles: RoleSummary[] = [];
  for (const taxonomy of taxonomyIds) {
    if (roles.length >= limit) break;
    const page = await listRoles(
      ctx,
      { taxonomy, q: query, limit: limit - roles.length },
      options.actor,
    );
    roles.push(...byCloseness(page.items, (r) => [r.name], folded));
  }
  const terms = await listTerms(ctx, { q: query, limit });
  return {
    roles,
    terms: byCloseness(terms.items, (t) => [t.name, ...t.abbreviations], folded),
  };
};
