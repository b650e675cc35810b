import { BUILT_IN_TAXONOMY } from '../domain/index.js';
import { TECHNOLOGY_PHRASES } from './qualifiers.js';
import type { TitleStore } from './title-store.js';

/** A word used by more titles than this is a word of many senses, bound to no one neighbour. */
const MOST_TITLES_READ = 64;
/** One title alone shows no pair: every word of it keeps the same neighbours. */
const FEWEST_TITLES = 2;

/** The one neighbour on a side seen so far: none yet (-2), several (-1), or its id. */
const agree = (seen: number, next: number): number => (seen === -2 || seen === next ? next : -1);

/**
 * The words the built-in library never writes this word without, other than a title's head:
 * "smart" for "contract", "machine" for "learning" where every title says "Machine Learning".
 * A word that heads a title stands on its own and is bound to nothing; so does a technology's
 * name, which names it whole ("Unreal" of "Unreal Engine").
 */
const boundNeighbours = (store: TitleStore, id: number): number[] => {
  const postings = store.titlePostingsOf(id);
  if (postings.length > MOST_TITLES_READ || TECHNOLOGY_PHRASES.has(store.wordOf(id)!)) return [];
  let before = -2;
  let after = -2;
  let titles = 0;
  for (const posting of postings) {
    if ((posting & 1) === 1) return [];
    const title = posting >> 1;
    if (store.roleAt(store.records.role(title)).taxonomy !== BUILT_IN_TAXONOMY) continue;
    const words = store.tokensOf(title);
    const at = words.indexOf(id);
    before = agree(before, at > 0 ? (words[at - 1] as number) : -1);
    after = agree(after, at + 2 < words.length ? (words[at + 1] as number) : -1);
    titles++;
  }
  return titles < FEWEST_TITLES ? [] : [before, after].filter((neighbour) => neighbour >= 0);
};

/**
 * Whether a query word is said without a neighbour the library always gives it, and so without
 * the sense it has in the library's titles: "Contract Engineer" says nothing of smart contracts.
 */
export const lacksBoundNeighbour = (
  store: TitleStore,
  id: number,
  tokens: readonly string[],
): boolean =>
  store
    .boundNeighboursOf(id, (word) => boundNeighbours(store, word))
    .some((neighbour) => !tokens.includes(store.wordOf(neighbour)!));
