/** What a list shows of a role. */
export interface RoleListItem {
  taxonomy: string;
  code: string;
  name: string;
  summary?: string;
  /** Display name of the taxonomy, shown for roles outside the built-in library. */
  taxonomyName?: string;
  /** The title of the role a search matched, when it is not the role's name. */
  matched?: string;
  /** The term a search named that the role's guide lists, when that is how it was found. */
  uses?: string;
}

/** What a list shows of a glossary term. */
export interface TermListItem {
  slug: string;
  name: string;
  abbreviations?: readonly string[];
  definition?: string;
  category?: string;
  /** The abbreviation or alias a search matched. */
  matched?: string;
}

export interface TaxonomyListItem {
  id: string;
  name: string;
  description?: string;
  roleCount?: number;
}

/** One ranked role for a title. */
export interface NormalizeMatchView {
  taxonomy: string;
  code: string;
  name: string;
  /** Calibrated, 0 to 1. */
  score: number;
  /** The known title that matched, when it differs from the role's name. */
  matchedTitle?: string;
  /** The technology in the title that reached the role, when no title of the role matched. */
  matchedTechnology?: string;
}
