import type { TermHit } from './term-spotter.js';

/** Plural job words and teams right after a field: the people it names, not work asked for. */
const COLLEAGUES_NEXT =
  /^[ \t]*(?:engineers|developers|devs|researchers|scientists|designers|analysts|testers|architects|specialists)\b/i;

/**
 * The hits less each field that only names the people the hire works beside ("with the ML
 * engineers", "pair with the iOS team"): a recruiter hires into that company, not for that
 * field. A field the posting names otherwise anywhere is still work it asks for.
 */
export const withoutColleagueFields = (
  text: string,
  hits: readonly TermHit[],
  isField: (hit: TermHit) => boolean,
): TermHit[] => {
  const namesColleagues = (h: TermHit) =>
    isField(h) && COLLEAGUES_NEXT.test(text.slice(h.end, h.end + 30));
  const elsewhere = new Set(hits.filter((h) => !namesColleagues(h)).map((h) => h.slug));
  return hits.filter((h) => elsewhere.has(h.slug));
};
