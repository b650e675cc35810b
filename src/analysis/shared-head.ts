import type { Mention } from './pipeline-kinds.js';
import { foldText } from './text-chars.js';

/**
 * A word joined to the mention after it by "and", a comma or a slash. "Or" offers one of two
 * ("manual or automated tests of the brakes"), not both, so it shares nothing.
 */
const JOINED_BEFORE = /(?<![\p{L}\p{N}])(\p{L}[\p{L}-]*)(?:\s*,\s*|\s+(?:and|&)\s+|\s*\/\s*)$/u;

/**
 * The mentions plus the words that share a mention's last words: in "unit and integration
 * tests" the writer asks for unit tests too, though "tests" is written once. The shared
 * reading counts only where the glossary holds it as a form of its own.
 * @param formOf the slug of a form in the glossary, given the form folded
 */
export const withSharedHeads = (
  text: string,
  mentions: readonly Mention[],
  formOf: (folded: string) => string | undefined,
): Mention[] => {
  const added: Mention[] = [];
  for (const [i, mention] of mentions.entries()) {
    const space = mention.text.indexOf(' ');
    if (space < 0) continue;
    const from = Math.max(mentions[i - 1]?.end ?? 0, mention.start - 40);
    const joined = JOINED_BEFORE.exec(text.slice(from, mention.start));
    if (!joined) continue;
    const word = joined[1]!;
    const slug = formOf(foldText(`${word}${mention.text.slice(space)}`));
    if (slug === undefined || slug === mention.slug) continue;
    const start = from + joined.index;
    added.push({ start, end: start + word.length, text: word, slug });
  }
  return [...mentions, ...added].sort((x, y) => x.start - y.start);
};
