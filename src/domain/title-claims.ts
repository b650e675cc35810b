import { BUILT_IN_TAXONOMY } from './taxonomy.js';
import { foldTitle } from './slug.js';

/*
 * The rule that a title belongs to one role, in one place. A role claims its name and its
 * alternative titles, compared folded (case, accents and punctuation aside). Within the curated
 * library a title claimed twice is refused; published taxonomies share titles between occupations
 * as a fact of their source, so there a shared title is only reported.
 */

/** One title a role claims: the field that gives it, as written, and folded. */
export interface ClaimedTitle {
  field: string;
  title: string;
  folded: string;
}

/** For each taxonomy, which roles claim each folded title. */
export type TitleClaims = ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;

/** One claim of a title by a role, as the store lists them. */
export interface TitleClaim {
  taxonomy: string;
  code: string;
  folded: string;
}

/** Whether a title of the taxonomy may belong to one role only (so far, the built-in library). */
export const titlesAreExclusive = (taxonomy: string): boolean => taxonomy === BUILT_IN_TAXONOMY;

/**
 * The titles a role claims: its name, then its alternative titles, each folded title once (the
 * first field that gives it) and none that folds to nothing.
 * @example claimedTitles({ name: 'SQL Writer', alternativeTitles: ['sql-writer'] })
 * // [{ field: 'name', title: 'SQL Writer', folded: 'sql writer' }]
 */
export const claimedTitles = (role: {
  name: string;
  alternativeTitles: readonly string[];
}): ClaimedTitle[] => {
  const seen = new Set<string>();
  const titles: ClaimedTitle[] = [];
  const fields: [string, string][] = [
    ['name', role.name],
    ...role.alternativeTitles.map((t, i): [string, string] => [`alternativeTitles.${i}`, t]),
  ];
  for (const [field, title] of fields) {
    const folded = foldTitle(title);
    if (!folded || seen.has(folded)) continue;
    seen.add(folded);
    titles.push({ field, title, folded });
  }
  return titles;
};

/** Gathers claims, each code once per title, in the order given. */
export const collectTitleClaims = (claims: Iterable<TitleClaim>): TitleClaims => {
  const byTaxonomy = new Map<string, Map<string, string[]>>();
  for (const { taxonomy, code, folded } of claims) {
    let byTitle = byTaxonomy.get(taxonomy);
    if (!byTitle) byTaxonomy.set(taxonomy, (byTitle = new Map<string, string[]>()));
    const codes = byTitle.get(folded);
    if (!codes) byTitle.set(folded, [code]);
    else if (!codes.includes(code)) codes.push(code);
  }
  return byTaxonomy;
};

/**
 * Collects who claims which title, to find a title that two roles of one taxonomy both claim.
 * @example lintRole(role, { titleClaims: claimTitles(rolesOfTheTaxonomy) })
 */
export const claimTitles = (
  roles: Iterable<{ taxonomy: string; code: string; name: string; alternativeTitles: string[] }>,
): TitleClaims => {
  const claims: TitleClaim[] = [];
  for (const role of roles) {
    for (const { folded } of claimedTitles(role)) {
      claims.push({ taxonomy: role.taxonomy, code: role.code, folded });
    }
  }
  return collectTitleClaims(claims);
};

/** A title of a role that other roles of its taxonomy claim too. */
export interface SharedTitle extends ClaimedTitle {
  /** The codes of the other roles, in the order their claims were gathered. */
  others: string[];
}

/** The titles of a role that other roles of its taxonomy also claim. */
export const titlesClaimedByOthers = (
  role: { taxonomy: string; code: string; name: string; alternativeTitles: readonly string[] },
  claims: TitleClaims,
): SharedTitle[] => {
  const byTitle = claims.get(role.taxonomy);
  if (!byTitle) return [];
  return claimedTitles(role).flatMap((title) => {
    const others = (byTitle.get(title.folded) ?? []).filter((code) => code !== role.code);
    return others.length > 0 ? [{ ...title, others }] : [];
  });
};

/** Every title of a taxonomy that more than one role claims, with the codes that claim it. */
export const titlesClaimedTwice = (
  claims: TitleClaims,
  taxonomy: string,
): { folded: string; codes: readonly string[] }[] =>
  [...(claims.get(taxonomy) ?? new Map<string, readonly string[]>())]
    .filter(([, codes]) => codes.length > 1)
    .map(([folded, codes]) => ({ folded, codes }));
