import type { TermHit } from './term-spotter.js';

/**
 * "tests" right after a field, or after "and" and another abbreviation: "UI tests", "UI and API
 * tests". A lower-case word between ("analysis and hypothesis testing") is a second skill.
 */
const TESTS_NEXT = /^(?:[ \t]*(?:and|&|\/)[ \t]*\p{Lu}{2,})?[ \t-]*(?:tests?|testing)\b/u;

/**
 * The hits less each field that only names what a kind of test exercises ("write unit and UI
 * tests", "automate UI and API tests"): the hire tests through the interface, not designs it.
 * A field the posting names otherwise anywhere is still work it asks for. `isField` leaves out
 * the kinds of test themselves ("E2E tests").
 */
export const withoutTestedFields = (
  text: string,
  hits: readonly TermHit[],
  isField: (hit: TermHit) => boolean,
): TermHit[] => {
  const namesTest = (h: TermHit) => isField(h) && TESTS_NEXT.test(text.slice(h.end, h.end + 30));
  const elsewhere = new Set(hits.filter((h) => !namesTest(h)).map((h) => h.slug));
  return hits.filter((h) => elsewhere.has(h.slug));
};
