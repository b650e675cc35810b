import { html, type SafeHtml } from '../../guides/index.js';
import { accountPaths } from './account-paths.js';
import { siteScripts } from './scripts.js';
import { stylesheetHref } from './site.styles.js';
import { sitePaths } from './site-paths.js';

export const siteName = 'Rolebook';

export type NavSection =
  | 'roles'
  | 'glossary'
  | 'analyze'
  | 'diagnose'
  | 'compare'
  | 'normalize'
  | 'jobs'
  | 'api'
  | 'account';

export interface PageMeta {
  /** The page's own title; the site name is added. */
  title: string;
  description?: string;
  canonical?: string;
  /** The Open Graph type: `article` for a guide. */
  ogType?: 'website' | 'article';
  /** Extra head elements, such as JSON-LD. */
  head?: SafeHtml;
  /** The nav entry to mark as current. */
  section?: NavSection;
  /** Text to keep in the search box. */
  query?: string;
  /** Keep the page out of search engines (errors, drafts, result pages). */
  noindex?: boolean;
  /** Lay the page out wider than reading width (tables, lists). */
  wide?: boolean;
}

const navItems: { section: NavSection; href: string; label: string }[] = [
  { section: 'roles', href: sitePaths.roles, label: 'Roles' },
  { section: 'glossary', href: sitePaths.glossary, label: 'Glossary' },
  { section: 'analyze', href: sitePaths.analyze, label: 'Analyze a posting' },
  { section: 'diagnose', href: sitePaths.diagnose, label: 'Which role?' },
  { section: 'compare', href: sitePaths.compare, label: 'Compare' },
  { section: 'normalize', href: sitePaths.normalize, label: 'Normalize titles' },
  { section: 'jobs', href: sitePaths.jobs, label: 'Bulk jobs' },
  { section: 'api', href: sitePaths.apiDocs, label: 'API' },
  // One link for every reader, so a public page stays the same for all: the account page says
  // who is signed in, or leads to the sign-in form.
  { section: 'account', href: accountPaths.account, label: 'Account' },
];

/**
 * Wraps a page body in the site's document: head, skip link, header with the site name, the
 * search form and the nav, and the footer. Every view goes through it.
 * @example layout({ title: 'Glossary', section: 'glossary' }, html`<h1>Glossary</h1>`)
 */
export const layout = (meta: PageMeta, body: SafeHtml): string =>
  html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${meta.title === siteName ? siteName : `${meta.title} · ${siteName}`}</title>
        ${meta.description !== undefined && html`<meta name="description" content="${meta.description}" />`}
        ${meta.canonical !== undefined && html`<link rel="canonical" href="${meta.canonical}" />`}
        ${meta.noindex === true && html`<meta name="robots" content="noindex" />`}
        <meta property="og:site_name" content="${siteName}" />
        <meta property="og:title" content="${meta.title}" />
        <meta property="og:type" content="${meta.ogType ?? 'website'}" />
        ${meta.description !== undefined && html`<meta property="og:description" content="${meta.description}" />`}
        ${meta.canonical !== undefined && html`<meta property="og:url" content="${meta.canonical}" />`}
        <meta name="color-scheme" content="light dark" />
        <link rel="icon" href="${sitePaths.favicon}" type="image/svg+xml" />
        <link rel="stylesheet" href="${stylesheetHref}" />
        <script src="${siteScripts.suggest.href}" defer></script>
        ${meta.head}
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
          <div class="bar">
            <a class="brand" href="${sitePaths.home}">${siteName}</a>
            <nav class="site-nav" aria-label="Main">
              <ul>
                ${navItems.map(
                  (item) =>
                    html`<li>
                      <a
                        href="${item.href}"
                        ${item.section === meta.section && html` aria-current="page"`}
                        >${item.label}</a
                      >
                    </li>`,
                )}
              </ul>
            </nav>
            <form class="search-form" role="search" method="get" action="${sitePaths.search}">
              <label class="visually-hidden" for="site-search">Search roles and terms</label>
              <input
                id="site-search"
                type="search"
                name="q"
                value="${meta.query ?? ''}"
                placeholder="Search roles and terms"
                data-suggest="${sitePaths.suggest}"
              />
              <button type="submit">Search</button>
            </form>
          </div>
        </header>
        <main id="main" class="page${meta.wide === true && ' wide'}">${body}</main>
        <footer class="site-footer">
          <div class="bar">
            <p>
              ${siteName} explains job roles to the people who hire for them. Guides from imported
              taxonomies name their source and license.
            </p>
            <p>
              <a href="${sitePaths.apiDocs}">API documentation</a> ·
              <a href="${sitePaths.openApi}">OpenAPI document</a> ·
              <a href="${accountPaths.account}">Account and sign-in</a>
            </p>
          </div>
        </footer>
      </body>
    </html> `.toString();
