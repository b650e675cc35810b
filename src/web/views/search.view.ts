import { html } from '../../guides/index.js';
import { groupSelect, type GroupOption } from './group-filter.js';
import { layout } from './layout.js';
import { roleItem, termItem } from './role-items.js';
import { sitePaths, withQuery } from './site-paths.js';
import { count } from './text.js';
import type { RoleListItem, TaxonomyListItem, TermListItem } from './view-models.js';

export interface SearchViewData {
  query: string;
  roles: readonly RoleListItem[];
  terms: readonly TermListItem[];
  taxonomies?: readonly TaxonomyListItem[];
  /** The taxonomy the roles are filtered by. */
  taxonomy?: string;
  /** The occupation groups the roles may be filtered by. */
  groups?: readonly GroupOption[];
  /** The occupation group the roles are filtered by. */
  group?: string;
}

/**
 * Search results: matching roles, then matching terms; a prompt when nothing was asked, and a
 * way on to the title normalizer when nothing matched.
 * @example searchView({ query: 'backend', roles, terms: [] })
 */
export const searchView = (data: SearchViewData): string => {
  const query = data.query.trim();
  const nothing = data.roles.length === 0 && data.terms.length === 0;
  return layout(
    { title: query ? `Search: ${query}` : 'Search', query, noindex: true },
    html`<h1>${query ? html`Results for “${query}”` : 'Search'}</h1>
      <form class="filter" method="get" action="${sitePaths.search}">
        <label for="search-again">Search for</label>
        <input id="search-again" type="search" name="q" value="${query}" />
        ${
          data.taxonomies !== undefined &&
          html`<label for="search-taxonomy">Roles from</label>
            <select id="search-taxonomy" name="taxonomy">
              <option value="" ${data.taxonomy === undefined && ' selected'}>All taxonomies</option>
              ${data.taxonomies.map(
                (t) =>
                  html`<option value="${t.id}" ${t.id === data.taxonomy && ' selected'}>
                    ${t.name}
                  </option>`,
              )}
            </select>`
        }
        ${groupSelect('search-group', data.groups ?? [], data.group)}
        <button type="submit">Search</button>
      </form>
      ${
        query === ''
          ? html`<p>
              Type a role, a job title or a term. Misspellings and abbreviations are fine.
            </p>`
          : nothing
            ? html`<p>
                Nothing matches “${query}”. Try fewer words, or
                <a href="${withQuery(sitePaths.normalize, { title: query })}"
                  >normalize it as a job title</a
                >.
              </p>`
            : html`<p class="meta">
                ${count(data.roles.length, 'role')} and ${count(data.terms.length, 'term')}.
              </p>`
      }
      ${
        data.roles.length > 0 &&
        html`<section aria-labelledby="roles-heading">
          <h2 id="roles-heading">Roles</h2>
          <ol class="results">
            ${data.roles.map(roleItem)}
          </ol>
        </section>`
      }
      ${
        data.terms.length > 0 &&
        html`<section aria-labelledby="terms-heading">
          <h2 id="terms-heading">Terms</h2>
          <ol class="results">
            ${data.terms.map(termItem)}
          </ol>
        </section>`
      }`,
  );
};
