import { html, type SafeHtml } from '../../guides/index.js';
import { wordRuns, type WordRun } from './word-diff.js';

/** A field of a role or a term as the editor names it. */
const fieldLabels: Record<string, string> = {
  name: 'Name',
  summary: 'Summary',
  alternativeTitles: 'Alternative titles',
  hiddenTitles: 'Hidden titles',
  responsibilities: 'What it does',
  benefits: 'Why hire',
  signs: 'Signs you need one',
  terms: 'Glossary terms',
  skills: 'Skills',
  technologies: 'Technologies',
  relatedRoles: 'Related roles',
  links: 'Links',
  crosswalk: 'Crosswalk',
  status: 'Status',
  abbreviations: 'Abbreviations',
  aliases: 'Other names',
  definition: 'Definition',
  examples: 'Examples',
  category: 'Category',
  caseSensitive: 'Case-sensitive',
  needsContext: 'Needs context',
};

/**
 * A field path as a person reads it: `benefits.1.text` is "Why hire, line 2".
 * @example fieldLabel('benefits.1.text') === 'Why hire, line 2'
 */
const fieldLabel = (path: string): string => {
  const [field = path, index] = path.split('.');
  const label = fieldLabels[field] ?? field;
  return index !== undefined && /^\d+$/.test(index) ? `${label}, line ${Number(index) + 1}` : label;
};

/** One field's change, as the lines that went and the lines that came. */
export interface FieldChangeView {
  field: string;
  removed: readonly string[];
  added: readonly string[];
}

/** A cell's lines, long lists cut short with a count of the rest. */
const MAX_LINES = 40;

const changedLines = (lines: readonly string[], mark: 'del' | 'ins'): SafeHtml | string => {
  if (lines.length === 0) return '—';
  const shown = lines.slice(0, MAX_LINES);
  const rest = lines.length - shown.length;
  return html`<ul class="diff-lines">
    ${shown.map((line) => (mark === 'del' ? html`<li><del>${line}</del></li>` : html`<li><ins>${line}</ins></li>`))}
    ${rest > 0 && html`<li>and ${rest} more</li>`}
  </ul>`;
};

/** A line rewritten in place: the words it kept once, the ones it lost and gained marked. */
const rewrittenLine = (runs: readonly WordRun[]): SafeHtml =>
  html`<li>
    ${runs.map((run, i) => {
      if (run.kind === 'same') return run.text;
      // A word replaced by another reads as two words, not as one run-together.
      const gap = run.kind === 'removed' && runs[i + 1]?.kind === 'added' ? ' ' : '';
      return run.kind === 'removed'
        ? html`<del>${run.text}</del>${gap}`
        : html`<ins>${run.text}</ins>`;
    })}
  </li>`;

/**
 * The lines a field lost and gained, each lost line paired with the gained line at its place in
 * the lists when the two share most of their words: an edit to one sentence of a paragraph is
 * that sentence, not the two whole paragraphs.
 */
const rewrites = (change: FieldChangeView) => {
  const pairs = Math.min(change.removed.length, change.added.length);
  const runs = change.removed.slice(0, pairs).map((line, i) => wordRuns(line, change.added[i]!));
  const unpaired = (_line: string, i: number) => runs[i] === undefined;
  return {
    rewritten: runs.filter((r) => r !== undefined),
    removed: change.removed.filter(unpaired),
    added: change.added.filter(unpaired),
  };
};

const changeCells = (change: FieldChangeView, columns: readonly [string, string]): SafeHtml => {
  if (change.removed.length + change.added.length === 0) {
    return html`<td data-label="${columns[0]}" colspan="2">The same lines, in another order</td>`;
  }
  const { rewritten, removed, added } = rewrites(change);
  if (rewritten.length === 0) {
    return html`<td data-label="${columns[0]}">${changedLines(removed, 'del')}</td>
      <td data-label="${columns[1]}">${changedLines(added, 'ins')}</td>`;
  }
  return html`<td data-label="Changed" colspan="2">
    <ul class="diff-lines">
      ${rewritten.map(rewrittenLine)} ${removed.map((line) => html`<li><del>${line}</del></li>`)}
      ${added.map((line) => html`<li><ins>${line}</ins></li>`)}
    </ul>
  </td>`;
};

/**
 * Changes as a table: each field with what it lost and what it gained. A field that only moved
 * its lines around says so; a line rewritten in place shows its changed words within it. The
 * columns are headed for what they hold, the lines only one side has: under "Before", an empty
 * cell beside a list's one added line read as a list that had been empty.
 */
export const changesTable = (
  changes: readonly FieldChangeView[],
  caption: string,
  columns: readonly [string, string] = ['Removed', 'Added'],
): SafeHtml =>
  html`<div class="table-wrap">
    <table class="diff stack-table">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">${columns[0]}</th>
          <th scope="col">${columns[1]}</th>
        </tr>
      </thead>
      <tbody>
        ${changes.map(
          (c) =>
            html`<tr>
              <th scope="row">${fieldLabel(c.field)}</th>
              ${changeCells(c, columns)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;

/** What lint found, each finding by the field it is about. */
export interface LintView {
  errors: number;
  warnings: number;
  findings: readonly { severity: string; message: string; field?: string | undefined }[];
}

export const lintSection = (lint: LintView): SafeHtml =>
  html`<section class="lint" aria-labelledby="lint-heading">
    <h2 id="lint-heading">Lint</h2>
    ${
      lint.findings.length === 0
        ? html`<p>Lint finds nothing to fix.</p>`
        : html`<p>
              ${lint.errors} ${lint.errors === 1 ? 'error' : 'errors'}, ${lint.warnings}
              ${lint.warnings === 1 ? 'warning' : 'warnings'}.
            </p>
            <ul>
              ${lint.findings.map(
                (f) =>
                  html`<li>
                    <span class="badge">${f.severity}</span>
                    ${f.field !== undefined && html`<strong>${fieldLabel(f.field)}:</strong>`}
                    ${f.message}
                  </li>`,
              )}
            </ul>`
    }
  </section>`;

/** Why the form was refused, each problem by the field it is about. */
export interface EditorErrorView {
  message: string;
  fields?: readonly { field?: string | undefined; message: string }[] | undefined;
}

export const editorError = (error: EditorErrorView | undefined): SafeHtml | false =>
  error !== undefined &&
  html`<div class="form-error" role="alert">
    <p>
      <strong>Nothing was saved.</strong> ${error.fields?.length ? 'Please fix:' : error.message}
    </p>
    ${
      error.fields !== undefined &&
      error.fields.length > 0 &&
      html`<ul>
        ${error.fields.map(
          (f) =>
            html`<li>
              ${f.field !== undefined && html`<strong>${fieldLabel(f.field)}:</strong>`}
              ${f.field !== undefined && f.message.startsWith(f.field) ? f.message.slice(f.field.length).trim() : f.message}
            </li>`,
        )}
      </ul>`
    }
  </div>`;
