/**
 * Styles of a guide page: readable on a phone, a desktop and paper. A string literal, so the
 * standalone page can inline it with `raw` and the site can serve it inside its stylesheet.
 */
export const guideCss = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #4d5661; --line: #d6dbe1; --accent: #0b5cad; --tint: #f3f6f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; overflow-wrap: break-word; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
.page { max-width: 52rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
.guide-header { border-bottom: 1px solid var(--line); margin-bottom: 1.5rem; }
.kicker { margin: 0; color: var(--muted); font-size: 0.95rem; text-transform: uppercase; letter-spacing: 0.06em; }
.guide h1 { font-size: clamp(1.8rem, 5vw, 2.6rem); line-height: 1.15; margin: 0.25rem 0 0.75rem; }
.guide h2 { font-size: 1.4rem; line-height: 1.3; margin: 2.25rem 0 0.75rem; }
.guide h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
.lead { font-size: 1.15rem; color: var(--muted); }
.notice { border-inline-start: 4px solid #b7791f; background: #fdf6e3; padding: 0.5rem 0.75rem; }
.toc { background: var(--tint); border-radius: 6px; padding: 0.75rem 1rem; }
.toc h2 { font-size: 1rem; margin: 0 0 0.25rem; }
.toc ol { margin: 0; padding-inline-start: 1.25rem; columns: 2 16rem; }
.aka { color: var(--muted); }
.points dt, .terms dt { font-weight: 600; }
.points dd, .terms dd { margin: 0 0 1rem; }
.terms dfn { font-style: normal; }
.terms .term { border-top: 1px solid var(--line); padding-top: 0.75rem; }
.terms dd p { margin: 0.25rem 0; }
.examples { color: var(--muted); }
.tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem; }
.tags li { border: 1px solid var(--line); border-radius: 999px; padding: 0.1rem 0.7rem; }
.badge { font-size: 0.8rem; background: #e6f0fa; color: #08457f; border-radius: 4px; padding: 0 0.35rem; }
.tech-groups { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 0 1.5rem; }
.crosswalk div { display: flex; gap: 0 0.75rem; flex-wrap: wrap; margin-bottom: 0.4rem; }
.crosswalk dt { font-weight: 600; min-width: 8rem; }
.crosswalk dd { margin: 0; flex: 1 1 18rem; min-width: 0; overflow-wrap: anywhere; }
.guide-footer { margin-top: 3rem; border-top: 1px solid var(--line); padding-top: 1rem; color: var(--muted); font-size: 0.95rem; }
@media print {
  body { font-size: 11pt; color: #000; }
  .toc, .site-header, .site-footer, .skip-link, form { display: none !important; }
  .page { max-width: none; padding: 0; }
  a { color: #000; text-decoration: none; }
  .guide a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; word-break: break-all; }
  .guide h2, .guide h3 { break-after: avoid; }
  .terms .term, .points dd, li { break-inside: avoid; }
  .tags li { border: none; padding: 0; }
  .tags li:not(:last-child)::after { content: ","; }
}
` as const;
