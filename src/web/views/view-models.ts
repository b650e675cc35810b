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
