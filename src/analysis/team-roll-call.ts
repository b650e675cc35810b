import { namedElsewhere } from './named-elsewhere.js';
import type { TermHit } from './term-spotter.js';

/**
 * A sentence whose subject is a team named apart, or the people of a trade: "The Platform team
 * looks after our cloud estate", "Our analysts sit with the underwriters".
 */
const TEAM_SUBJECT =
  /^[\t >*•\-–(]*(?:and\s+)?(?:the|our)\s+(?:(?:[\p{L}&-]+,?\s+){1,3}?teams?|(?:[\p{L}-]+\s+){0,2}?(?:analysts|designers|scientists|researchers|testers|engineers|developers))\b/iu;
/**
 * A sentence that splits the organisation into its teams: "about sixty people in five teams",
 * "Security is split into four teams" (not the teams a manager leads or a plan spans).
 */
const TEAMS_COUNTED =
  /\b(?:in|into)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[\p{L}-]+\s+)?teams\b/iu;
/** A sentence told to or for the hire: the team they join, or the work they do. */
const HIRE_TOLD = /\b(?:you|your|yours|you['’](?:ll|d|re)|us|we|we['’](?:ll|re))\b/iu;
/** The fewest teams a paragraph says the work of before it reads as a roll call. */
const TEAMS_IN_ROLL_CALL = 2;

interface Sentence {
  start: number;
  end: number;
  text: string;
}

const SENTENCE = /[^.!?\n]+(?:[.!?]+(?=\s|$)|$)/gmu;

const paragraphs = (text: string): { start: number; text: string }[] => {
  const found: { start: number; text: string }[] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g)) {
    found.push({ start: m.index, text: m[0] });
  }
  return found;
};

const sentencesOf = (paragraph: { start: number; text: string }): Sentence[] =>
  [...paragraph.text.matchAll(SENTENCE)].map((m) => ({
    start: paragraph.start + m.index,
    end: paragraph.start + m.index + m[0].length,
    text: m[0].trim(),
  }));

/**
 * The sentences of each paragraph that goes through the organisation's teams one by one, less
 * those told to or for the hire.
 */
const rollCallSentences = (text: string): Sentence[] =>
  paragraphs(text).flatMap((paragraph) => {
    const sentences = sentencesOf(paragraph);
    const others = sentences.filter((s) => !HIRE_TOLD.test(s.text));
    const teams = others.filter((s) => TEAM_SUBJECT.test(s.text)).length;
    const counted = sentences.some((s) => TEAMS_COUNTED.test(s.text));
    return teams >= TEAMS_IN_ROLL_CALL || (counted && teams + others.length > 1) ? others : [];
  });

/**
 * The hits less each term a posting names only where it goes through what the organisation's
 * other teams do ("The Platform team runs Kubernetes on Azure. The Machine Learning team builds
 * models in PyTorch."): a recruiter explains the hire's work, not every neighbour's. A sentence
 * that speaks to or of the hire ("You'd join the fifth team") is the job's, and a term the
 * posting names anywhere else is still asked for.
 * @example withoutTeamRollCall(text, hits)
 */
export const withoutTeamRollCall = (text: string, hits: readonly TermHit[]): TermHit[] => {
  const spans = rollCallSentences(text);
  if (spans.length === 0) return [...hits];
  return namedElsewhere(hits, (h) => spans.some((s) => h.start >= s.start && h.end <= s.end));
};
