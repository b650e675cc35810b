import { STOP_WORDS } from './vocabulary.js';

/** What the reader of deliverables asks of the index: the parser's RoleWords has these. */
interface DeliverableWords {
  listsTitle(text: string): boolean;
}

/**
 * Things software work delivers, as a gig or freelance posting names the job by them ("Fix my
 * WordPress site", "UiPath bot to automate invoice entry"). Without one, a technology word in a
 * title of no role ("Barista, Java Junction Café") says nothing of the work.
 */
const DELIVERABLE =
  /\b(?:apps?|sites?|websites?|web\s*pages?|dashboards?|bots?|scripts?|bugs?|themes?|plugins?|audits?)\b/i;

/** The words of a title, as a technology is written in them ("Power BI", "Node.js"). */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}.#+]*/gu;

/**
 * The developer a title of no role stands for, where it names a deliverable and a technology
 * some role lists a developer of ("Build a Flutter app for my startup": Flutter Developer):
 * the work to do said in place of the one to do it. The first technology wins, of two words
 * before one ("Power BI" before "BI"). Undefined where the title names no deliverable or no
 * such technology.
 *
 * @example deliverableRole('Need someone to fix my WordPress site', words) // 'WordPress Developer'
 */
export const deliverableRole = (text: string, words: DeliverableWords): string | undefined => {
  if (!DELIVERABLE.test(text)) return undefined;
  const tokens = text.match(WORD) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    for (const span of [tokens.slice(i, i + 2), tokens.slice(i, i + 1)]) {
      const role = `${span.join(' ')} Developer`;
      const named = span.length > 0 && span.every((t) => !STOP_WORDS.has(t.toLowerCase()));
      if (named && words.listsTitle(role)) return role;
    }
  }
  return undefined;
};
