import { namedElsewhere } from './named-elsewhere.js';
import type { TermHit } from './term-spotter.js';

interface Span {
  start: number;
  end: number;
}

/**
 * A degree and its subjects, to the clause's end: "MSc or PhD in Machine Learning, Statistics or
 * a related field", "BSc (Hons) Cyber Security". A subject of study is what the candidate read,
 * not work the posting asks of them.
 */
const DEGREE_SUBJECTS =
  /(?:\b(?:BSc|B\.Sc|MSc|M\.Sc|MEng|BEng|MPhil|PhD|Ph\.D|doctorate|(?:master|bachelor)['’]?s?(?=\s+(?:degree|in)\b))(?:\s*\(hons\))?(?:\s+(?:or|and|\/)\s+(?:BSc|MSc|MEng|PhD))?(?:\s+degree)?\s+(?:in\s+)?|\bdegree\s+in\s+)(?:an?\s+)?[^.;:\n]{1,120}?(?=[.;:\n]|\s+(?:with|is|are|but)\b|\s+or\s+(?:an?\s+)?(?:related|equivalent|similar)\b|$)/giu;

/**
 * Objectives lettered in an OKR list ("Objective A: ...", "Objective B: ..."): there "Objective
 * C" is the third objective, not the programming language.
 */
const LETTERED_OBJECTIVES = /\bobjective\s+[ABD]\b/i;
const OBJECTIVE_C_LETTER = /^objective\s+c$/i;

/**
 * A term that names what a thing withstands or keeps out ("phishing-resistant MFA",
 * "XSS-proof templates"): the posting asks for the thing, not for the term's own practice.
 */
const WITHSTOOD = /^-(?:resistant|proof)\b/i;

/**
 * A sentence telling applicants how their own data is handled ("By submitting your CV you
 * consent to ... holding your data under GDPR", "Applications handled under GDPR"): the recruiter's
 * privacy notice, not the job.
 */
const APPLICANT_DATA =
  /\byour\s+(?:personal\s+)?(?:data|details|information|cv|application)\b|\bprivacy\s+(?:notice|policy)\b|\bapplications?\s+(?:are\s+)?(?:handled|processed|held)\b/i;

const SENTENCE = /[^.!?\n]+[.!?]?/g;

/**
 * A sentence saying how the employer holds its interviews ("the Board uses Microsoft Teams for
 * interviews", "interviews will be held over Zoom"): the hiring's own medium, not the job's.
 */
const INTERVIEW_MEDIUM =
  /\binterviews\s+(?:will\s+be|are)\s+(?:held|conducted|run|done)\b|\b(?:for|by)\s+(?:all\s+)?(?:video\s+|online\s+|remote\s+)?interviews\b/i;

/** A sentence naming a diagram model whose levels are everyday words (C4's context, container). */
const DIAGRAM_MODEL = /\b(?:C4|UML|ArchiMate)\b/;
/**
 * What follows a model's level, through the list it stands in: "container level", "container and
 * component diagrams".
 */
const LEVEL_AFTER = /^(?:\s*(?:,|and|or|&)\s*[\p{L}-]+)*\s+(?:levels?|diagrams?|views?)\b/iu;

/**
 * A hashtag: a number sign at a word's start with the tag's letters right after it ("#web3").
 * A post tags itself to be found; the tags say what it is filed under, not what the job asks.
 */
const TAG_SIGN = /(?:^|\s)#$/u;
const isHashtag = (text: string, h: TermHit): boolean =>
  TAG_SIGN.test(text.slice(Math.max(0, h.start - 2), h.start)) &&
  !/^[\p{L}\p{N}_]/u.test(text.slice(h.end, h.end + 1));

/**
 * A database copy the hire reads from ("run queries against the read replica", "queries the
 * PostgreSQL read replica"): the place their data lives, not replication work to run.
 */
const REPLICA = /\breplicas?$/i;
const QUERIED_FROM =
  /\b(?:quer(?:y|ies|ying|ied)|against|from)\s+(?:the|our|a|its)\s+(?:[\p{L}]+\s+)?$/iu;
const isQueriedCopy = (text: string, h: TermHit): boolean =>
  REPLICA.test(h.text) && QUERIED_FROM.test(text.slice(Math.max(0, h.start - 60), h.start));

/**
 * "Streaming" beside "replication" ("replication streaming", as a translated posting words
 * streaming replication) names how a database copies itself, not processing a stream of events.
 */
const isReplicationKind = (text: string, h: TermHit): boolean =>
  /^streaming$/i.test(h.text) &&
  (/\breplication\s+$/i.test(text.slice(Math.max(0, h.start - 20), h.start)) ||
    /^\s+replication\b/i.test(text.slice(h.end, h.end + 20)));

/**
 * A term inside a capitalised project name ("Member CRM Phase 2", "the Apollo ERP Programme"):
 * the name of the engagement the hire joins, not the technology asked of them. Only a capitalised
 * word before the term and a capitalised Programme/Project, or a numbered Phase/Release, make it
 * a name; "the CRM phase of the rollout" is still the work.
 */
const NAME_BEFORE = /\b\p{Lu}[\p{L}\d]*\s+$/u;
const NAME_AFTER =
  /^(?:\s+\p{Lu}[\p{L}\d]*)*?\s+(?:(?:Phase|Release|Wave|Stage)\s+(?:\d+|[IVX]+)\b|(?:Programme|Program|Project)\b)/u;
const isInProjectName = (text: string, h: TermHit): boolean =>
  NAME_BEFORE.test(text.slice(Math.max(0, h.start - 40), h.start)) &&
  NAME_AFTER.test(text.slice(h.end, h.end + 60));

/** Terms that name a contract around the work rather than work itself. */
const CONTRACT_DOCUMENTS = new Set(['statement-of-work']);
/** A reference to some other contract: "(separate SOW)", "under another statement of work". */
const OTHER_CONTRACT = /\b(?:separate|another|different)\s+$/i;
/** A line's furniture around a heading's name: a number, its caption in brackets, punctuation. */
const HEADING_FURNITURE = /\([^)\n]*\)|\bNo\b\.?|[^\p{L}\s]+/gu;
/** A label a heading may carry beside its name: "SCHEDULE 2 -", "Annex B:". */
const HEADING_LABEL = /^(?:\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)?)?$/u;

/**
 * A contract document the posting is or points at, not one the hire writes or manages: the
 * document's own heading ("SCHEDULE 2 - STATEMENT OF WORK", a "Scope of Work:" heading over the
 * duties) or another contract ("the finance upgrade (separate SOW)").
 */
const isContractAround = (text: string, h: TermHit): boolean => {
  if (!CONTRACT_DOCUMENTS.has(h.slug)) return false;
  if (OTHER_CONTRACT.test(text.slice(Math.max(0, h.start - 20), h.start))) return true;
  const lineStart = text.lastIndexOf('\n', h.start - 1) + 1;
  const lineEnd = text.indexOf('\n', h.end);
  const rest = (
    text.slice(lineStart, h.start) +
    ' ' +
    text.slice(h.end, lineEnd < 0 ? undefined : lineEnd)
  )
    .replace(HEADING_FURNITURE, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  return HEADING_LABEL.test(rest);
};

/** A ticket's key leading the text: "HR-2291 Backfill: ...", "[REQ-0931] Backfill - ...". */
const TICKET_KEY = /^\s*\[?[A-Z][A-Z\d]{1,9}-\d+\]?\s/;
/** The fields every tracker shows on a ticket; two of them make the text a ticket. */
const TICKET_FIELD = /\b(?:status|priority|reporter|assignee|issue\s+type)\s*:/gi;
/**
 * A line of the ticket's own fields ("Sprint: none    Story points: 2"): it files the request,
 * it does not describe the job.
 */
const FIELD_LINE =
  /^[\t ]*(?:type|issue\s+type|status|priority|reporter|assignee|created|updated|labels|components?|sprint|story\s+points|epic(?:\s+link)?|fix\s+versions?|linked\s+issues|watchers|votes|project|attachments|resolution)\s*:.*$/gim;
/**
 * The ticket's own checklist under its heading ("Acceptance criteria (for this ticket)" then
 * "- [ ] Panel booked"): when the request is done, not what the hire does.
 */
const TICKET_CHECKLIST =
  /^[\t #*]*(?:acceptance\s+criteria|definition\s+of\s+done)\b.*(?:\n[\t ]*[-*]?\s*\[[ xX]\].*)+/gim;
/** The ticket's comments or activity, from their heading to the end. */
const TICKET_COMMENTS = /^[\t ]*(?:comments|activity)\b[\s\S]*/im;

/** Where a hiring request filed as a ticket has the tracker's furniture, or none. */
const ticketFurniture = (text: string): Span[] => {
  if (!TICKET_KEY.test(text)) return [];
  if (new Set([...text.matchAll(TICKET_FIELD)].map((m) => m[0].toLowerCase())).size < 2) return [];
  const comments = TICKET_COMMENTS.exec(text);
  return [
    ...[...text.matchAll(FIELD_LINE), ...text.matchAll(TICKET_CHECKLIST)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
    })),
    ...(comments ? [{ start: comments.index, end: text.length }] : []),
  ];
};

const sentencesWith = (text: string, test: RegExp): Span[] =>
  [...text.matchAll(SENTENCE)]
    .filter((m) => test.test(m[0]))
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));

