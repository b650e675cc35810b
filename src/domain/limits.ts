/** Size limits shared by every front door, so HTTP, CLI and imports refuse the same things. */
export const limits = {
  code: 200,
  /** Published taxonomies have labels this long: French ESCO pairs masculine and feminine forms. */
  name: 500,
  title: 500,
  shortText: 2_000,
  longText: 20_000,
  url: 2_000,
  listItems: 500,
  alternativeTitles: 2_000,
  /** Versions and revision numbers fit a 32-bit integer column on every database. */
  version: 2_147_483_647,
  /** The deepest a list may be paged; past it, narrow the query instead. */
  offset: 1_000_000,
  /**
   * A glossary term's written forms. Every abbreviation and alias (and its plural) is a pattern
   * that each analysis and guide scans for, so these bound what one term adds to the spotter.
   * The built-in library's largest: 12 aliases, 3 abbreviations, 51 characters.
   */
  termForm: 100,
  termAliases: 30,
  termAbbreviations: 10,
  /**
   * Threads a batch normalization runs on at most: each holds the title index's tables and a
   * V8 heap, and past the machine's cores more of them only contend.
   */
  normalizeWorkers: 8,
} as const;
