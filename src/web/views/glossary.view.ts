import { html, termPath } from '../../guides/index.js';
import { layout } from './layout.js';
import { categoryHeading, categoryRank } from './term-categories.js';
import { count, excerpt } from './text.js';
import type { TermListItem } from './view-models.js';

export interface GlossaryViewData {
  terms: readonly (TermListItem & { category: string })[];
}

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });

/**
 * Every glossary term, grouped by category (in the domain's order), alphabetical within each,
 * with a jump list of the categories.
 * @example glossaryView({ terms: [{ slug: 'api', name: 'API', category: 'concept' }] })
 */
export const glossaryView = (data: GlossaryViewData): string => {
  const groups = new Map<string, (TermListItem & { category: string })[]>();
  for (const term of data.terms) {
    const group = groups.get(term.category) ?? groups.set(term.category, []).get(term.category)!;
    group.push(term);
  }
  const categories = [...groups.keys()].sort(
    (a, b) => categoryRank(a) - categoryRank(b) || a.localeCompare(b),
  );
  return layout(
    {
      title: 'Glossary',
      description: 'Plain definitions of the technical terms recruiters meet in job descriptions.',
      section: 'glossary',
    },
    html`<h1>Glossary</h1>
      <p class="lead">
        ${count(data.terms.length, 'term')} a recruiter meets in job descriptions, each in plain
        words.
      </p>
      ${
        categories.length > 1 &&
        html`<nav aria-label="Categories" class="toc">
          <ol>
            ${categories.map(
              (c) => html`<li><a href="#category-${c}">${categoryHeading(c)}</a></li>`,
            )}
          </ol>
        </nav>`
      }
      ${categories.map(
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
      )}`,
  );
};
