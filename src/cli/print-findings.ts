import type { LintFinding } from '../lint/index.js';
import type { ImportNote } from '../importers/release/index.js';
import type { LintReport } from '../services/index.js';

/**
 * The exit code of a command whose lint found an error-severity finding (`rolebook lint`, a page
 * import), so scripts and CI can stop on it: below every code of the error registry but 1.
 */
export const LINT_ERRORS_EXIT = 1;

/** One finding as `taxonomy/code field: message [rule]`. */
const formatFinding = (finding: LintFinding): string => {
  const where = `${finding.taxonomy}/${finding.code}${finding.field ? ` ${finding.field}` : ''}`;
  return `${where}: ${finding.message} [${finding.rule}]`;
};

/** `1 role`, `2 roles`; a word with another plural names it. */
export const plural = (n: number, word: string, words = `${word}s`) =>
  `${n} ${n === 1 ? word : words}`;

/** The count line that ends every lint output. */
const formatLintCounts = (report: Pick<LintReport, 'roles' | 'errors' | 'warnings'>) =>
  `lint: ${plural(report.roles, 'role')} checked, ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}\n`;

/**
 * Findings one per line, then the counts. With `limit`, only the first findings are listed,
 * errors before warnings, and the line after them says how to see the rest.
 */
export const formatLintReport = (
  report: LintReport,
  options: { limit?: number; rest?: string } = {},
): string => {
  const findings =
    options.limit === undefined
      ? report.findings
      : [
          ...report.findings.filter((f) => f.severity === 'error'),
          ...report.findings.filter((f) => f.severity !== 'error'),
        ].slice(0, options.limit);
  const left = report.findings.length - findings.length;
  const more = left > 0 ? [`… and ${left} more${options.rest ? `: ${options.rest}` : ''}`] : [];
  return (
    [...findings.map(formatFinding), ...more].map((l) => `${l}\n`).join('') +
    formatLintCounts(report)
  );
};

/**
 * What a release left out, one line each: `note: file:line code: message`; past `limit`, a count
 * and where to find them all.
 */
export const formatNotes = (notes: readonly ImportNote[], limit = 50): string => {
  const lines = notes.slice(0, limit).map((note) => {
    const place = [note.file, note.line].filter((p) => p !== undefined).join(':');
    return `note: ${place}${note.code ? ` ${note.code}` : ''}: ${note.message}`;
  });
  if (notes.length > limit) {
    lines.push(`note: … and ${notes.length - limit} more (--report FILE lists them all)`);
  }
  return lines.map((l) => `${l}\n`).join('');
};
