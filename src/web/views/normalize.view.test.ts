import { describe, expect, it } from 'vitest';
import { normalizeView } from './normalize.view.js';
import { flat } from './views.fixture.js';

describe('normalizeView', () => {
  it('shows a GET form to /normalize with a title field', () => {
    const page = normalizeView({});
    expect(flat(page)).toContain(flat('<form class="filter" method="get" action="/normalize">'));
    expect(page).toContain('name="title"');
    expect(flat(page)).not.toContain(flat('<table'));
  });

  it('ranks the matches with their scores', () => {
    const page = normalizeView({
      title: 'Sr. Backend Eng (Remote)',
      matches: [
        {
          taxonomy: 'rolebook',
          code: 'backend-developer',
          name: 'Backend Developer',
          score: 0.934,
          matchedTitle: 'Backend Engineer',
        },
        { taxonomy: 'onet', code: '15-1252.00', name: 'Software Developers', score: 0.61 },
      ],
    });
    expect(flat(page)).toContain(flat('<a href="/roles/backend-developer">Backend Developer</a>'));
    expect(flat(page)).toContain(flat('<a href="/roles/onet/15-1252.00">Software Developers</a>'));
    expect(page).toContain('93%');
    expect(flat(page)).toContain(flat('<td data-label="Matched title">Backend Engineer</td>'));
    expect(page).toContain('value="Sr. Backend Eng (Remote)"');
  });

  it('says a role reached through a technology was reached through what its guide lists', () => {
    const page = normalizeView({
      title: 'Splunk Engineer',
      matches: [
        {
          taxonomy: 'rolebook',
          code: 'security-engineer',
          name: 'Security Engineer',
          score: 0.6,
          matchedTechnology: 'Splunk',
        },
      ],
    });
    expect(flat(page)).toContain(
      flat(
        `<td data-label="Matched title">Splunk <span class="meta">(a technology this role's guide lists)</span></td>`,
      ),
    );
  });

  it('shows what was parsed off the title, leaving out empty fields', () => {
    const page = normalizeView({
      title: 'Sr. Backend Eng (Remote)',
      matches: [],
      modifiers: {
        seniority: 'senior',
        workMode: 'remote',
        location: null,
        noise: ['REQ-1234'],
        extraThing: 'x',
      },
    });
    expect(flat(page)).toContain(flat('<dt>Seniority</dt><dd>senior</dd>'));
    expect(flat(page)).toContain(flat('<dt>Work mode</dt><dd>remote</dd>'));
    expect(flat(page)).toContain(flat('<dt>Removed as noise</dt><dd>REQ-1234</dd>'));
    expect(flat(page)).toContain(flat('<dt>Extra thing</dt><dd>x</dd>'));
    expect(page).not.toContain('Location');
  });

  it('says when nothing matched confidently', () => {
    expect(normalizeView({ title: 'Wizard', matches: [] })).toContain('No confident match');
  });

  it('escapes the title', () => {
    expect(flat(normalizeView({ title: '<script>alert(1)</script>', matches: [] }))).not.toContain(
      flat('<script>alert'),
    );
  });
});
