import { namedElsewhere } from './named-elsewhere.js';
import { partsUnder } from './perks.js';
import type { TermHit } from './term-spotter.js';
import { insideAnySpan } from './span-cover.js';

/**
 * A sentence whose subject is other people or the employer's own product, not the hire: "Our
 * engineering team builds in Kotlin", "Quillon's engineers talk about Java", "(Our engineering
 * team has its own platform ...)", "Our customers push their Swift code". What it names is the
 * company's, told to set the scene.
 */
const OTHERS_SUBJECT = String.raw`(?:our|the company['’]s|\p{Lu}[\p{L}&-]*['’]s)\s+(?:[\p{L}-]+\s+){0,2}?(?:engineering|engineers|developers|people|consultants|customers|clients|product\s+teams|other\s+teams|build\s+machines|(?:product|platform|stack)\s+(?:is|runs|was)\b)`;

/**
 * A sentence that says the hire will not use a tool: "you won't be writing Java", "There's no
 * Python or machine learning here".
 */
const NOT_USED_SENTENCE =
  /\b(?:you\s+won['’]?t\s+be\s+(?:writing|using|touching|building)|there['’]?s\s+no|there\s+is\s+no)\b/giu;
/** Tools said to be unneeded, up to that word: "no Kubernetes, cloud or coding needed". */
const NOT_NEEDED = /\bno\s+[\p{L}\d.#+,/ -]{1,60}?\b(?:needed|required)\b/giu;
/**
 * A tool the employer says it does without: "our Kubernetes-free approach". Read from a word's
 * start only and for a name's length, so a long run of letters costs no more than text.
 */
const FREE_OF = /(?<![\p{L}\d.#+])[\p{L}\d.#+]{1,40}(?=-free\b)/giu;

/**
 * A clause that disowns what its sentence has named: "you will not need either", "none of that
 * is this person's concern", "neither is in scope", "not your problem", "but won't write it".
 */
const DISOWNED =
  /\b(?:you\s+(?:will\s+not|won['’]t|don['’]t|do\s+not)\s+(?:need|write|use|touch)|won['’]t\s+write|(?:none|neither)\s+(?:of\s+(?:that|this|it|them|which|those)\s+)?(?:is|are)\s+(?:in\s+scope|(?:your|this\s+person['’]s)\s+concern)|not\s+(?:your|this\s+person['’]s)\s+(?:problem|concern)|not\s+(?:in\s+scope|this\s+role))\b/giu;
/**
 * A clause in German, French or Spanish saying what it names is not required: "SAP-Kenntnisse
 * sind nicht erforderlich", "n'est pas requise", "no es necesaria". Postings set in two
 * languages often disown a tool only in one of them.
 */
const NOT_REQUIRED_ABROAD =
  /\b(?:nicht\s+(?:erforderlich|notwendig|nötig|vorausgesetzt|gefordert)|(?:n['’]est|ne\s+sont)\s+pas\s+(?:requis|exigé|nécessaire|obligatoire)e?s?|no\s+(?:es|son)\s+(?:necesari|imprescindible|obligatori|requerid)[oa]?s?)(?![\p{L}])/giu;

/**
 * A heading over the technology the employer is leaving: "Tech we are moving away from", "What
 * we're leaving behind", "Where we're coming from", "Systems being phased out".
 */
const RETIRING_HEADING =
  /\b(?:moving\s+away\s+from|migrating\s+(?:away\s+from|off)|leaving\s+behind|(?:being\s+)?(?:retired|retiring|phased\s+out|phasing\s+out|sunsetting|decommission(?:ed|ing)|switched\s+off|switching\s+off)|where\s+we['’]?re\s+coming\s+from)\b/iu;
/**
 * A tool the employer is leaving, named in a clause: "leave the old SSIS packages behind",
 * "moving away from Jenkins" (up to where the move goes: "to GitHub Actions").
 */
const LEFT_BEHIND =
  /\bleav(?:e|ing)\s+(?:[\p{L}\d.#+-]+\s+){1,6}?behind\b|\b(?:moving|migrating)\s+(?:away\s+from|off)\s+[^.,;:!?\n]*?(?=\s+(?:to|onto|towards|in\s+favou?r\s+of)\b|[.,;:!?\n]|$)/giu;
/** A clause saying its subject is on its way out: "The SSRS estate is being retired". */
const BEING_RETIRED =
  /\b(?:is|are)\s+being\s+(?:retired|phased\s+out|decommissioned|switched\s+off|sunset)\b/giu;
const CLAUSE_MARK = /[.,;:!?\n]/g;

const clauseStart = (text: string, at: number): number => {
  let start = 0;
  for (const m of text.slice(0, at).matchAll(CLAUSE_MARK)) start = m.index + 1;
  return start;
};

/**
 * Where a sentence begins, read back from a clause in it: after a full stop, a blank line, a list
 * item's start or a line opening with a capital, so a sentence a PDF copy breaks across lines
 * (each new line in lower case) is read whole.
 */
const SENTENCE_BOUNDARY = /[.!?](?=\s)|\n[\t ]*\n|\n(?=[\t ]*(?:[-*•▸#|]|\d+[.)]\s|\p{Lu}))/gu;

/** The furthest a sentence is read back, so a text of many such clauses costs no more than text. */
const LONGEST_SENTENCE = 600;

const sentenceStart = (text: string, at: number): number => {
  const from = Math.max(0, at - LONGEST_SENTENCE);
  let start = from;
  for (const m of text.slice(from, at).matchAll(SENTENCE_BOUNDARY)) {
    start = from + m.index + m[0].length;
  }
  return start;
};

const SENTENCE_START = String.raw`(?:^|(?<=[.!?]\s)|(?<=\n))[\t >*•\-–(]*`;
const OTHERS_SENTENCE = new RegExp(`${SENTENCE_START}${OTHERS_SUBJECT}`, 'gimu');
const SENTENCE_END = /[.!?](?=\s|$)|\n/g;

const toSentenceEnd = (text: string, from: number): number => {
  SENTENCE_END.lastIndex = from;
  return SENTENCE_END.exec(text)?.index ?? text.length;
};

/**
 * Where a posting tells of others' work (to a sentence's end), of tools the hire will not use,
 * of tools a sentence names and then disowns (the whole sentence), or of the technology the
 * employer is leaving behind (the clause, or the part under its heading).
 */
const othersWorkSpans = (text: string): { start: number; end: number }[] => [
  ...[...text.matchAll(OTHERS_SENTENCE), ...text.matchAll(NOT_USED_SENTENCE)].map((m) => ({
    start: m.index,
    end: toSentenceEnd(text, m.index + m[0].length),
  })),
  ...[...text.matchAll(DISOWNED), ...text.matchAll(NOT_REQUIRED_ABROAD)].map((m) => ({
    start: sentenceStart(text, m.index),
    end: toSentenceEnd(text, m.index + m[0].length),
  })),
  ...[...text.matchAll(NOT_NEEDED), ...text.matchAll(FREE_OF), ...text.matchAll(LEFT_BEHIND)].map(
    (m) => ({ start: m.index, end: m.index + m[0].length }),
  ),
  ...[...text.matchAll(BEING_RETIRED)].map((m) => ({
    start: clauseStart(text, m.index),
    end: m.index + m[0].length,
  })),
  ...partsUnder(text, RETIRING_HEADING),
];

/**
 * The hits less each term a posting names only in what others do or what the hire will not
 * use ("Our engineering team builds in Kotlin and Go", "you won't be writing Java"): a
 * recruiter explains the job, not the company's stack. A term the posting names anywhere else
 * is still asked for.
 * @example withoutOthersWork(text, spotter.spot(text))
 */
export const withoutOthersWork = (text: string, hits: readonly TermHit[]): TermHit[] => {
  return namedElsewhere(hits, insideAnySpan(othersWorkSpans(text)));
};
