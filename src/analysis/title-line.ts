import { teamLeadPhrase } from '../domain/index.js';
import type { TextSpan } from './text-view.js';

const LABEL = /^(?:job title|position title|position|title|role|job|vacancy|opening)\s*[:\-–]\s*/i;
/** Words that name a kind of job in technology titles, and in many others. */
const JOB_WORDS = `(?:${teamLeadPhrase}|engineer|developer|designer|manager|analyst|scientist|architect|lead|administrator|admin|specialist|tester|writer|author|owner|master|advocate|researcher|officer|cto|cio|head|director|consultant|programmer|technician|sre|devops|intern|associate|strategist|coordinator|expert|evangelist|support)s?\\b`;
const JOB_WORD = new RegExp(`\\b${JOB_WORDS}`, 'i');
const JOB_WORD_NEXT = new RegExp(`^\\s*${JOB_WORDS}`, 'i');

/**
 * Last words of job titles for work no technology role does: a posting for a nurse or an
 * account executive has a title too, and reading it is how the analysis tells that no
 * technology role is wanted.
 */
const OTHER_FIELD_WORDS = `representative rep clerk accountant bookkeeper auditor agent
  advisor adviser recruiter buyer nurse carer therapist pharmacist driver courier operative worker
  labourer cook chef porter cleaner attendant cashier receptionist teacher tutor electrician plumber
  mechanic fitter installer welder guard`;

/**
 * Titles whose last word alone says nothing of the field: an "Insight Executive" analyses
 * data, an "Account Executive" sells; a "Data Management Analyst" works with data, a
 * "Management and Program Analyst" studies how an office runs, as a budget analyst studies its
 * money.
 */
const OTHER_FIELD_PHRASES =
  /\b(?:account|sales|business development) executives?$|^(?:(?:management|program|programme|budget|policy|financial|credit)(?: and)? )+analysts?$/i;

const OTHER_FIELD_HEADS = new Set(OTHER_FIELD_WORDS.trim().split(/\s+/));
/**
 * Job words of other fields and of any: a line with one is the title only when no line near
 * the top has a word of JOB_WORD, as a recruiter's "Talent Partner" signature may come first.
 */
const OTHER_JOB_WORD = new RegExp(
  `\\b(?:${[...OTHER_FIELD_HEADS, 'executive', 'partner', 'planner', 'supervisor', 'assistant', 'apprentice', 'trainee'].join('|')})s?\\b`,
  'i',
);

/**
 * Whether a role phrase ends in a job of another field than technology ("Account Executive",
 * "Night Nurse").
 * @example namesOtherField('Account Executive') // true
 */
export const namesOtherField = (role: string): boolean => {
  const last = /([a-z]+?)s?$/i.exec(role.trim())?.[1]?.toLowerCase();
  return (last !== undefined && OTHER_FIELD_HEADS.has(last)) || spellsOtherField(role);
};

/**
 * Whether a role phrase is one of another field as a whole, not by its last word alone: such a
 * phrase is never a title of ours, however near one it reads.
 * @example spellsOtherField('Budget Analyst') // true
 */
export const spellsOtherField = (role: string): boolean => OTHER_FIELD_PHRASES.test(role);

/**
 * Whether the words right after a point in a title are a job word: "DevOps Engineer", "UX
 * Researcher". What stands before them names the job rather than a skill it asks for.
 * @example opensJobWord(' Engineer (m/w/d)') // true
 */
export const opensJobWord = (rest: string): boolean => JOB_WORD_NEXT.test(rest);

const ENDS_IN_JOB_WORD = new RegExp(`\\b${JOB_WORDS}$`, 'i');
const ENDS_IN_OTHER_JOB_WORD = new RegExp(`${OTHER_JOB_WORD.source}$`, 'i');

/**
 * Whether a phrase ends in a kind of job, of technology or of any other field: "Kubernetes
 * Platform Lead", "Payroll Officer", "Sushi Chef".
 * @example endsInJobWord('SOC Analyst') // true
 */
export const endsInJobWord = (phrase: string): boolean =>
  ENDS_IN_JOB_WORD.test(phrase.trim()) || ENDS_IN_OTHER_JOB_WORD.test(phrase.trim());

