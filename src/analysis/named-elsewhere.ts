import type { TermHit } from './term-spotter.js';

/**
 * The hits less each term named only inside the parts a rule sets aside: a term the posting
 * also names outside them is asked for, and every mention of it stays.
 * @example namedElsewhere(hits, (h) => h.start < 100)
 */
export const namedElsewhere = (
  hits: readonly TermHit[],
  setAside: (hit: TermHit) => boolean,
): TermHit[] => {
  const elsewhere = new Set(hits.filter((h) => !setAside(h)).map((h) => h.slug));
  return hits.filter((h) => elsewhere.has(h.slug));
};
