import { describe, expect, it } from 'vitest';
import { html } from '../../guides/index.js';
import { layout } from './layout.js';
import { stylesheetHref } from './site.styles.js';
import { flat } from './views.fixture.js';

describe('layout', () => {
  const page = layout(
    { title: 'Glossary', section: 'glossary', query: '"><script>x</script>' },
    html`<h1>Glossary</h1>`,
  );

  it('is a complete HTML document', () => {
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(flat(page)).toContain(flat('<title>Glossary · Rolebook</title>'));
    expect(page.trimEnd()).toMatch(/<\/html>$/);
  });

  it('has a header with the site name, a nav and a footer', () => {
    expect(flat(page)).toContain(flat('<a class="brand" href="/">Rolebook</a>'));
    expect(flat(page)).toContain(flat('<nav class="site-nav" aria-label="Main">'));
    expect(flat(page)).toContain(flat('<footer class="site-footer">'));
  });

  it('links the account page from the header and the footer, whoever reads', () => {
    expect(flat(page)).toContain(flat('<a href="/account">Account</a>'));
    expect(flat(page)).toContain(flat('<a href="/account">Account and sign-in</a>'));
  });

  it('has a search form that GETs /search?q=', () => {
    expect(flat(page)).toContain(
      flat('<form class="search-form" role="search" method="get" action="/search">'),
    );
    expect(page).toContain('name="q"');
  });

  it('keeps the query in the search box, escaped', () => {
    expect(page).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(flat(page)).not.toContain(flat('<script>x'));
  });

  it('marks the current section in the nav', () => {
    expect(flat(page)).toContain(flat('<a href="/terms" aria-current="page">Glossary</a>'));
    expect(page.match(/aria-current/g)).toHaveLength(1);
  });

  it('links the one stylesheet, versioned', () => {
    expect(flat(page)).toContain(flat(`<link rel="stylesheet" href="${stylesheetHref}">`));
    expect(stylesheetHref).toMatch(/^\/static\/rolebook\.css\?v=[0-9a-z]+$/);
  });

  it('offers a skip link to the main content', () => {
    expect(flat(page)).toContain(flat('<a class="skip-link" href="#main">'));
    expect(flat(page)).toContain(flat('<main id="main"'));
  });

  it('can keep a page out of search engines', () => {
    expect(flat(layout({ title: 'x', noindex: true }, html``))).toContain(
      flat('<meta name="robots" content="noindex">'),
    );
    expect(page).not.toContain('noindex');
  });
});
