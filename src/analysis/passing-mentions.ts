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

const sentencesWith = (text: string, test: RegExp): Span[] =>
  [...text.matchAll(SENTENCE)]
    .filter((m) => test.test(m[0]))
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));

const within = (h: TermHit, spans: readonly Span[]) =>
  spans.some((s) => h.start >= s.start && h.end <= s.end);

/**
 * The hits less each term a posting names only in passing, where it stands for something other
 * than the hire's work: a degree's subject, a lettered objective called "Objective C", what a
 * control withstands ("phishing-resistant"), the applicant privacy notice ("your data under
 * GDPR"). A term the posting names anywhere else is still asked for.
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
  return namedElsewhere(
    hits,
    (h) =>
      (isField(h) && within(h, degrees)) ||
      (lettered && OBJECTIVE_C_LETTER.test(h.text)) ||
      WITHSTOOD.test(text.slice(h.end, h.end + 12)) ||
      (isField(h) && within(h, notices)),
  );
};
