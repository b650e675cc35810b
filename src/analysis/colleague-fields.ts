import { namedElsewhere } from './named-elsewhere.js';
import type { TermHit } from './term-spotter.js';
import type { TextSpan } from './text-view.js';

/**
 * Job words and leads right after a field, one or many: the people or the post it names ("the
 * ML engineers", "our UX designer", "QA Engineer (Manual)", "QA Lead"), not work asked for.
 */
const COLLEAGUES_NEXT =
  /^[ \t]*(?:engineers?|developers?|devs?|researchers?|scientists?|designers?|analysts?|testers?|architects?|specialists?|leads?|managers?|technicians?|assessors?)\b/i;

/**
 * The hits less each field that only names the people the hire works beside ("with the ML
 * engineers") or a post ("QA Engineer", the job itself or another one a newsletter lists): a
 * recruiter hires into that company, and the role's guide explains its own job. The title line
 * is left to the rules for titles, which keep an abbreviation there as jargon to explain. A
 * field the posting names otherwise anywhere is still work it asks for.
 */
export const withoutColleagueFields = (
  text: string,
  hits: readonly TermHit[],
  isField: (hit: TermHit) => boolean,
  title?: TextSpan,
): TermHit[] => {
  const inTitle = (h: TermHit) =>
    title !== undefined && h.start >= title.start && h.end <= title.end;
  const namesColleagues = (h: TermHit) =>
    isField(h) && !inTitle(h) && COLLEAGUES_NEXT.test(text.slice(h.end, h.end + 30));
  return namedElsewhere(hits, namesColleagues);
};
