/**
 * Job feeds that join a posting's fields without a separator ("Software EngineerLondon,
 * UK£70,000"): the pay sign glued to the word before it gives them away.
 */

/** A currency sign written straight after a letter: a feed that dropped its separators. */
const GLUED_CURRENCY = /(?<=\p{L})(?=[$£€₹¥])/gu;
const HAS_GLUED_CURRENCY = /\p{L}[$£€₹¥]/u;
/** A lower-case letter, or a digit, run into a capitalised word ("EngineerLondon", "IR35Remote"). */
const GLUED_WORD = /(\p{L}+)(?<=\p{Ll})(?=\p{Lu}\p{Ll})|(?<=\d)(?=\p{Lu}\p{Ll})/gu;
/** Role heads shorter than this are written closed with what follows ("DevOps", "DevRel"). */
const SHORTEST_GLUED_HEAD = 5;

/**
 * The title with the fields a feed glued together set apart: a space before each glued pay
 * sign, and between a role's head and the capitalised place run into it. Titles without a pay
 * sign glued to a word are returned as they are, so "DevOps" or "JavaScript" never split.
 *
 * @example unglueFeed('Java DeveloperLeeds£65k', (w) => w === 'Developer') // 'Java Developer Leeds £65k'
 */
export const unglueFeed = (text: string, endsInRoleHead: (word: string) => boolean): string => {
  if (!HAS_GLUED_CURRENCY.test(text)) return text;
  return text
    .replace(GLUED_CURRENCY, ' ')
    .replace(GLUED_WORD, (whole, word: string | undefined) =>
      word === undefined
        ? ' '
        : word.length >= SHORTEST_GLUED_HEAD && endsInRoleHead(word)
          ? `${word} `
          : word,
    );
};
