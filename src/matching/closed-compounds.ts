/** What splitting a word needs to know of the index's words. */
export interface CompoundWords {
  /** Whether some title uses the word. */
  knows(word: string): boolean;
  /** Whether some title ends in the word. */
  heads(word: string): boolean;
  /** Whether the word is one edit from a word some title uses: then it reads as its typo. */
  nearlyKnows(word: string): boolean;
}

/** The shortest part a closed compound is split into: "sky cap", not "s kycap". */
const MIN_PART = 3;

/**
 * The word as the two index words it is written closed from, the second one a word some title
 * ends in ("glassblower" as "glass blower", "trackwalker" as "track walker"): taxonomies write
 * a trade open or closed as it comes, and the open form's words are evidence the closed form
 * has none of. Undefined for a word the index knows or nearly knows (a typo of "controller" is
 * no "com troller"), or one no such pair makes up. Of several splits, the longest second word
 * is taken, as it is the head.
 *
 * @example splitClosedCompound('copyholder', words) // ['copy', 'holder']
 */
export const splitClosedCompound = (
  word: string,
  words: CompoundWords,
): [string, string] | undefined => {
  if (word.length < 2 * MIN_PART || words.knows(word) || words.nearlyKnows(word)) {
    return undefined;
  }
  for (let at = MIN_PART; at <= word.length - MIN_PART; at++) {
    const head = word.slice(at);
    const first = word.slice(0, at);
    if (words.heads(head) && words.knows(first)) return [first, head];
  }
  return undefined;
};

/** The tokens with each closed compound split (see splitClosedCompound); the same array if none. */
export const openClosedCompounds = (tokens: string[], words: CompoundWords): string[] => {
  let opened: string[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const parts = splitClosedCompound(token, words);
    if (parts !== undefined) opened ??= tokens.slice(0, i);
    if (opened !== undefined) opened.push(...(parts ?? [token]));
  }
  return opened ?? tokens;
};