const within = (h: TermHit, spans: readonly Span[]) =>
  spans.some((s) => h.start >= s.start && h.end <= s.end);

/**
 * The hits less each term a posting names only in passing, where it stands for something other
 * than the hire's work: a degree's subject, a lettered objective called "Objective C", what a
 * control withstands ("phishing-resistant"), a post's hashtags, the tool the interviews are held
 * on, a level of a diagram model ("C4: context, container and component diagrams"), a read
 * replica the hire queries, streaming that names a kind of replication, a project's name ("Member CRM Phase 2"), a contract the posting is or points at
 * ("STATEMENT OF WORK No. 7", "(separate SOW)"), the applicant privacy notice ("your data under
 * GDPR"), the furniture of a hiring request filed as a ticket (its fields, its own checklist,
 * its comments). A term the posting names anywhere else is still asked for.
 * @example withoutPassingMentions(text, hits, (h) => isField(h))
 */
export const withoutPassingMentions = (
  text: string,
  hits: readonly TermHit[],
  isField: (hit: TermHit) => boolean,
): TermHit[] => {
  const degrees = [...text.matchAll(DEGREE_SUBJECTS)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  const lettered = LETTERED_OBJECTIVES.test(text);
  const notices = sentencesWith(text, APPLICANT_DATA);
  const interviewing = sentencesWith(text, INTERVIEW_MEDIUM);
  const modelled = sentencesWith(text, DIAGRAM_MODEL);
  const isModelLevel = (h: TermHit) =>
    within(h, modelled) && LEVEL_AFTER.test(text.slice(h.end, h.end + 60));
  const furniture = ticketFurniture(text);
  return namedElsewhere(
    hits,
    (h) =>
      (isField(h) && within(h, degrees)) ||
      (lettered && OBJECTIVE_C_LETTER.test(h.text)) ||
      WITHSTOOD.test(text.slice(h.end, h.end + 12)) ||
      isHashtag(text, h) ||
      isQueriedCopy(text, h) ||
      isReplicationKind(text, h) ||
      isInProjectName(text, h) ||
      isContractAround(text, h) ||
      within(h, interviewing) ||
      isModelLevel(h) ||
      (isField(h) && within(h, notices)) ||
      within(h, furniture),
  );
};
