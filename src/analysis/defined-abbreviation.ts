/** Words an expansion may hold that give no letter to its abbreviation. */
const LINK_WORDS = new Set(['of', 'and', 'the', 'for', 'to', 'in', 'on', '&', 'de', 'du', 'des']);
const ABBREVIATION = /^[A-Z][A-Z0-9]{1,5}$/;
const WORD_BEFORE = /([\p{L}\p{N}&]+)[\s\-/]*$/u;

/**
 * The start of the words a text spells out an abbreviation with just before writing it in
 * brackets ("Senior Executive Officer (SEO)"), or undefined when the abbreviation at
 * [start, end) is not so defined. A posting that defines a short form says what it means
 * there, and that may not be the glossary's meaning of the same letters.
 * @example definedAt('a Senior Executive Officer (SEO) role', 28, 31) === 2
 */
export const definedAt = (text: string, start: number, end: number): number | undefined => {
  // Every hit of a scan is asked: the brackets are checked before anything is cut from the text.
  if (text[start - 1] !== '(' || text[end] !== ')') return undefined;
  const letters = text.slice(start, end);
  if (!ABBREVIATION.test(letters)) return undefined;
  const wanted = letters.replace(/[0-9]/g, '').toLowerCase();
  // The words before the bracket, nearest first, with where each starts.
  const words: { word: string; at: number }[] = [];
  let cursor = start - 1;
  while (words.length < 2 * wanted.length + 2) {
    const match = WORD_BEFORE.exec(text.slice(Math.max(0, cursor - 60), cursor));
    if (match === null) break;
    cursor -= match[0].length;
    words.push({ word: match[1]!.toLowerCase(), at: cursor });
  }
  // Each word back from the bracket gives the next letter back, or is a link word ("of");
  // a link word may also give its letter, so both readings are tried.
  const spell = (w: number, left: number): number | undefined => {
    if (left === 0) return w === 0 ? undefined : words[w - 1]!.at;
    const next = words[w];
    if (next === undefined) return undefined;
    const given = next.word[0] === wanted[left - 1] ? spell(w + 1, left - 1) : undefined;
    return given ?? (LINK_WORDS.has(next.word) ? spell(w + 1, left) : undefined);
  };
  return spell(0, wanted.length);
};
