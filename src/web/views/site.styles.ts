import { guideCss } from '../../guides/index.js';

const siteOnlyCss = `
:root { color-scheme: light dark; --bg: #fff; --on-accent: #fff; --focus: #b34700; --mark: #fff1a8; --flag: #fdecea; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e6e9ed; --muted: #aeb7c1; --line: #3d4651; --accent: #8cc0ff; --tint: #1b2027; --bg: #121519; --on-accent: #0d1117; --focus: #ffb454; --mark: #4d4100; --flag: #3d1f1c; }
  .notice { background: #2e2611; }
  .badge { background: #17314f; color: #d6e7fb; }
}
body { background: var(--bg); }
:focus-visible, a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--bg); padding: 0.5rem 1rem; z-index: 1; }
.skip-link:focus { left: 0.5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.site-header { border-bottom: 1px solid var(--line); background: var(--tint); }
.site-header .bar { max-width: 64rem; margin: 0 auto; padding: 0.6rem 1.25rem; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; }
.brand { font-weight: 700; font-size: 1.25rem; color: var(--ink); text-decoration: none; }
.site-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0; padding: 0; }
.site-nav a[aria-current="page"] { font-weight: 700; text-decoration: none; color: var(--ink); }
.search-form { display: flex; gap: 0.4rem; margin-left: auto; }
input, select, button, textarea { font: inherit; padding: 0.35rem 0.6rem; border: 1px solid #8a94a0; border-radius: 4px; background: var(--bg); color: var(--ink); max-width: 100%; }
input[type="search"], input[type="text"] { min-width: 0; width: 16rem; max-width: 100%; }
button { background: var(--accent); color: var(--on-accent); border-color: var(--accent); cursor: pointer; }
textarea { width: 100%; }
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
.filter > * { min-width: 0; max-width: 100%; }
.pagination ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.35rem; }
.pagination a, .pagination span { display: inline-block; min-width: 2.2rem; text-align: center; padding: 0.2rem 0.5rem; border: 1px solid var(--line); border-radius: 4px; }
.pagination [aria-current="page"] { background: var(--accent); color: var(--on-accent); border-color: var(--accent); }

.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
meter { width: 5rem; }
.operation code { overflow-wrap: anywhere; }
.method { display: inline-block; min-width: 4.5rem; font-family: ui-monospace, monospace; font-weight: 700; }
.operation { border-top: 1px solid var(--line); padding-top: 0.5rem; }
.glossary dt { font-weight: 600; margin-top: 0.75rem; }
.glossary dd { margin: 0; }
h1 dfn { font-style: normal; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0 0 0.75rem; }

.stack { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.4rem; justify-items: start; margin: 1rem 0 2rem; }
.stack textarea { justify-self: stretch; }
form.inline { display: inline-flex; flex-wrap: wrap; gap: 0.25rem; align-items: center; margin: 0 0.4rem 0.25rem 0; }
.buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.form-error { border-left: 4px solid #c0392b; background: var(--flag); padding: 0.5rem 0.75rem; margin: 1rem 0; }
.form-done { border-left: 4px solid #2e7d32; padding: 0.5rem 0.75rem; margin: 1rem 0; }
.secret { overflow-wrap: anywhere; user-select: all; }
.field-problem { margin: 0; border-left: 4px solid #c0392b; background: var(--flag); padding: 0.2rem 0.5rem; }
[aria-invalid="true"] { border-color: #c0392b; }
.two-columns, .compare-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 0 2rem; }
.more { margin: 0.5rem 0 1rem; }
.more summary { cursor: pointer; color: var(--accent); padding: 0.4rem 0; }
.az ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem; }
.az a { display: inline-block; min-width: 2.2rem; min-height: 2.2rem; line-height: 2.2rem; text-align: center; border: 1px solid var(--line); border-radius: 4px; }
.az [aria-current="page"] { background: var(--accent); color: var(--on-accent); }
.checks { list-style: none; padding: 0; }
.diagnosis h3 { margin: 0; }
.jd-text { position: relative; overflow-wrap: anywhere; border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem 1rem; }
mark.term { background: var(--mark); color: inherit; border-bottom: 2px dotted currentColor; cursor: help; }
mark.term .tip { display: none; position: absolute; left: 0.5rem; right: 0.5rem; margin-top: 0.3rem; z-index: 2; white-space: normal; background: var(--bg); color: var(--ink); border: 1px solid var(--ink); border-radius: 6px; padding: 0.5rem 0.75rem; box-shadow: 0 4px 12px rgb(0 0 0 / 25%); }
mark.term:hover .tip, mark.term:focus .tip { display: block; }
tr.flagged { background: var(--flag); }
.diff-lines { margin: 0; padding-left: 1.1rem; }
ol.revisions { list-style: none; padding: 0; }
.editor p.meta { margin: 0; }
.suggest-host { position: relative; }
.suggestions { position: absolute; top: 100%; left: 0; right: 0; z-index: 3; margin: 0.2rem 0 0; padding: 0.2rem 0; list-style: none; min-width: 16rem; background: var(--bg); color: var(--ink); border: 1px solid var(--ink); border-radius: 4px; box-shadow: 0 4px 12px rgb(0 0 0 / 25%); }
.suggestions li { padding: 0.3rem 0.6rem; cursor: pointer; }
.suggestions [aria-selected="true"], .suggestions li:hover { background: var(--accent); color: var(--on-accent); }
.suggestions [aria-selected="true"] .meta, .suggestions li:hover .meta { color: inherit; }
@media (max-width: 40rem) {
  .stack-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .stack-table tr { display: block; border-bottom: 2px solid var(--line); padding: 0.4rem 0; }
  .stack-table td { display: grid; grid-template-columns: 7rem minmax(0, 1fr); gap: 0.5rem; border: 0; padding: 0.15rem 0.25rem; overflow-wrap: anywhere; }
  .stack-table td::before { content: attr(data-label); font-weight: 600; }
  input[type="search"], input[type="text"] { width: 100%; }
  .search-form { margin-left: 0; width: 100%; }
  .search-form input { flex: 1; }
}
@media print { .search-form, .site-nav, .filter, .pagination, form.stack, .guide-formats { display: none !important; } }
`;

/**
 * The site's one stylesheet: the guide styles plus the chrome and the list pages. The lead
 * serves it at `stylesheetPath`.
 */
export const siteCss: string = guideCss + siteOnlyCss;

/** A short hash of the stylesheet, so its URL changes whenever it does and can be cached forever. */
export const fnv1a = (text: string): string => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
};

export const stylesheetPath = '/static/rolebook.css';
export const stylesheetHref = `${stylesheetPath}?v=${fnv1a(siteCss)}`;
