import { describe, expect, it } from 'vitest';
import { presentGuide } from '../../guides/index.js';
import { backendGuideInput } from '../../guides/guide.fixture.js';
import { guidePageView } from './guide-page.view.js';
import { flat } from './views.fixture.js';

describe('guidePageView', () => {
  const page = guidePageView(presentGuide(backendGuideInput()), () => undefined);

  it('puts the guide inside the site layout', () => {
    expect(flat(page)).toContain(flat('<form class="search-form"'));
    expect(flat(page)).toContain(flat('<article class="guide"'));
    expect(flat(page)).toContain(
      flat('<title>Backend Developer: a guide for recruiters · Rolebook</title>'),
    );
  });

  it('carries the Occupation JSON-LD and the canonical URL in the head', () => {
    const head = page.slice(0, page.indexOf('</head>'));
    expect(flat(head)).toContain(flat('<script type="application/ld+json">'));
    expect(flat(head)).toContain(
      flat('<link rel="canonical" href="https://rolebook.example/roles/backend-developer">'),
    );
  });

  it('offers the guide as Markdown, JSON and JSON-LD files to save, named for the role', () => {
    const body = page.slice(page.indexOf('<body'));
    for (const [format, label] of [
      ['md', 'Markdown'],
      ['json', 'JSON'],
      ['jsonld', 'JSON-LD'],
    ]) {
      expect(flat(body)).toMatch(
        new RegExp(
          `<a href="/v1/roles/rolebook/backend-developer/guide\\?format=${format}" download="backend-developer\\.${format}"\\s*>${label}</a`,
        ),
      );
    }
  });

  it('leaves no placeholder', () => {
    expect(page).not.toMatch(/\{[a-z_ ]+\}/);
  });
});
