import { html } from '../../guides/index.js';
import { layout, siteName } from './layout.js';
import { roleItem } from './role-items.js';
import { sitePaths, withQuery } from './site-paths.js';
import { count } from './text.js';
import type { RoleListItem, TaxonomyListItem } from './view-models.js';

export interface HomeViewData {
  taxonomies: readonly (TaxonomyListItem & { roleCount: number })[];
  featured: readonly RoleListItem[];
  termCount: number;
}

/**
 * The front page: what Rolebook is, a few featured guides, the taxonomies with their role
 * counts, and the way into the glossary and the title normalizer.
 * @example homeView({ taxonomies: [{ id: 'rolebook', name: 'Rolebook library', roleCount: 12 }], featured: [], termCount: 80 })
 */
export const homeView = (data: HomeViewData): string =>
  layout(
    {
      title: siteName,
      description:
        'Role guides for the people who hire: what a role does, why you would hire one, and the terms to know.',
    },
    html`<h1>${siteName}</h1>
      <p class="lead">
        Plain-language guides to technical roles for recruiters and hiring managers: what each role
        does and what else it is called, why a company hires one, the signs that it needs one, and
        the terms to know before the first interview.
      </p>
      <form class="filter" method="get" action="${sitePaths.normalize}">
        <label for="home-title">Have a job title you are unsure of?</label>
        <input
          id="home-title"
          type="text"
          name="title"
          placeholder="e.g. Sr. Backend Eng (remote)"
        />
        <button type="submit">Normalize it</button>
      </form>
      ${
        data.featured.length > 0 &&
        html`<section aria-labelledby="featured-heading">
          <h2 id="featured-heading">Featured roles</h2>
          <ul class="cards">
            ${data.featured.map(roleItem)}
          </ul>
        </section>`
      }
      ${
        data.taxonomies.length > 0 &&
        html`<section aria-labelledby="taxonomies-heading">
          <h2 id="taxonomies-heading">Taxonomies</h2>
          <ul>
            ${data.taxonomies.map(
              (t) =>
                html`<li>
                  <a href="${withQuery(sitePaths.roles, { taxonomy: t.id })}">${t.name}</a>
                  <span class="meta">${count(t.roleCount, 'role')}</span>${
                    t.description && html`<p>${t.description}</p>`
                  }
                </li>`,
            )}
          </ul>
        </section>`
      }
      <section aria-labelledby="glossary-heading">
        <h2 id="glossary-heading">Glossary</h2>
        <p>
          ${count(data.termCount, 'term')} a recruiter meets in job descriptions, each in plain
          words. <a href="${sitePaths.glossary}">Browse the glossary</a>.
        </p>
      </section>`,
  );