const NOT_A_TITLE =
  /^(?:about|we are|we're|who we are|our|at |join|description|overview|summary|responsibilities|requirements)/i;
const LONGEST_LINE = 300;
const DECORATION = /^[\s#>*_=\-•|]+|[\s*_=|:]+$/g;

/**
 * Finds the job title: a labelled line ("Job title: ...") or the first short line near the top
 * that names a kind of job.
 * @example findTitleLine('# Senior Data Engineer\nWe move data.')?.text === 'Senior Data Engineer'
 */
export const findTitleLine = (text: string): TextSpan | undefined => {
  const lines: TextSpan[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const start = offset;
    offset += raw.length + 1;
    if (!raw.trim()) continue;
    if (lines.length === 8) break;
    // A line this long is prose, never a title, and is not worth trimming.
    if (raw.length > LONGEST_LINE) {
      lines.push({ text: '', start, end: start });
      continue;
    }
    const trimmed = raw.replace(DECORATION, '');
    if (!trimmed) continue;
    const at = start + raw.indexOf(trimmed);
    lines.push({ text: trimmed, start: at, end: at + trimmed.length });
  }
  for (const line of lines) {
    const label = LABEL.exec(line.text);
    if (label && line.text.length - label[0].length > 2) {
      const value = line.text.slice(label[0].length).replace(DECORATION, '');
      const start = line.start + line.text.indexOf(value, label[0].length);
      return { text: value, start, end: start + value.length };
    }
  }
  const short = lines.filter(
    (l) =>
      l.text.length > 0 &&
      l.text.length <= 100 &&
      l.text.split(/\s+/).length <= 12 &&
      !/[.!?]$/.test(l.text) &&
      !NOT_A_TITLE.test(l.text),
  );
  const top = short.slice(0, 4);
  return top.find((l) => JOB_WORD.test(l.text)) ?? top.find((l) => OTHER_JOB_WORD.test(l.text));
};

/**
 * Words that ask for someone in a posting's opening ("We're hiring a", "Looking for an"), the
 * few words that may stand before the job ("a senior", "two"), and the words after which the
 * job has been named ("... to build", "... with Spark").
 */
const ASKING =
  /\b(?:looking for|hiring|seeking|searching for|recruiting|(?:we|i) (?:need|want)|needs|wants|join (?:us|our team|the team) as)\s+(?:(?:an?|the|one|two|three|our|new|next|first|experienced|talented|skilled)\s+)*/gi;
const JOB_PHRASE = /^[\p{L}\p{N}+#./-]+(?:\s+[\p{L}\p{N}+#./-]+){0,5}/u;
const AFTER_JOB =
  /\s+(?:to|who|with|for|in|at|on|from|that|and|or|based|across|within|into|so|because|using|ready|able)\b.*$/i;
/** How far into the text a job named in passing still counts as the one asked for. */
const OPENING_CHARS = 400;

/**
 * The job a posting without a title line asks for in its opening words ("Looking for a frontend
 * developer to build our app"): the words after the asking phrase, up to where the job has been
 * named. Whether they name a role is for title normalization to say.
 * @example findJobAskedFor('We are hiring a data engineer.')?.text === 'data engineer'
 */
export const findJobAskedFor = (text: string): TextSpan | undefined => {
  const opening = text.slice(0, OPENING_CHARS);
  for (const ask of opening.matchAll(ASKING)) {
    const from = ask.index + ask[0].length;
    const phrase = JOB_PHRASE.exec(opening.slice(from).split(/[\n,;:!?()]|\.(?:\s|$)/)[0]!)?.[0];
    const job = phrase?.replace(AFTER_JOB, '').replace(/[./-]+$/, '');
    if (job && (JOB_WORD.test(job) || OTHER_JOB_WORD.test(job)))
      return { text: job, start: from, end: from + job.length };
  }
  return undefined;
};

/** The most words a title run into the first sentence may have ("Senior Backend Engineer."). */
const OPENING_TITLE_WORDS = 8;

/** Where an opening title ends: a full stop, a spaced dash or a colon, then the posting's prose. */
const OPENING_TITLE_END = /[.!?](?:\s|$)|\s[-–—]\s|:\s/;

/**
 * A title run into the posting's first line, ended by a full stop or a dash rather than a line
 * break ("Senior Backend Engineer. We use Kubernetes and Go."): the first words, when they are
 * few and name a kind of job.
 * @example findOpeningTitle('Data Engineer. Spark and Airflow.')?.text === 'Data Engineer'
 */
export const findOpeningTitle = (text: string): TextSpan | undefined => {
  const start = text.search(/\S/);
  if (start < 0) return undefined;
  const line = text.slice(start, start + LONGEST_LINE).split('\n')[0]!;
  const end = OPENING_TITLE_END.exec(line);
  if (end === null) return undefined;
  const title = line.slice(0, end.index).trim();
  if (
    title.split(/\s+/).length > OPENING_TITLE_WORDS ||
    NOT_A_TITLE.test(title) ||
    !(JOB_WORD.test(title) || OTHER_JOB_WORD.test(title))
  ) {
    return undefined;
  }
  return { text: title, start, end: start + title.length };
};
