import { describe, expect, it } from 'vitest';
import { searchView } from './search.view.js';
import { flat } from './views.fixture.js';

describe('searchView', () => {
  it('lists matching roles and terms', () => {
    const page = searchView({
      query: 'backend',
      roles: [{ taxonomy: 'rolebook', code: 'backend-developer', name: 'Backend Developer' }],
      terms: [{ slug: 'api', name: 'API', definition: 'A way for programs to talk.' }],
    });
    expect(flat(page)).toContain(flat('<a href="/roles/backend-developer">Backend Developer</a>'));
    expect(flat(page)).toContain(flat('<a href="/terms/api">API</a>'));
    expect(page).toContain('1 role and 1 term');
  });

  it('keeps the query in the search box', () => {
    expect(searchView({ query: 'backend', roles: [], terms: [] })).toContain('value="backend"');
  });

  it('offers the normalizer when nothing matches', () => {
    expect(searchView({ query: 'Sr Eng II', roles: [], terms: [] })).toContain(
      'href="/normalize?title=Sr+Eng+II"',
    );
  });

  it('prompts for a query when none was given', () => {
    const page = searchView({ query: '  ', roles: [], terms: [] });
    expect(page).toContain('Type a role, a job title or a term');
    expect(flat(page)).not.toContain(flat('<h2'));
  });

  it('escapes the query everywhere it appears', () => {
    const page = searchView({ query: '<script>alert(1)</script>', roles: [], terms: [] });
    expect(flat(page)).not.toContain(flat('<script>alert'));
  });
});
