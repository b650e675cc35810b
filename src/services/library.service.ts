import { BUILT_IN_TAXONOMY, foldTitle, type RoleSummary, type Term } from '../domain/index.js';
import { listTaxonomies as listTaxonomyRows } from '../store/index.js';
import type { Actor, ServiceContext } from './context.js';
import { editsWithin } from './edit-distance.js';
import { listRolesInGroup } from './role-groups.service.js';
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

/** A role a search found, and the title of it that matched when that is not its name. */
export interface FoundRole {
  taxonomy: string;
  code: string;
  name: string;
  summary: string;
  matched?: string;
  /** The glossary term the query named that the role's guide lists, when that is how it was found. */
  uses?: string;
}

export interface LibrarySearch {
  roles: FoundRole[];
  terms: Term[];
  /** For a term found by an abbreviation or alias, the form that matched. */
  termForms: Record<string, string>;
}

/** The lowest calibrated score a title match needs to be shown as a search result. */
const SEARCH_MIN_SCORE = 0.3;

/**
 * 0 when a name starts with the query, 1 when one of its words does, 2 when only another title
 * or an alias does (the store finds a query only at the start of a word).
 */
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

const keyOf = (r: { taxonomy: string; code: string }) => `${r.taxonomy}\u0000${r.code}`;

interface SearchFilter {
  limit: number;
  taxonomy?: string | undefined;
  /** An occupation group's id (`onet-15`, `isco-2`). */
  group?: string | undefined;
}

/** How many more title matches are read when a group filter will leave some out. */
const GROUP_WIDENING = 10;

/**
 * Roles the title normalizer reads the query as (typos, abbreviations and seniority forgiven),
 * the guides of the built-in library first, each with the title that matched.
 */
const rolesByTitle = async (
  ctx: ServiceContext,
  query: string,
  options: SearchFilter,
): Promise<FoundRole[]> => {
  const [index, library, grouped] = await Promise.all([
    ctx.titles.get(),
    ctx.library.get(),
    options.group === undefined ? undefined : ctx.roleGroups.get(),
  ]);
  const summaries = new Map(library.roles.map((r) => [keyOf(r), r.summary]));
  const result = index.match(query, {
    // The index knows no groups: it is asked for more, and those of other groups left out.
    top: grouped ? options.limit * GROUP_WIDENING : options.limit,
    minScore: SEARCH_MIN_SCORE,
    ...(options.taxonomy !== undefined ? { taxonomy: options.taxonomy } : {}),
  });
  return result.matches
    .filter((m) => !grouped || grouped.groupsOf(m.taxonomy, m.code).includes(options.group!))
    .slice(0, options.limit)
    .map((m, rank) => ({ m, rank, curated: m.taxonomy === BUILT_IN_TAXONOMY ? 0 : 1 }))
    .sort((a, b) => a.curated - b.curated || a.rank - b.rank)
    .map(({ m }) => ({
      taxonomy: m.taxonomy,
      code: m.code,
      name: m.name,
      summary: summaries.get(keyOf(m)) ?? '',
      ...(foldTitle(m.matchedTitle) !== foldTitle(m.name) ? { matched: m.matchedTitle } : {}),
    }));
};

/** Roles whose titles hold the query's words as written: the built-in library, then the rest. */
const rolesByText = async (
  ctx: ServiceContext,
  query: string,
  options: SearchFilter & { actor?: Actor | undefined },
): Promise<FoundRole[]> => {
  const folded = foldTitle(query);
  if (options.group !== undefined) {
    const page = await listRolesInGroup(ctx, { ...options, q: query, offset: 0 });
    return byCloseness(page.items, (r) => [r.name], folded);
  }
  const taxonomyIds =
    options.taxonomy !== undefined
      ? [options.taxonomy]
      : (await listTaxonomyRows(ctx.store.db))
          .map((t) => t.id)
          .sort((a, b) => Number(b === BUILT_IN_TAXONOMY) - Number(a === BUILT_IN_TAXONOMY));
  const roles: FoundRole[] = [];
  for (const taxonomy of taxonomyIds) {
    if (roles.length >= options.limit) break;
    const page = await listRoles(
      ctx,
      { taxonomy, q: query, limit: options.limit - roles.length },
      options.actor,
    );
    roles.push(...byCloseness(page.items, (r) => [r.name], folded));
  }
  return roles;
};

/**
 * Roles whose guides list a term the query names ("k8s" → the roles that work with Kubernetes),
 * for a query that names a tool rather than a title.
 */
const rolesByTerm = async (
  ctx: ServiceContext,
  query: string,
  options: SearchFilter,
): Promise<FoundRole[]> => {
  const [library, usage, grouped] = await Promise.all([
    ctx.library.get(),
    ctx.termUsage.get(),
    options.group === undefined ? undefined : ctx.roleGroups.get(),
  ]);
  const roles: FoundRole[] = [];
  for (const hit of library.spotter.spot(query, { names: true })) {
    const term = library.terms.get(hit.slug);
    if (!term) continue;
    for (const role of usage.get(term.slug) ?? []) {
      if (options.taxonomy !== undefined && role.taxonomy !== options.taxonomy) continue;
      if (grouped && !grouped.groupsOf(role.taxonomy, role.code).includes(options.group!)) continue;
      roles.push({ ...role, uses: term.name });
    }
  }
  return roles.slice(0, options.limit);
};

