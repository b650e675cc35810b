import { describe, expect, it } from 'vitest';
import { makeTerm } from '../../test/fixtures/analysis/factories.js';
import { miniRoles, miniTerms } from '../../test/fixtures/analysis/mini-library.js';
import { linkGlossary, readGuides, roleProfiles } from './role-profiles.js';
import { TermSpotter } from './term-spotter.js';

const glossary = {
  spotter: TermSpotter.build(miniTerms),
  terms: new Map(miniTerms.map((t) => [t.slug, t])),
};

describe('roleProfiles', () => {
  it('links a role to its own terms, its technologies and the examples of its terms', () => {
    const backend = roleProfiles(miniRoles, glossary).profiles.find(
      (p) => p.role.code === 'backend-developer',
    )!;
    expect(backend.terms.get('api')).toEqual({ weight: 1, via: 'a term of this role' });
    expect(backend.terms.get('go')).toEqual({ weight: 0.8, via: 'a technology of this role' });
    expect(backend.terms.get('postgresql')).toEqual({
      weight: 0.6,
      via: 'an example of Database Management System',
    });
  });

  it('reads each sign, reason to hire and responsibility as its own document', () => {
    const frontend = roleProfiles(miniRoles).profiles.find(
      (p) => p.role.code === 'frontend-developer',
    )!;
    expect(frontend.documents.filter((d) => d.section === 'sign').map((d) => d.title)).toEqual([
      'Broken on phones',
      'Designs never match',
    ]);
  });

  it('links a new glossary to the same roles without reading their guides again', () => {
    const withoutGo = miniTerms.filter((t) => t.slug !== 'go');
    const changed = {
      spotter: TermSpotter.build(withoutGo),
      terms: new Map(withoutGo.map((t) => [t.slug, t])),
    };
    const guides = readGuides(miniRoles);
    const before = linkGlossary(guides, glossary).profiles[0]!;
    const after = linkGlossary(guides, changed).profiles[0]!;
    expect(after.documents).toBe(before.documents);
    expect(before.terms.has('go')).toBe(true);
    expect(after.terms.has('go')).toBe(false);
  });

  it('keeps each pair of words the glossary joins with a hyphen, every pair of a longer chain', () => {
    const e2e = makeTerm('e2e', 'End-to-End Testing');
    const profiles = roleProfiles(miniRoles, {
      spotter: TermSpotter.build([e2e]),
      terms: new Map([['e2e', e2e]]),
    });
    expect([...profiles.compounds]).toEqual(expect.arrayContaining(['end-to', 'to-end']));
  });
});
