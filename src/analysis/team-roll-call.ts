import { namedElsewhere } from './named-elsewhere.js';
import type { TermHit } from './term-spotter.js';
import { insideAnySpan } from './span-cover.js';

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

/** A list item or a table row: the lines a stack set out team by team is written in. */
const ITEM_LINE = /^[\t ]*(?:[-*•▸]\s|\d+[.)]\s|\|)/u;
/** A table's rule under its header row: "|---|:---:|". */
const TABLE_RULE = /^[\t ]*\|[\s|:-]*$/;
/** An item led by a label and its colon: "**Mobile:** Swift", "*iOS squad:* SwiftUI", "Sales: HubSpot". */
const LABELLED_ITEM = /^[\t ]*(?:[-*•▸]|\d+[.)])\s+[*_]*[^:\n]{1,40}:/u;
/**
 * The mark that gives an item to the hire: "**Backend (you):**", "*Android squad (this role):*",
 * or a table cell saying only "you".
 */
const HIRE_MARK = /\((?:you|this\s+role)\)|\|[\s*_]*you[\s*_]*(?=\|)/iu;
/** The fewest items given to other teams before a list reads as the stack set out by team. */
const OTHER_TEAMS_IN_STACK = 2;

/**
 * The items of each list or table that gives the stack team by team and marks one team as the
 * hire's, less the items so marked: what the others use ("- **Data:** Snowflake, Looker").
 */
const otherTeamsItems = (text: string): Sentence[] => {
  const found: Sentence[] = [];
  let block: Sentence[] = [];
  const close = () => {
    const hires = block.filter((l) => HIRE_MARK.test(l.text));
    const labelled = block.filter(
      (l) =>
        !HIRE_MARK.test(l.text) &&
        !TABLE_RULE.test(l.text) &&
        (l.text.trimStart().startsWith('|') || LABELLED_ITEM.test(l.text)),
    );
    if (hires.length > 0 && labelled.length >= OTHER_TEAMS_IN_STACK) found.push(...labelled);
    block = [];
  };
  let start = 0;
  for (const line of text.split('\n')) {
    if (ITEM_LINE.test(line)) block.push({ start, end: start + line.length, text: line });
    else close();
    start += line.length + 1;
  }
  close();
  return found;
};

/**
 * The hits less each term a posting names only where it goes through what the organisation's
 * other teams do ("The Platform team runs Kubernetes on Azure. The Machine Learning team builds
 * models in PyTorch."): a recruiter explains the hire's work, not every neighbour's. A sentence
 * that speaks to or of the hire ("You'd join the fifth team") is the job's. A list or table that
 * gives the stack team by team and marks the hire's ("**Backend (you):** Go") is read the same
 * way, item by item. A term the posting names anywhere else is still asked for.
 * @example withoutTeamRollCall(text, hits)
 */
export const withoutTeamRollCall = (text: string, hits: readonly TermHit[]): TermHit[] => {
  const spans = [...rollCallSentences(text), ...otherTeamsItems(text)];
  if (spans.length === 0) return [...hits];
  return namedElsewhere(hits, insideAnySpan(spans));
};
