import { guideCss } from '../../guides/index.js';

const siteOnlyCss = `
.skip-link { position: absolute; left: -999px; top: 0; background: #fff; padding: 0.5rem 1rem; z-index: 1; }
.skip-link:focus { left: 0.5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.site-header { border-bottom: 1px solid var(--line); background: var(--tint); }
.site-header .bar { max-width: 64rem; margin: 0 auto; padding: 0.6rem 1.25rem; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; }
.brand { font-weight: 700; font-size: 1.25rem; color: var(--ink); text-decoration: none; }
.site-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0; padding: 0; }
.site-nav a[aria-current="page"] { font-weight: 700; text-decoration: none; color: var(--ink); }
.search-form { display: flex; gap: 0.4rem; margin-left: auto; }
input, select, button { font: inherit; padding: 0.35rem 0.6rem; border: 1px solid #8a94a0; border-radius: 4px; }
input[type="search"], input[type="text"] { min-width: 0; width: 16rem; max-width: 100%; }
button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
.site-footer { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.95rem; }
.site-footer .bar { max-width: 64rem; margin: 0 auto; padding: 1rem 1.25rem 2rem; }
.wide { max-width: 64rem; }
.cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; }
.cards li { border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem 1rem; }
.cards h3 { margin: 0 0 0.25rem; font-size: 1.1rem; }
.results { padding-left: 1.5rem; }
.results li { margin-bottom: 0.9rem; }
.results p { margin: 0.15rem 0 0; color: var(--muted); }
.meta { color: var(--muted); font-size: 0.9rem; }
.filter { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 1rem 0; }
.pagination ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.35rem; }
.pagination a, .pagination span { display: inline-block; min-width: 2.2rem; text-align: center; padding: 0.2rem 0.5rem; border: 1px solid var(--line); border-radius: 4px; }
.pagination [aria-current="page"] { background: var(--accent); color: #fff; border-color: var(--accent); }

.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
meter { width: 5rem; }
.method { display: inline-block; min-width: 4.5rem; font-family: ui-monospace, monospace; font-weight: 700; }
.operation { border-top: 1px solid var(--line); padding-top: 0.5rem; }
.glossary dt { font-weight: 600; margin-top: 0.75rem; }
.glossary dd { margin: 0; }
h1 dfn { font-style: normal; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0 0 0.75rem; }
@media print { .search-form, .site-nav, .filter, .pagination { display: none !important; } }
`;

/**
 * The site's one stylesheet: the guide styles plus the chrome and the list pages. The lead
 * serves it at `stylesheetPath`.
 */
export const siteCss: string = guideCss + siteOnlyCss;

/** A short hash of the stylesheet, so its URL changes whenever it does and can be cached forever. */
const fnv1a = (text: string): string => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
};

export const stylesheetPath = '/static/rolebook.css';
export const stylesheetHref = `${stylesheetPath}?v=${fnv1a(siteCss)}`;
