import { namesMoney, placeInLine } from './posting-parts.js';
import { namedElsewhere } from './named-elsewhere.js';
import type { TermHit } from './term-spotter.js';
import type { TextSpan } from './text-view.js';
import { endsInJobWord } from './title-line.js';

/** Marks, emoji and bullets before a line's first word: "▸ ", "- ", "🔥 ". */
const LINE_OPENING = /^[^\p{L}\p{N}]*/u;
/** Where a vacancy line's job ends and its terms begin: "SOC Analyst (Splunk), Bradford". */
const JOB_END = /\s*(?:[,(:|]|\s[-–—]\s)/;
/** The most words a job named at a line's start has: "Senior Marketing Cloud Consultant". */
const JOB_WORDS = 6;
/** Words that name a job by how it is engaged, as a title's last word names it by its kind. */
const ENGAGED = /\b(?:contractors?|freelancers?|interims?)$/i;
/** A day or hour rate: "£500/day", "550 per day". */
const RATE = /\d\s*(?:\/|per\s+)(?:day|hour|hr)\b/i;
/** A line longer than this is prose, not one vacancy of a list. */
const LONGEST_LINE = 200;

/**
 * A sentence in which an agency says what it places or recruits: "CodeBridge has placed 2,000
 * people across Android, Java and DevOps roles", "We recruit Salesforce Developers", "We've been
 * placing people ... from PAs to Cloud Engineers", "We specialise in Cyber Security and Data
 * recruitment". Its subject is the agency, not the hire ("You will recruit participants").
 */
const AGENCY_PLACES =
  /^[\t >*•\-–(]*(?:[Ww]e|\p{Lu}[\p{L}&-]*(?:\s+\p{Lu}[\p{L}&-]*){0,2})(?:['’]ve|\s+have|\s+has)?(?:\s+been)?\s+(?:recruit(?:s|ing)?|plac(?:ed|ing)|speciali[sz](?:e|es|ed)\s+in)\b/u;
/** A sentence: to a full stop that ends it, not one inside a name such as ".NET". */
const SENTENCE = /[^\n]+?(?:[.!?](?=\s|$)|$)/gmu;

const agencySentences = (text: string): TextSpan[] =>
  [...text.matchAll(SENTENCE)]
    .filter((m) => AGENCY_PLACES.test(m[0].trimStart()))
    .map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));

/**
 * Whether a line names a job and its pay or place: a vacancy of its own ("Kubernetes Platform
 * Lead, London, £110k", "Data Analyst (Tableau), charity, Manchester — £38k").
 */
const isVacancyLine = (line: string): boolean => {
  const body = line.replace(LINE_OPENING, '');
  const end = JOB_END.exec(body);
  if (end === null) return false;
  const job = body.slice(0, end.index);
  if (job.split(/\s+/).length > JOB_WORDS || !(endsInJobWord(job) || ENGAGED.test(job))) {
    return false;
  }
  const rest = body.slice(end.index);
  return namesMoney(rest) || RATE.test(rest) || rest.split(',').some((p) => placeInLine(p.trim()));
};

/** Where each line of a text that names a vacancy stands, the posting's title line aside. */
const vacancyLines = (text: string, title: TextSpan | undefined): TextSpan[] => {
  const lines: TextSpan[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    const isTitle = title !== undefined && title.start < end && title.end > start;
    if (!isTitle && line.length <= LONGEST_LINE && isVacancyLine(line)) {
      lines.push({ text: line, start, end });
    }
    start = end + 1;
  }
  return lines;
};

/**
 * The hits less each term a posting names only in lines about other vacancies, as an agency's
 * newsletter lists its other jobs under the one it features ("SOC Analyst (Splunk), Bradford,
 * £38k"), or in the agency's account of the roles it places ("We recruit DevOps Engineers and
 * .NET Developers"): those are other hires' skills. A term the posting names anywhere else is still
 * asked for.
 * @example withoutOtherVacancies(text, hits, title?.line)
 */
export const withoutOtherVacancies = (
  text: string,
  hits: readonly TermHit[],
  title: TextSpan | undefined,
): TermHit[] => {
  const lines = [...vacancyLines(text, title), ...agencySentences(text)];
  if (lines.length === 0) return [...hits];
  return namedElsewhere(hits, (h) => lines.some((l) => h.start >= l.start && h.end <= l.end));
};
