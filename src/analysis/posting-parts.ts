import {
  workModePhrases,
  workModes as allWorkModes,
  type TitleFacts,
  type WorkMode,
} from '../domain/index.js';
import { isPlace } from '../matching/index.js';

/** The parts every good job posting has. */
export const postingParts = ['responsibilities', 'requirements', 'salary', 'location'] as const;
export type PostingPart = (typeof postingParts)[number];

export interface PartCheck {
  present: boolean;
  /** The words that showed the part is there. */
  evidence?: string;
  /** What would make the part better, when it is there but weak. */
  note?: string;
}

export interface PostingPartsReport {
  parts: Record<PostingPart, PartCheck>;
  missing: PostingPart[];
  workModes: WorkMode[];
}

const HEADING_PREFIX = String.raw`^[\t >#*_\-•]*(?:\d+[.)]\s*)?`;
const heading = (words: string) => new RegExp(`${HEADING_PREFIX}(?:${words})\\b`, 'im');

const RESPONSIBILITY_HEADING = heading(
  String.raw`(?:key |main |your |core )?responsibilities|what you['’]?ll (?:do|be doing|work on)|what you will (?:do|be doing|work on)|you(?:['’]ll| will)(?=\s*:)|the role|your role|about the role|role overview|in this role|duties|day[- ]to[- ]day|your (?:mission|impact|tasks|day)|tasks|the job|job description`,
);
const REQUIREMENT_HEADING = heading(
  String.raw`(?:key |minimum |basic |preferred )?(?:requirements|qualifications)|what you['’]?ll (?:need|bring)|what you will (?:need|bring)|what we['’]?re looking for|what we are looking for|what we expect|what we ask|who you are|about you|you have|you bring|you are|must[- ]haves?|nice[- ]to[- ]haves?|skills|experience|ideal candidate|the candidate|profile|essential|desirable|your (?:skills|background|experience|profile)`,
);
const DUTY_LINE =
  /^[\t >*•\-–]*(?:you(?:['’]ll| will)\s+)?(?:build|design|develop|maintain|own|lead|write|create|implement|collaborate|drive|support|manage|deliver|improve|run|partner|define|analy[sz]e|test|monitor|ensure|mentor|review|plan|conduct|shape|deploy|operate|automate|investigate|present|document|coordinate|facilitate|establish|champion|work closely|work with|take ownership|help)\b/gim;
const YOU_WILL = /\byou(?:['’]ll| will)\s+(?:be\s+)?\w+/gi;
const REQUIREMENT_PHRASE =
  /\b(?:\d+\+?\s*(?:years?|yrs)|experience (?:with|in|of|building|designing|running)|proficien(?:t|cy) (?:in|with)|degree in|bachelor['’]?s|master['’]?s|knowledge of|familiar(?:ity)? with|understanding of|must have|you have|you bring|comfortable with|fluent in|hands-on)\b/gi;

const CURRENCY = String.raw`(?:[$€£¥₹]|\b(?:usd|eur|gbp|chf|cad|aud|nzd|inr|sek|nok|dkk|pln|sgd|jpy|krw|hkd|cny|rmb|zar|brl|mxn|czk|huf|ron|aed|sar|ils|twd|myr|idr|thb)\b)`;
const AMOUNT = String.raw`\d{1,3}(?:[,.\s]\d{3}){0,4}(?:\.\d{1,2})?\s?[kK]?`;
const MONEY = new RegExp(
  `${CURRENCY}\\s?${AMOUNT}|${AMOUNT}\\s?${CURRENCY}|\\b\\d{2,3}\\s?[kK]\\s{0,2}(?:-|–|to)\\s{0,2}\\d{2,3}\\s?[kK]\\b`,
  'gi',
);
const RANGE_GLUE = /^\s*(?:-|–|—|to|and)\s*$/i;
const PAY_WORDS = /\b(?:salary|compensation|pay|remuneration|wages?|ote)\b/i;

/** A work mode's phrases of the shared vocabulary, as words anywhere in a posting's text. */
const wordsOf = (mode: WorkMode): RegExp => new RegExp(`\\b(?:${workModePhrases[mode]})\\b`, 'i');
const WORK_MODE_WORDS: Record<WorkMode, RegExp> = {
  remote: wordsOf('remote'),
  hybrid: wordsOf('hybrid'),
  onsite: wordsOf('onsite'),
};
const LOCATION =
  /\b(?:location|based (?:in|at|near|out of)|located (?:in|at|near)|offices? (?:in|at|near)|head office|office is in|relocat(?:e|ion)|time ?zones?|headquartered in)\b[^\n]{0,60}/i;

/** How far down a posting a place named on a line of its own is looked for. */
const PLACE_LINES = 12;
const LONGEST_PLACE_LINE = 100;
/** Where a header line's pieces part: "Acme Pay · Berlin or Remote (EU) · Full-time". */
const PLACE_LINE_PIECES = /\s*(?:[·|•;()/]|\s[-–—]\s|\s(?:or|and)\s)\s*/;

/**
 * A place a posting names near its top without a label: a header line ("Acme Pay · Berlin or
 * Remote (EU)") or a line of its own ("Berlin, Germany").
 */
const placeNearTop = (text: string): string | undefined => {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && line.length <= LONGEST_PLACE_LINE)
    .slice(0, PLACE_LINES);
  for (const line of lines) {
    const place = placeInLine(line);
    if (place) return place;
  }
  return undefined;
};

/**
 * The first piece of a header-like line that is a place: "Acme Pay · Berlin or Remote (EU)"
 * gives "Berlin", "Leeds, UK" gives itself.
 * @example placeInLine('Acme Pay · Berlin or Remote (EU)') // 'Berlin'
 */
export const placeInLine = (line: string): string | undefined => {
  const pieces = line.split(PLACE_LINE_PIECES).filter((piece) => piece.length > 0);
  for (const piece of pieces) {
    if (isPlace(piece)) return piece;
    const [city, country] = piece.split(/\s*,\s*/);
    if (city !== undefined && country !== undefined && isPlace(`${city}, ${country}`)) {
      return piece;
    }
  }
  return undefined;
};

/**
 * Whether a text names an amount of money: "£38k", "$120,000", "£500/day".
 * @example namesMoney('SOC Analyst, Bradford, £38k') // true
 */
export const namesMoney = (text: string): boolean => text.search(MONEY) >= 0;

const first = (text: string, pattern: RegExp): string | undefined => {
  pattern.lastIndex = 0;
  const m = pattern.exec(text);
  pattern.lastIndex = 0;
  return m?.[0].trim();
};

const checkResponsibilities = (text: string): PartCheck => {
  const head = first(text, RESPONSIBILITY_HEADING);
  if (head) return { present: true, evidence: head };
  const duties = text.match(DUTY_LINE) ?? [];
  const youWill = text.match(YOU_WILL) ?? [];
  if (duties.length + youWill.length >= 2) {
    return { present: true, evidence: (youWill[0] ?? duties[0]!).trim() };
  }
  return { present: false };
};

const checkRequirements = (text: string): PartCheck => {
  const head = first(text, REQUIREMENT_HEADING);
  if (head) return { present: true, evidence: head };
  const phrases = text.match(REQUIREMENT_PHRASE) ?? [];
  if (phrases.length >= 2) return { present: true, evidence: phrases[0]! };
  return { present: false };
};

const checkSalary = (text: string): PartCheck => {
  const amounts = [...text.matchAll(MONEY)];
  if (amounts.length === 0) {
    const word = PAY_WORDS.exec(text)?.[0];
    return word
      ? { present: false, note: `Mentions ${word.toLowerCase()} but gives no figures.` }
      : { present: false };
  }
  const [a, b] = amounts;
  const isRange =
    a![0].match(/\d\s*[kK]?\s*(?:-|–|to)\s*\d/) !== null ||
    (b !== undefined && RANGE_GLUE.test(text.slice(a!.index + a![0].length, b.index)));
  const evidence =
    isRange && b && !/(?:-|–|to)/.test(a![0]) ? text.slice(a!.index, b.index + b[0].length) : a![0];
  return isRange
    ? { present: true, evidence: evidence.trim() }
    : { present: true, evidence: evidence.trim(), note: 'A single figure; a range is clearer.' };
};

/** The posting's title, where it is in the text and what the title parser read off it. */
export interface PostingTitleFacts extends TitleFacts {
  start: number;
  end: number;
}

const checkLocation = (
  text: string,
  body: string,
  modes: WorkMode[],
  title: PostingTitleFacts | undefined,
): PartCheck => {
  const place = first(text, LOCATION);
  if (place) return { present: true, evidence: place };
  if (title?.location) return { present: true, evidence: title.location };
  const named = placeNearTop(text);
  if (named) return { present: true, evidence: named };
  const mode = modes[0];
  if (mode) {
    // The words of the body, else of the title; a title can say it in words the body's
    // patterns do not know ("Telecommute"), and then the mode itself is the evidence.
    const words = WORK_MODE_WORDS[mode];
    const evidence = first(body, words) ?? first(text, words) ?? mode;
    return { present: true, evidence, note: 'Gives a work mode but no place.' };
  }
  return { present: false };
};

/**
 * Which parts of a good posting a text has: responsibilities, requirements, a salary range,
 * and a location or work mode; what is missing; and the work modes it names. With the title,
 * its work mode and place are the ones the title parser read, the same /v1/normalize reports,
 * and its words are not read again for a work mode ("Remote Sensing Analyst" is no remote job).
 * @example checkPostingParts('Remote. $120k-$150k. You will build APIs. You will own releases.').missing
 *   // ['requirements']
 */
export const checkPostingParts = (text: string, title?: PostingTitleFacts): PostingPartsReport => {
  const body = title
    ? text.slice(0, title.start) + ' '.repeat(title.end - title.start) + text.slice(title.end)
    : text;
  const workModes = allWorkModes.filter(
    (mode) => mode === title?.workMode || WORK_MODE_WORDS[mode].test(body),
  );
  const parts: Record<PostingPart, PartCheck> = {
    responsibilities: checkResponsibilities(text),
    requirements: checkRequirements(text),
    salary: checkSalary(text),
    location: checkLocation(text, body, workModes, title),
  };
  return { parts, missing: postingParts.filter((p) => !parts[p].present), workModes };
};
