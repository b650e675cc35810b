/**
 * Capitalised words that, after a product's name, name a product of their own: "Looker
 * Studio" is a free reporting tool, not Looker; "React Query" is a data library, not React.
 * Where the glossary holds the longer name ("Android Studio") that mention wins anyway.
 */
const ownProductWords = new Set(['Studio', 'Query']);

/** A product's name as a name is written: a capital, then letters with a small one among them. */
const NAME = /^\p{Lu}\p{L}*\p{Ll}\p{L}*$/u;

/** True when the name at `start`..`end` opens a longer capitalised name of another product. */
const opensOtherProduct = (text: string, start: number, end: number): boolean => {
  if (!NAME.test(text.slice(start, end))) return false;
  const next = /^[^\S\n](\p{L}+)(?![\p{L}\p{N}])/u.exec(text.slice(end, end + 20))?.[1];
  return next !== undefined && ownProductWords.has(next);
};

/** The mentions less those that only open another product's name. */
export const withoutOtherProducts = <T extends { start: number; end: number }>(
  text: string,
  mentions: readonly T[],
): T[] => mentions.filter((m) => !opensOtherProduct(text, m.start, m.end));
