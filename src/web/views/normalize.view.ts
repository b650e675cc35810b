import { html, rolePath, type SafeHtml } from '../../guides/index.js';
import { bulkForm } from './bulk-normalize.view.js';
import type { FormErrorView } from './form-error.js';
import { layout } from './layout.js';
import { siteScripts } from './scripts.js';
import { scoreCell } from './score.js';
import { sitePaths, withQuery } from './site-paths.js';
import { humanize } from './text.js';
import type { NormalizeMatchView, TaxonomyListItem } from './view-models.js';

/** What was parsed off the title: seniority, level, location, work mode, noise... */
export type ParsedModifiers = Readonly<
  Record<string, string | number | boolean | readonly string[] | null | undefined>
>;

export interface NormalizeViewData {
  /** The title as typed; absent when the form has not been sent. */
  title?: string;
  matches?: readonly NormalizeMatchView[];
  modifiers?: ParsedModifiers;
  /** The taxonomy to match in, and the ones to offer. */
  taxonomy?: string;
  taxonomies?: readonly TaxonomyListItem[];
  /** Why the list of titles sent was refused. */
  bulkError?: FormErrorView;
  /** The titles a refused list had, kept in its box. */
  bulkTitles?: string;
}

const modifierLabels: Record<string, string> = {
  seniority: 'Seniority',
  level: 'Level',
  location: 'Location',
  workMode: 'Work mode',
  employment: 'Employment type',
  noise: 'Removed as noise',
  removed: 'Removed as noise',
  requisition: 'Requisition number',
};

const modifierValue = (value: string | number | boolean | readonly string[]): string =>
  Array.isArray(value)
    ? value.join(', ')
    : typeof value === 'boolean'
      ? value
        ? 'yes'
        : 'no'
      : String(value);

const modifierList = (modifiers: ParsedModifiers): SafeHtml | false => {
  const entries = Object.entries(modifiers).flatMap(([key, value]) =>
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
      ? []
      : [{ label: modifierLabels[key] ?? humanize(key), value: modifierValue(value) }],
  );
  return (
    entries.length > 0 &&
    html`<section aria-labelledby="modifiers-heading">
      <h2 id="modifiers-heading">What we read off the title</h2>
      <dl class="facts">
        ${entries.map(
          (e) =>
            html`<dt>${e.label}</dt>
              <dd>${e.value}</dd>`,
        )}
      </dl>
    </section>`
  );
};

/**
 * What the title matched: a known title, or a technology the role's guide lists, which is weaker
 * evidence and said so, lest a reader take the role's name for a title the input carried.
 */
const matchedCell = (m: NormalizeMatchView): SafeHtml | string =>
  m.matchedTechnology !== undefined
    ? html`${m.matchedTechnology} <span class="meta">(a technology this role's guide lists)</span>`
    : (m.matchedTitle ?? '');

const matchTable = (matches: readonly NormalizeMatchView[]): SafeHtml =>
  html`<div class="table-wrap" tabindex="0" role="region" aria-label="Roles that match">
    <table class="stack-table">
      <caption class="visually-hidden">
        Roles that match the title, best first
      </caption>
      <thead>
        <tr>
          <th scope="col">Role</th>
          <th scope="col">Taxonomy</th>
          <th scope="col">Code</th>
          <th scope="col">Score</th>
          <th scope="col">Matched title</th>
        </tr>
      </thead>
      <tbody>
        ${matches.map(
          (m) =>
            html`<tr>
              <td data-label="Role"><a href="${rolePath(m.taxonomy, m.code)}">${m.name}</a></td>
              <td data-label="Taxonomy">${m.taxonomy}</td>
              <td data-label="Code"><code>${m.code}</code></td>
              <td data-label="Score">${scoreCell(m.score)}</td>
              <td data-label="Matched title">${matchedCell(m)}</td>
            </tr> `,
        )}
      </tbody>
    </table>
  </div>`;

/**
 * The title normalizer: a GET form, and for a sent title its ranked roles with scores and what
 * was parsed off it.
 * @example normalizeView({ title: 'Sr. Backend Eng', matches: [{ taxonomy: 'rolebook', code: 'backend-developer', name: 'Backend Developer', score: 0.93 }] })
 */
export const normalizeView = (data: NormalizeViewData): string => {
  const title = data.title?.trim() ?? '';
  const sent = data.title !== undefined;
  const matches = data.matches ?? [];
  return layout(
    {
      title: title ? `Normalize: ${title}` : 'Normalize job titles',
      section: 'normalize',
      wide: true,
      ...(sent ? { noindex: true } : {}),
      head: html`<script src="${siteScripts.bulkProgress.href}" defer></script>`,
    },
    html`<h1>Normalize a job title</h1>
      <p>
        Paste a title as it appears in a posting or a profile. Rolebook finds the roles it most
        likely means and shows what it set aside: seniority, location, work mode and requisition
        noise.
      </p>
      <form class="filter" method="get" action="${sitePaths.normalize}">
        <label for="title-input">Job title</label>
        <input id="title-input" type="text" name="title" value="${title}" required />
        ${
          data.taxonomies !== undefined &&
          data.taxonomies.length > 0 &&
          html`<label for="taxonomy-input">in</label>
            <select id="taxonomy-input" name="taxonomy">
              <option value="" ${data.taxonomy === undefined && ' selected'}>All taxonomies</option>
              ${data.taxonomies.map((t) => html`<option value="${t.id}" ${t.id === data.taxonomy && ' selected'}>${t.name}</option>`)}
            </select>`
        }
        <button type="submit">Normalize</button>
      </form>
      ${
        sent &&
        title !== '' &&
        html`<section aria-labelledby="matches-heading">
            <h2 id="matches-heading">Roles for “${title}”</h2>
            ${
              matches.length > 0
                ? matchTable(matches)
                : html`<p>
                    No confident match. Try the title without the company's own words, or
                    <a href="${withQuery(sitePaths.search, { q: title })}">search for it</a>.
                  </p>`
            }
          </section>
          ${data.modifiers !== undefined && modifierList(data.modifiers)}`
      }
      ${bulkForm(data.bulkError, data.bulkTitles !== undefined ? { titles: data.bulkTitles } : {})}`,
  );
};
