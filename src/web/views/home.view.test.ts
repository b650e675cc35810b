import { describe, expect, it } from 'vitest';
import { homeView } from './home.view.js';
import { flat } from './views.fixture.js';

describe('homeView', () => {
  const page = homeView({
    taxonomies: [
      { id: 'rolebook', name: 'Rolebook library', roleCount: 12 },
      { id: 'onet', name: 'O*NET 29.0', roleCount: 1016, description: 'US occupations.' },
    ],
    featured: [
      {
        taxonomy: 'rolebook',
        code: 'backend-developer',
        name: 'Backend Developer',
        summary: 'Builds the server side. More.',
      },
    ],
    termCount: 84,
  });

  it('says what Rolebook is', () => {
    expect(flat(page)).toContain(flat('<h1>Rolebook</h1>'));
    expect(page).toContain('guides to technical roles for recruiters');
  });

  it('lists the taxonomies with their role counts, linked to their roles', () => {
    expect(flat(page)).toContain(
      flat('<a href="/roles?taxonomy=onet">O*NET 29.0</a> <span class="meta">1,016 roles</span>'),
    );
    expect(page).toContain('12 roles');
  });

  it('features roles with a short summary', () => {
    expect(flat(page)).toContain(
      flat(
        '<a href="/roles/backend-developer">Backend Developer</a><p>Builds the server side.</p>',
      ),
    );
  });

  it('counts the glossary', () => {
    expect(page).toContain('84 terms');
  });

  it('leaves out the featured section when there is nothing to feature', () => {
    expect(homeView({ taxonomies: [], featured: [], termCount: 0 })).not.toContain(
      'Featured roles',
    );
  });
});
