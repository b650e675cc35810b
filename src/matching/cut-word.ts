/** What the reader of a cut word asks of the index: the parser's RoleWords has this. */
interface CutWords {
  /** The word heading titles of the most roles among those starting with the prefix. */
  headStartingWith(prefix: string): string | undefined;
}

/** Three letters or more cut off by an ellipsis, the last thing in the text. */
const CUT_END = /(?<![\p{L}\p{N}])(\p{L}{3,})(?:\u2026|\.{3})\s*$/u;

/**
 * A title a feed cut off mid-word ("Site Reliability Engin…", "Lead Data Scien..."), its last
 * word written whole where some title's head starts with what is left of it. Job alerts and
 * aggregators cut titles to a fixed width; what is left of the head still says which head it
 * was. A fragment no head starts with, or a title not cut, is returned as it is.
 *
 * @example completeCutWord('Site Reliability Engin…', words) // 'Site Reliability engineer'
 */
export const completeCutWord = (text: string, words: CutWords | undefined): string => {
  const end = text.trimEnd();
  if (words === undefined || !(end.endsWith('\u2026') || end.endsWith('...'))) return text;
  const cut = CUT_END.exec(end);
  if (cut === null) return text;
  const head = words.headStartingWith((cut[1] as string).toLowerCase());
  return head === undefined ? text : `${end.slice(0, cut.index)}${head}`;
};
