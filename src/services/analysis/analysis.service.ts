import {
  AppError,
  MAX_PROBLEM_INPUT_LENGTH,
  textProblem,
  validationError,
} from '../../domain/index.js';
import {
  type Diagnosis,
  type JobAnalysis,
  type TextFormat,
  textView,
} from '../../analysis/index.js';
import type { DocxFault } from '../../importers/docx/index.js';
import type { ServiceContext } from '../context.js';

const checkText = (text: string, field: string, maxCharacters?: number): void => {
  const problem = textProblem(text, maxCharacters);
  if (!problem) return;
  const details = [{ field, message: problem.message }];
  throw problem.tooLarge
    ? new AppError('payload_too_large', problem.message, details)
    : validationError(problem.message, details);
};

/** A job description → its likely roles, terms explained, missing parts and warnings. */
export const analyzeText = async (
  ctx: ServiceContext,
  input: { text: string; format?: TextFormat | undefined },
): Promise<JobAnalysis> => {
  checkText(input.text, 'text');
  return ctx.analyses.run({ kind: 'analyze', input });
};

/** Problems in plain words → the roles to hire, with the signs that matched. */
export const diagnoseProblems = async (
  ctx: ServiceContext,
  input: { text: string; limit?: number | undefined },
): Promise<Diagnosis> => {
  checkText(input.text, 'text', MAX_PROBLEM_INPUT_LENGTH);
  return ctx.analyses.run({ kind: 'diagnose', input });
};

/**
 * The text of a Word document (.docx), or the fault that keeps it from being read, read where
 * analyses run: on a server, off the thread that answers requests.
 */
export const wordDocumentText = (
  ctx: ServiceContext,
  data: Uint8Array,
): Promise<string | { fault: DocxFault }> =>
  ctx.analyses.run({ kind: 'read-docx', input: { data } });

/**
 * The text a reader sees of an input: HTML read as text, Markdown and plain text as they are.
 * Analyzing this text gives mentions that index it, so a page can mark them in place.
 * @example readableText('<p>Go &amp; Rust</p>', 'html') === 'Go & Rust'
 */
export const readableText = (text: string, format: TextFormat): string =>
  format === 'html' ? textView(text, 'html').text : text;
