import { absoluteUrl, html, jsonForScript, termPath, type SafeHtml } from '../../guides/index.js';
import { layout } from './layout.js';
import { roleItem } from './role-items.js';
import { sitePaths } from './site-paths.js';
import { categoryHeading } from './term-categories.js';
import { excerpt } from './text.js';
import type { RoleListItem, TermListItem } from './view-models.js';

export interface TermViewData {
  term: {
    slug: string;
    name: string;
    abbreviations: readonly string[];
    aliases: readonly string[];
    definition: string;
    category: string;
  };
  /** The term's examples, resolved to terms. */
  examples: readonly TermListItem[];
  /** Terms that name this one as an example ("MySQL is an example of DBMS"). */
  exampleOf: readonly TermListItem[];
  /** Roles whose guides list this term. */
  roles: readonly RoleListItem[];
  /** Origin for the canonical URL and JSON-LD; '' for site-relative. */
  baseUrl?: string;
  /** The term's editor, for someone who may edit it. */
  editHref?: string | undefined;
}

const termLinks = (terms: readonly TermListItem[]): SafeHtml =>
  html`<ul>
    ${terms.map((t) => html`<li><a href="${termPath(t.slug)}">${t.name}</a></li>`)}
  </ul>`;

/**
 * A glossary term's page: its definition, abbreviations and other names, its examples, what
 * it is an example of, and the roles that use it; with schema.org DefinedTerm JSON-LD.
 * @example termView({ term, examples: [], exampleOf: [], roles: [] })
 */
export const termView = (data: TermViewData): string => {
  const { term } = data;
  const url = absoluteUrl(data.baseUrl ?? '', termPath(term.slug));
  const glossaryUrl = absoluteUrl(data.baseUrl ?? '', sitePaths.glossary);
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'DefinedTerm',
    '@id': url,
    name: term.name,
    ...(term.abbreviations.length + term.aliases.length > 0
      ? { alternateName: [...term.abbreviations, ...term.aliases] }
      : {}),
    description: term.definition,
    termCode: term.slug,
    url,
    inDefinedTermSet: {
      '@type': 'DefinedTermSet',
      '@id': glossaryUrl,
      name: 'Rolebook glossary',
      url: glossaryUrl,
    },
  };
  return layout(
    {
      title: term.abbreviations.length
        ? `${term.name} (${term.abbreviations.join(', ')})`
        : term.name,
      description: excerpt(term.definition, 300),
      canonical: url,
      section: 'glossary',
      head: html`<script type="application/ld+json">
        ${jsonForScript(jsonLd)}
      </script>`,
    },
    html`<nav aria-label="Breadcrumb" class="meta">
        <a href="${sitePaths.glossary}">Glossary</a> ›
        <a href="${sitePaths.glossary}#category-${term.category}"
          >${categoryHeading(term.category)}</a
        >
      </nav>
      <h1>
        <dfn>${term.name}</dfn>${
          term.abbreviations.length > 0 &&
          html` <span class="meta"
            >(${term.abbreviations.map((a, i) => html`${i > 0 && ', '}<abbr title="${term.name}">${a}</abbr>`)})</span
          >`
        }
      </h1>
      <p class="lead">${term.definition}</p>
      ${data.editHref !== undefined && html`<p class="edit-link"><a href="${data.editHref}">Edit this term</a></p>`}
      <dl class="facts">
        ${
          term.aliases.length > 0 &&
          html`<dt>Also called</dt>
            <dd>${term.aliases.join(', ')}</dd>`
        }
        ${
          data.examples.length > 0 &&
          html`<dt>Examples</dt>
            <dd>${termLinks(data.examples)}</dd>`
        }
        ${
          data.exampleOf.length > 0 &&
          html`<dt>An example of</dt>
            <dd>${termLinks(data.exampleOf)}</dd>`
        }
      </dl>
      ${
        data.roles.length > 0 &&
        html`<section aria-labelledby="roles-heading">
          <h2 id="roles-heading">Roles that use it</h2>
          <ul>
            ${data.roles.map(roleItem)}
          </ul>
        </section>`
      }`,
  );
};
