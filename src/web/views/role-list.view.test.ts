import { describe, expect, it } from 'vitest';
import { roleListView } from './role-list.view.js';
import { flat } from './views.fixture.js';

const roles = Array.from({ length: 3 }, (_, i) => ({
  taxonomy: 'onet',
  taxonomyName: 'O*NET',
  code: `15-125${i}.00`,
  name: `Role ${i}`,
  summary: `Summary ${i}.`,
}));
const taxonomies = [
  { id: 'rolebook', name: 'Rolebook library', roleCount: 12 },
  { id: 'onet', name: 'O*NET', roleCount: 1016 },
];

describe('roleListView', () => {
  const page = roleListView({
    roles,
    page: 2,
    pageSize: 3,
    total: 10,
    taxonomy: 'onet',
    taxonomies,
  });

  it('links each role to its guide', () => {
    expect(flat(page)).toContain(flat('<a href="/roles/onet/15-1250.00">Role 0</a>'));
  });

  it('numbers the list from the first role of the page', () => {
    expect(flat(page)).toContain(flat('<ol class="results" start="4">'));
  });

  it('keeps the taxonomy filter in the page links', () => {
    expect(page).toContain('href="/roles?taxonomy=onet&amp;page=3" rel="next"');
    expect(page).toContain('href="/roles?taxonomy=onet" rel="prev"');
  });

  it('offers a taxonomy filter with the current one selected', () => {
    expect(flat(page)).toContain(flat('<form class="filter" method="get" action="/roles">'));
    expect(flat(page)).toContain(flat('<option value="onet" selected>O*NET (1016)</option>'));
  });

  it('titles the page by the taxonomy', () => {
    expect(flat(page)).toContain(flat('<h1>Roles in O*NET</h1>'));
  });

  it('says so when there are no roles', () => {
    const empty = roleListView({ roles: [], page: 1, pageSize: 50, total: 0, taxonomies });
    expect(empty).toContain('No roles here yet.');
    expect(empty).not.toContain('class="pagination"');
  });
});
