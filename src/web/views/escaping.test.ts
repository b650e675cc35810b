import { describe, expect, it } from 'vitest';
import { apiDocsView } from './api-docs.view.js';
import { errorView } from './error.view.js';
import { glossaryView } from './glossary.view.js';
import { homeView } from './home.view.js';
import { normalizeView } from './normalize.view.js';
import { roleListView } from './role-list.view.js';
import { searchView } from './search.view.js';
import { termView } from './term.view.js';
import { flat } from './views.fixture.js';

const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'';
const role = { taxonomy: 'x"><script>', code: evil, name: evil, summary: evil, taxonomyName: evil };
const term = { slug: evil, name: evil, abbreviations: [evil], definition: evil, category: evil };

/** Every view, with every text it shows coming from an attacker. */
const pages: Record<string, string> = {
  home: homeView({
    taxonomies: [{ id: evil, name: evil, description: evil, roleCount: 1 }],
    featured: [role],
    termCount: 1,
  }),
  roles: roleListView({
    roles: [role],
    page: 1,
    pageSize: 1,
    total: 3,
    taxonomy: evil,
    taxonomies: [{ id: evil, name: evil }],
  }),
  search: searchView({ query: evil, roles: [role], terms: [term] }),
  term: termView({
    term: { ...term, aliases: [evil] },
    examples: [term],
    exampleOf: [term],
    roles: [role],
    baseUrl: evil,
  }),
  glossary: glossaryView({ terms: [term] }),
  error: errorView({ status: 404, message: evil, requestId: evil }),
  normalize: normalizeView({
    title: evil,
    matches: [{ taxonomy: evil, code: evil, name: evil, score: 0.5, matchedTitle: evil }],
    modifiers: { [evil]: evil, seniority: [evil] },
    taxonomy: evil,
    taxonomies: [{ id: evil, name: evil }],
  }),
  apiDocs: apiDocsView({
    document: {
      info: { title: evil, version: evil, description: evil },
      paths: {
        [evil]: {
          get: {
            tags: [evil],
            summary: evil,
            description: evil,
            parameters: [{ name: evil, in: evil, description: evil }],
            responses: { [evil]: { description: evil } },
          },
        },
      },
    },
  }),
};

describe('every view, given attacker-controlled text', () => {
  for (const [name, page] of Object.entries(pages)) {
    it(`${name}: runs no script from the data`, () => {
      const scripts = page.match(/<script[^>]*>/g) ?? [];
      // The only scripts are the JSON-LD block and the site's own files, never one from the data.
      const ours = /^<script src="\/scripts\/[a-z-]+\.js\?v=\w+" defer>$/;
      expect(
        scripts.every((s) => s === '<script type="application/ld+json">' || ours.test(s)),
      ).toBe(true);
      const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)?.[1];
      if (jsonLd !== undefined) expect(flat(jsonLd)).not.toContain(flat('<'));
    });

    it(`${name}: adds no element from the data`, () => {
      expect(page).not.toMatch(/<img/i);
      expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    });
  }
});
