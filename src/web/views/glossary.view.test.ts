import { describe, expect, it } from 'vitest';
import { glossaryView } from './glossary.view.js';
import { flat } from './views.fixture.js';

describe('glossaryView', () => {
  const page = glossaryView({
    terms: [
      { slug: 'postgresql', name: 'PostgreSQL', category: 'database', definition: 'A database.' },
      {
        slug: 'api',
        name: 'Application Programming Interface',
        abbreviations: ['API'],
        category: 'concept',
      },
      { slug: 'mysql', name: 'MySQL', category: 'database' },
    ],
  });

  it('groups terms by category in the domain order', () => {
    expect(page.indexOf('<h2 id="category-concept-heading">Concepts</h2>')).toBeGreaterThan(0);
    expect(page.indexOf('Concepts</h2>')).toBeLessThan(page.indexOf('Databases</h2>'));
  });

  it('sorts terms by name within a category', () => {
    expect(page.indexOf('>MySQL<')).toBeLessThan(page.indexOf('>PostgreSQL<'));
  });

  it('links each term to its page and shows abbreviations', () => {
    expect(flat(page)).toContain(
      flat(
        '<a href="/terms/api">Application Programming Interface</a> <span class="meta">(API)</span>',
      ),
    );
  });

  it('offers a jump list of categories', () => {
    expect(flat(page)).toContain(flat('<a href="#category-database">Databases</a>'));
  });
});