/** Typos forgiven in a query of this length: none below 5 letters, two from 9 on. */
const typosAllowed = (length: number): number => (length >= 9 ? 2 : length >= 5 ? 1 : 0);

interface FoldedForms {
  term: Term;
  forms: { form: string; folded: string }[];
}

/** Each glossary's names, abbreviations and aliases folded once, not at every search. */
const foldedGlossaries = new WeakMap<ReadonlyMap<string, Term>, FoldedForms[]>();

const foldedForms = (terms: ReadonlyMap<string, Term>): FoldedForms[] => {
  let folded = foldedGlossaries.get(terms);
  if (!folded) {
    folded = [...terms.values()].map((term) => ({
      term,
      forms: [term.name, ...term.abbreviations, ...term.aliases].map((form) => ({
        form,
        folded: foldTitle(form),
      })),
    }));
    foldedGlossaries.set(terms, folded);
  }
  return folded;
};

/**
 * Terms the query names with a typo ("kubernets", "postgress"): a name, abbreviation or alias
 * within the edits its length allows, the closest first.
 */
const termsNear = (
  terms: ReadonlyMap<string, Term>,
  folded: string,
): { term: Term; form: string }[] => {
  const limit = typosAllowed(folded.length);
  if (limit === 0) return [];
  const near: { term: Term; form: string; edits: number }[] = [];
  for (const { term, forms } of foldedForms(terms)) {
    let best: { form: string; edits: number } | undefined;
    for (const { form, folded: candidate } of forms) {
      const edits = editsWithin(folded, candidate, limit);
      if (edits <= limit && (!best || edits < best.edits)) best = { form, edits };
    }
    if (best) near.push({ term, ...best });
  }
  return near.sort((a, b) => a.edits - b.edits);
};

/**
 * Glossary terms the query names exactly (by name, abbreviation or alias), then with a typo,
 * then by part.
 */
export const searchGlossary = async (
  ctx: ServiceContext,
  query: string,
  limit: number,
): Promise<Omit<LibrarySearch, 'roles'>> => {
  const [library, listed] = await Promise.all([
    ctx.library.get(),
    listTerms(ctx, { q: query, limit }),
  ]);
  const termForms: Record<string, string> = {};
  const named: Term[] = [];
  for (const hit of library.spotter.spot(query, { names: true })) {
    const term = library.terms.get(hit.slug);
    if (!term || named.includes(term)) continue;
    named.push(term);
    const shown = [term.name, ...term.abbreviations].map(foldTitle);
    if (!shown.includes(foldTitle(hit.text))) termForms[term.slug] = hit.text;
  }
  const folded = foldTitle(query);
  if (named.length === 0) {
    for (const { term, form } of termsNear(library.terms, folded)) {
      named.push(term);
      if (form !== term.name) termForms[term.slug] = form;
    }
  }
  const rest = byCloseness(
    listed.items.filter((t) => !named.some((n) => n.slug === t.slug)),
    (t) => [t.name, ...t.abbreviations],
    folded,
  );
  return { terms: [...named, ...rest].slice(0, limit), termForms };
};

/**
 * Roles and glossary terms for a query. Roles come from the title normalizer first (so
 * "bakend", "k8s admin" and "Sr. Backend Engineer" find their role, the guides of the built-in
 * library leading), then roles whose titles hold the words as written; each says which of its
 * titles matched. Terms named exactly by the query come first, then those whose names hold it.
 * @example await searchLibrary(ctx, 'bakend') // { roles: [Backend Developer (matched "Backend …"), …], … }
 */
export const searchLibrary = async (
  ctx: ServiceContext,
  query: string,
  options: Partial<SearchFilter> & { actor?: Actor | undefined } = {},
): Promise<LibrarySearch> => {
  if (!foldTitle(query)) return { roles: [], terms: [], termForms: {} };
  const limit = options.limit ?? 20;
  const filter = { limit, taxonomy: options.taxonomy, group: options.group };
  const [byTitle, byText, byTerm, terms] = await Promise.all([
    rolesByTitle(ctx, query, filter),
    rolesByText(ctx, query, { ...filter, actor: options.actor }),
    rolesByTerm(ctx, query, filter),
    searchGlossary(ctx, query, limit),
  ]);
  const seen = new Map(byTitle.map((r) => [keyOf(r), r]));
  const roles = [...byTitle];
  for (const role of [...byText, ...byTerm]) {
    const known = seen.get(keyOf(role));
    if (known) {
      if (!known.summary) known.summary = role.summary;
      if (role.uses !== undefined) known.uses ??= role.uses;
    } else {
      seen.set(keyOf(role), role);
      roles.push(role);
    }
  }
  return { roles: roles.slice(0, limit), ...terms };
};

/**
 * Looks up the glossary term a whole name is (a technology or skill tag such as "PostgreSQL"),
 * by its name, abbreviation or alias; a name that merely mentions a term is not that term.
 */
export const termNamedBy = async (
  ctx: ServiceContext,
): Promise<(name: string) => string | undefined> => {
  const { spotter } = await ctx.library.get();
  return (name) => {
    const wanted = name.trim();
    const hit = spotter.spot(wanted, { names: true })[0];
    return hit && hit.start === 0 && hit.end === wanted.length ? hit.slug : undefined;
  };
};
