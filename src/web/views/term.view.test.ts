import { describe, expect, it } from 'vitest';
import { termView, type TermViewData } from './term.view.js';
import { flat } from './views.fixture.js';

const data: TermViewData = {
  term: {
    slug: 'dbms',
    name: 'Database Management System',
    abbreviations: ['DBMS'],
    aliases: ['database engine'],
    definition: 'Software that stores data and answers questions about it.',
    category: 'database',
  },
  examples: [{ slug: 'mysql', name: 'MySQL' }],
  exampleOf: [],
  roles: [{ taxonomy: 'rolebook', code: 'backend-developer', name: 'Backend Developer' }],
  baseUrl: 'https://rolebook.example',
};

describe('termView', () => {
  const page = termView(data);

  it('shows the name, abbreviation and definition', () => {
    expect(flat(page)).toContain(flat('<dfn>Database Management System</dfn>'));
    expect(flat(page)).toContain(flat('<abbr title="Database Management System">DBMS</abbr>'));
    expect(flat(page)).toContain(
      flat('<p class="lead">Software that stores data and answers questions about it.</p>'),
    );
  });

  it('shows other names', () => {
    expect(flat(page)).toContain(flat('<dt>Also called</dt><dd>database engine</dd>'));
  });

  it('links its examples to their term pages', () => {
    expect(flat(page)).toContain(flat('<a href="/terms/mysql">MySQL</a>'));
  });

  it('lists the roles that use it', () => {
    expect(page).toContain('Roles that use it');
    expect(flat(page)).toContain(flat('<a href="/roles/backend-developer">Backend Developer</a>'));
  });

  it('leaves out what it does not have', () => {
    expect(page).not.toContain('An example of');
    const bare = termView({
      ...data,
      examples: [],
      roles: [],
      term: { ...data.term, aliases: [] },
    });
    expect(bare).not.toContain('Also called');
    expect(bare).not.toContain('Roles that use it');
  });

  it('embeds a schema.org DefinedTerm', () => {
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]!;
    expect(JSON.parse(json)).toMatchObject({
      '@type': 'DefinedTerm',
      name: 'Database Management System',
      url: 'https://rolebook.example/terms/dbms',
    });
  });

  it('leads back to its category in the glossary', () => {
    expect(flat(page)).toContain(flat('<a href="/terms#category-database">Databases</a>'));
  });
});
