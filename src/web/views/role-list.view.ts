import { BUILT_IN_TAXONOMY } from '../../domain/index.js';
import { html } from '../../guides/index.js';
import { groupLabel, groupSelect, type GroupOption } from './group-filter.js';
import { layout } from './layout.js';
import { paginationNav } from './pagination.js';
import { roleItem } from './role-items.js';
import { sitePaths, withQuery } from './site-paths.js';
import { count } from './text.js';
import type { RoleListItem, TaxonomyListItem } from './view-models.js';

export interface RoleListViewData {
  roles: readonly RoleListItem[];
  /** 1-based. */
  page: number;
  pageSize: number;
  total: number;
  /** The taxonomy the list is filtered by, if any. */
  taxonomy?: string;
  taxonomies: readonly TaxonomyListItem[];
  /** Words the role names are filtered by. */
  q?: string;
  /** The first page with no filter: the library's guides, then the other taxonomies. */
  grouped?: boolean;
  /** The occupation groups the roles (of the chosen taxonomy) sit in, with how many. */
  groups?: readonly GroupOption[];
  /** The occupation group the list is filtered by. */
  group?: string;
}

/** Each occupation group of the taxonomy shown, linked to its roles, with how many. */
const groupNav = (data: RoleListViewData) =>
  data.groups !== undefined &&
  data.groups.length > 1 &&
  html`<nav aria-labelledby="groups-heading" class="groups">
    <h2 id="groups-heading">By occupation group</h2>
    <ul>
      ${data.groups.map(
        (g) =>
          html`<li>
            <a href="${withQuery(sitePaths.roles, { taxonomy: data.taxonomy, group: g.id })}"
              >${groupLabel(g)}</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;

/** The library's own guides in full, then a way into each other taxonomy. */
const grouped = (data: RoleListViewData) => {
  const others = data.taxonomies.filter((t) => t.id !== BUILT_IN_TAXONOMY);
  return html`<section aria-labelledby="guides-heading">
      <h2 id="guides-heading">Guides written for recruiters (${data.roles.length})</h2>
      <ol class="results">
        ${data.roles.map(roleItem)}
      </ol>
    </section>
    ${
      others.length > 0 &&
      html`<section aria-labelledby="others-heading">
        <h2 id="others-heading">Roles of public taxonomies</h2>
        <ul>
          ${others.map(
            (t) =>
              html`<li>
                <a href="${withQuery(sitePaths.roles, { taxonomy: t.id })}">${t.name}</a>${
                  t.roleCount !== undefined &&
                  html` <span class="meta">${count(t.roleCount, 'role')}</span>`
                }
              </li>`,
          )}
        </ul>
      </section>`
    }`;
};

/**
 * One page of roles, with a taxonomy filter (a plain GET form) and page links that keep the
 * filter.
 * @example roleListView({ roles, page: 2, pageSize: 50, total: 923, taxonomy: 'onet', taxonomies })
 */
export const roleListView = (data: RoleListViewData): string => {
  const pageCount = Math.max(1, Math.ceil(data.total / Math.max(1, data.pageSize)));
  const current = data.taxonomies.find((t) => t.id === data.taxonomy);
  const group = data.groups?.find((g) => g.id === data.group);
  const heading = `${current ? `Roles in ${current.name}` : 'Roles'}${group ? `: ${group.name}` : ''}`;
  const hrefFor = (page: number) =>
    withQuery(sitePaths.roles, {
      taxonomy: data.taxonomy,
      group: data.group,
      q: data.q,
      page: page === 1 ? undefined : page,
    });
  const first = (data.page - 1) * data.pageSize + 1;
  return layout(
    {
      title: heading,
      section: 'roles',
      wide: true,
      ...(data.page > 1 ? { noindex: true } : {}),
    },
    html`<h1>${heading}</h1>
      <form class="filter" method="get" action="${sitePaths.roles}">
        <label for="taxonomy-filter">Taxonomy</label>
        <select id="taxonomy-filter" name="taxonomy">
          <option value="" ${data.taxonomy === undefined && ' selected'}>All taxonomies</option>
          ${data.taxonomies.map(
            (t) =>
              html`<option value="${t.id}" ${t.id === data.taxonomy && ' selected'}>
                ${t.name}${t.roleCount !== undefined && ` (${t.roleCount})`}
              </option>`,
          )}
        </select>
        ${groupSelect('group-filter', data.groups ?? [], data.group)}
        <label for="name-filter">Name holds</label>
        <input id="name-filter" type="search" name="q" value="${data.q ?? ''}" />
        <button type="submit">Show</button>
      </form>
      ${data.group === undefined && data.q === undefined && data.page === 1 && groupNav(data)}
      ${
        data.grouped === true
          ? grouped(data)
          : data.roles.length === 0
            ? html`<p>No roles here yet.</p>`
            : html`<p class="meta">
                  ${count(data.total, 'role')}; page ${data.page} of ${pageCount}.
                </p>
                <ol class="results" start="${first}">
                  ${data.roles.map(roleItem)}
                </ol>`
      }
      ${data.grouped !== true && paginationNav(data.page, pageCount, hrefFor)}`,
  );
};
