import { BUILT_IN_TAXONOMY } from '../domain/index.js';
import type { TitleStore } from './title-store.js';

/**
 * The score of a role reached through a technology rather than a title: above the default
 * threshold, so the answer is given, and below the scores of confident title matches, as a
 * tool says less than a title. Set, not fitted: 12 of the 13 such answers on the development
 * halves of the posting sets were right, too few answers to fit a curve on.
 */
export const TECHNOLOGY_SCORE = 0.6;

/** The roles a title reaches through a technology, and the technology as they list it. */
export interface TechnologyRoles {
  /** Role slots, level on the evidence: the caller's ranking of the title chooses between them. */
  slots: number[];
  technology: string;
}

/**
 * The role slots whose guides list a technology by these title tokens. An ending of a
 * technology's name ("Airflow" of "Apache Airflow") counts only when no title uses its words,
 * so a common word ending a name ("Cloud" of "Google Cloud") is not read as the tool.
 */
export const rolesOfTechnology = (
  words: readonly string[],
  store: TitleStore,
): readonly number[] | undefined => {
  const phrase = words.join(' ');
  return (
    store.technologies.rolesNaming(phrase) ??
    (words.every((w) => !store.knows(w)) ? store.technologies.rolesEndingIn(phrase) : undefined)
  );
};

/**
 * The role of the curated library listing titles of these words and one head more ("VMware
 * Administrator" for the words of "VMware Engineer"), and the words as it writes them: a
 * product named before a head is its owner's, whatever head a posting puts after it. One of the
 * words must be used by that role's titles alone; words every title of several roles may use
 * ("Security", "Data") name a field, not a product, and lead nowhere.
 */
const productOwner = (
  words: readonly string[],
  headId: number,
  store: TitleStore,
): { slot: number; name: string } | undefined => {
  const ids: number[] = [];
  let own = -1;
  for (const word of words) {
    const id = store.tokenIdOf(word);
    if (id === undefined) return undefined;
    ids.push(id);
    if (own < 0 && store.rolePostingsOf(id).length === 2) own = id;
  }
  if (own < 0) return undefined;
  const slot = store.rolePostingsOf(own)[0] as number;
  if (store.roleAt(slot).taxonomy !== BUILT_IN_TAXONOMY) return undefined;
  let name: string | undefined;
  const postings = store.titlePostingsOf(own);
  for (let k = 0; k < postings.length; k++) {
    const title = (postings[k] as number) >> 1;
    if (store.isHidden(title) || store.tokenCountOf(title) !== ids.length + 1) continue;
    const tokens = store.tokensOf(title);
    if (!ids.every((id, i) => tokens[i] === id)) continue;
    // The query listed as a title ("Sales Engineer") is a title, weighed as one already.
    if (tokens[ids.length] === headId) return undefined;
    const text = store.textOf(title);
    name ??= text.slice(0, text.lastIndexOf(' '));
  }
  return name === undefined ? undefined : { slot, name };
};

/**
 * The roles a title of a technology and a head ("Splunk Engineer", "Airflow Developer") names
 * through that technology: of the roles listing it, those with the most titles ending in the
 * head. A tool's users share its name as a title; the head says which of them is meant.
 * Undefined when no such role has a title with the head ("Java Barista").
 */
export const rolesThroughTechnology = (
  tokens: readonly string[],
  store: TitleStore,
): TechnologyRoles | undefined => {
  if (tokens.length < 2) return undefined;
  const headId = store.tokenIdOf(tokens.at(-1) as string);
  if (headId === undefined) return undefined;
  let words = tokens.slice(0, -1);
  let named = rolesOfTechnology(words, store);
  const product = named === undefined ? productOwner(words, headId, store) : undefined;
  // A tool before a field its titles name ("Okta Identity Engineer", "Kubernetes DevOps
  // Engineer"): the longest tool the words start with, followed by title words only, is the
  // technology. A word no title uses after it ("Transformer Maintenance") keeps it no tool.
  while (
    named === undefined &&
    product === undefined &&
    words.length > 1 &&
    store.knows(words.at(-1) as string)
  ) {
    words = words.slice(0, -1);
    named = rolesOfTechnology(words, store);
  }
  const phrase = words.join(' ');
  const owners = named ?? (product === undefined ? undefined : [product.slot]);
  if (owners === undefined) return undefined;
  const heads = store.headPostingsOf(headId);
  let slots: number[] = [];
  let bestCount = 0;
  for (let k = 0; k < heads.length; k += 2) {
    const slot = heads[k] as number;
    const count = heads[k + 1] as number;
    if (!owners.includes(slot) || count < bestCount) continue;
    if (count > bestCount) slots = [];
    slots.push(slot);
    bestCount = count;
  }
  const technology =
    slots.length === 0
      ? undefined
      : (product?.name ?? store.technologies.nameOf(slots[0] as number, phrase));
  return technology === undefined ? undefined : { slots, technology };
};
