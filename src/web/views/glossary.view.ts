import { compareText } from '../../domain/index.js';
import { html, termPath } from '../../guides/index.js';
import { layout } from './layout.js';
import { termItem } from './role-items.js';
import { sitePaths, withQuery } from './site-paths.js';
import { categoryHeading, categoryRank } from './term-categories.js';
import { count, excerpt } from './text.js';
import type { TermListItem } from './view-models.js';

export interface GlossaryViewData {
  terms: readonly (TermListItem & { category: string })[];
  /** Show only the terms under this letter of the A-Z. */
  letter?: string;
  /** A search of the glossary: what was asked, and the terms found, the closest first. */
  search?: { query: string; found: readonly TermListItem[] };
}

/** The glossary's own search box; misspelt names, abbreviations and aliases find their term. */
const searchForm = (query: string) =>
  html`<form class="filter" method="get" action="${sitePaths.glossary}">
    <label for="glossary-q">Find a term</label>
    <input id="glossary-q" type="search" name="q" value="${query}" />
    <button type="submit">Find</button>
  </form>`;

const searchResults = ({ query, found }: { query: string; found: readonly TermListItem[] }) =>
  html`<section aria-labelledby="found-heading">
    <h2 id="found-heading">Terms for “${query}”</h2>
    ${
      found.length === 0
        ? html`<p>No term is named like that. Try another spelling, or browse by letter.</p>`
        : html`<ol class="results">
            ${found.map(termItem)}
          </ol>`
    }
  </section>`;

/** The A-Z letter a term is filed under; digits and signs go under #. */
const letterOf = (name: string): string => {
  const first = name.normalize('NFD').charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
};

const azNav = (terms: GlossaryViewData['terms'], current: string | undefined) => {
  const letters = [...new Set(terms.map((t) => letterOf(t.name)))].sort();
  return html`<nav aria-label="A to Z" class="az">
    <ul>
      <li>
        <a href="${sitePaths.glossary}" ${current === undefined && html`aria-current="page"`}
          >All</a
        >
      </li>
      ${letters.map(
        (l) =>
          html`<li>
            <a
              href="${withQuery(sitePaths.glossary, { letter: l })}"
              ${l === current && html`aria-current="page"`}
              >${l}</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
};

const byName = (a: { name: string }, b: { name: string }) => compareText(a.name, b.name);

/**
 * Every glossary term, grouped by category (in the domain's order), alphabetical within each,
 * with a jump list of the categories.
 * @example glossaryView({ terms: [{ slug: 'api', name: 'API', category: 'concept' }] })
 */
export const glossaryView = (data: GlossaryViewData): string => {
  const shown =
    data.letter === undefined
      ? data.terms
      : data.terms.filter((t) => letterOf(t.name) === data.letter);
  const groups = new Map<string, (TermListItem & { category: string })[]>();
  for (const term of shown) {
    const group = groups.get(term.category) ?? groups.set(term.category, []).get(term.category)!;
    group.push(term);
  }
  const categories = [...groups.keys()].sort(
    (a, b) => categoryRank(a) - categoryRank(b) || compareText(a, b),
  );
  return layout(
    {
      title: data.letter === undefined ? 'Glossary' : `Glossary: ${data.letter}`,
      description: 'Plain definitions of the technical terms recruiters meet in job descriptions.',
      section: 'glossary',
    },
    html`<h1>${data.letter === undefined ? 'Glossary' : `Glossary: ${data.letter}`}</h1>
      <p class="lead">
        ${count(shown.length, 'term')} a recruiter meets in job descriptions, each in plain words.
      </p>
      ${searchForm(data.search?.query ?? '')} ${azNav(data.terms, data.letter)}
      ${data.search !== undefined && searchResults(data.search)}
      ${
        data.search === undefined &&
        categories.length > 1 &&
        html`<nav aria-label="Categories" class="toc">
          <ol>
            ${categories.map(
              (c) => html`<li><a href="#category-${c}">${categoryHeading(c)}</a></li>`,
            )}
          </ol>
        </nav>`
      }
      ${
        data.search === undefined &&
        categories.map(
          (c) =>
            html`<section id="category-${c}" aria-labelledby="category-${c}-heading">
              <h2 id="category-${c}-heading">${categoryHeading(c)}</h2>
              <dl class="glossary">
                ${[...groups.get(c)!].sort(byName).map(
                  (t) =>
                    html`<dt>
                        <a href="${termPath(t.slug)}">${t.name}</a>${
                          t.abbreviations !== undefined &&
                          t.abbreviations.length > 0 &&
                          html` <span class="meta">(${t.abbreviations.join(', ')})</span>`
                        }
                      </dt>
                      ${t.definition && html`<dd>${excerpt(t.definition)}</dd>`}`,
                )}
              </dl>
            </section> `,
        )
      }`,
  );
};
