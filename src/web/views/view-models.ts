/** What a list shows of a role. */
export interface RoleListItem {
  taxonomy: string;
  code: string;
  name: string;
  summary?: string;
  /** Display name of the taxonomy, shown for roles outside the built-in library. */
  taxonomyName?: string;
}

/** What a list shows of a glossary term. */
export interface TermListItem {
  slug: string;
  name: string;
  abbreviations?: readonly string[];
  definition?: string;
  category?: string;
}

export interface TaxonomyListItem {
  id: string;
  name: string;
  description?: string;
  roleCount?: number;
}
