/** Size limits shared by every front door, so HTTP, CLI and imports refuse the same things. */
export const limits = {
  code: 200,
  name: 200,
  title: 200,
  shortText: 2_000,
  longText: 20_000,
  url: 2_000,
  listItems: 500,
  alternativeTitles: 2_000,
  /** Versions and revision numbers fit a 32-bit integer column on every database. */
  version: 2_147_483_647,
  /** The deepest a list may be paged; past it, narrow the query instead. */
  offset: 1_000_000,
} as const;
