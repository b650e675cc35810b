import { html, rolePath, type SafeHtml } from '../../guides/index.js';
import { fileField, formErrors, type FormErrorView } from './form-error.js';
import { notice } from './account.view.js';
import { layout } from './layout.js';
import { scoreCell } from './score.js';
import { sitePaths } from './site-paths.js';
import { count } from './text.js';
import type { NormalizeMatchView } from './view-models.js';

/** One input title and what the normalizer made of it. */
export interface BulkRowView {
  input: string;
  /** Every cell of the input row, for titles read from a CSV file. */
  cells?: readonly string[];
  role?: NormalizeMatchView;
  seniority?: string;
  /** Everything else read off the title, as label and value. */
  qualifiers: readonly string[];
  /** Why the title could not be read, when it could not. */
  error?: string;
  /** The best role is a guess: below the confidence the page trusts, or none at all. */
  lowConfidence: boolean;
}

export interface BulkNormalizeViewData {
  rows: readonly BulkRowView[];
  /**
   * The input as sent, carried by the download form: a list, one title a line, or a CSV file
   * with the column as the form named it (empty: found by its header), so that reading them
   * again gives the same rows, a row that cannot be read included with its own line number.
   */
  source:
    | { titles: string }
    | {
        csv: string;
        columns: readonly string[];
        column: string;
      };
  taxonomy?: string;
  /** Below this score a row is flagged. */
  threshold: number;
  filename?: string;
  /** What reading the input left out, as the batch says it (the lines above a CSV's header). */
  note?: string;
}

/**
 * The form for many titles: a pasted list, or a CSV file with the column to read. It posts to
 * /normalize; the second button asks for the results as a CSV file instead of a table. With
 * script, a CSV file asked for as a download streams through the API with a progress bar.
 */
export const bulkForm = (error?: FormErrorView, kept: { titles?: string } = {}): SafeHtml => {
  const refused = formErrors(error, 'bulk', { titles: 'bulk-titles', file: 'bulk-file' });
  return html`<section aria-labelledby="bulk-heading">
    <h2 id="bulk-heading">Many titles at once</h2>
    <p>Paste one title a line, or upload a CSV file with a header row.</p>
    ${refused.top()}
    <form
      class="stack"
      method="post"
      action="${sitePaths.normalize}"
      enctype="multipart/form-data"
      data-stream="${sitePaths.normalizeStream}"
    >
      <label for="bulk-titles">Titles, one a line</label>
      <textarea id="bulk-titles" name="titles" rows="6" ${refused.attributes('titles')}>
${kept.titles ?? ''}</textarea>
      ${refused.message('titles')}
      ${fileField(refused, { id: 'bulk-file', label: 'Or a CSV file', accept: '.csv,text/csv' })}
      <label for="bulk-column">Column with the titles (its header)</label>
      <p class="meta" id="bulk-column-hint">
        Left empty: the column headed Title, Job title, Position, Role or Vacancy.
      </p>
      <input id="bulk-column" type="text" name="column" aria-describedby="bulk-column-hint" />
      <div class="buttons">
        <button type="submit" name="format" value="html">Normalize the list</button>
        <button type="submit" name="format" value="csv">Download as CSV</button>
      </div>
    </form>
  </section>`;
};

const row = (columns: readonly string[] | undefined, r: BulkRowView): SafeHtml =>
  html`<tr ${r.lowConfidence && html`class="flagged"`}>
    ${
      columns === undefined
        ? html`<td data-label="Input">${r.input}</td>`
        : columns.map((name, i) => html`<td data-label="${name}">${r.cells?.[i] ?? ''}</td>`)
    }
    <td data-label="Role">
      ${
        r.role !== undefined
          ? html`<a href="${rolePath(r.role.taxonomy, r.role.code)}">${r.role.name}</a>${
                r.role.matchedTechnology !== undefined
                  ? html`<br /><span class="meta"
                        >through “${r.role.matchedTechnology}”, a technology this role's guide
                        lists</span
                      >`
                  : r.role.matchedTitle !== undefined &&
                    html`<br /><span class="meta">as “${r.role.matchedTitle}”</span>`
              }`
          : html`<span class="meta">${r.error ?? 'No confident match'}</span>`
      }
    </td>
    <td data-label="Score">${r.role !== undefined ? scoreCell(r.role.score) : '—'}</td>
    <td data-label="Seniority">${r.seniority ?? '—'}</td>
    <td data-label="Qualifiers">${r.qualifiers.length > 0 ? r.qualifiers.join('; ') : '—'}</td>
    <td data-label="Check">${r.lowConfidence ? html`<strong>Check</strong>` : 'OK'}</td>
  </tr>`;

/** The normalized titles as a table, the doubtful rows flagged, with a CSV download. */
export const bulkNormalizeView = (data: BulkNormalizeViewData): string => {
  const flagged = data.rows.filter((r) => r.lowConfidence).length;
  const columns = 'columns' in data.source ? data.source.columns : undefined;
  return layout(
    { title: 'Normalized titles', section: 'normalize', wide: true, noindex: true },
    html`<h1>${count(data.rows.length, 'title')} normalized</h1>
      <p class="lead">
        ${
          flagged === 0
            ? 'Every title matched a role with confidence.'
            : html`${count(flagged, 'row')} to check: no role, or a score below
              ${Math.round(data.threshold * 100)}%.`
        }
      </p>
      ${notice(data.note)}
      <form method="post" action="${sitePaths.normalize}" enctype="multipart/form-data">
        ${
          'csv' in data.source
            ? html`<input type="hidden" name="csv" value="${data.source.csv}" />
                <input type="hidden" name="column" value="${data.source.column}" />`
            : html`<input type="hidden" name="titles" value="${data.source.titles}" />`
        }
        ${data.taxonomy !== undefined && html`<input type="hidden" name="taxonomy" value="${data.taxonomy}" />`}
        ${data.filename !== undefined && html`<input type="hidden" name="filename" value="${data.filename}" />`}
        <input type="hidden" name="format" value="csv" />
        <button type="submit">Download as CSV</button>
        <a href="${sitePaths.normalize}">Normalize other titles</a>
      </form>
      <table class="stack-table">
        <caption class="visually-hidden">
          Each title with its role${data.filename !== undefined && ` (from ${data.filename})`}
        </caption>
        <thead>
          <tr>
            ${
              columns === undefined
                ? html`<th scope="col">Input</th>`
                : columns.map((name) => html`<th scope="col">${name}</th>`)
            }
            <th scope="col">Role</th>
            <th scope="col">Score</th>
            <th scope="col">Seniority</th>
            <th scope="col">Qualifiers</th>
            <th scope="col">Check</th>
          </tr>
        </thead>
        <tbody>
          ${data.rows.map((r) => row(columns, r))}
        </tbody>
      </table>`,
  );
};
