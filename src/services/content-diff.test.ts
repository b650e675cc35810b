import { describe, expect, it } from 'vitest';
import { diffContent } from './content-diff.js';

describe('diffContent', () => {
  it('leaves out the fields that did not change', () => {
    expect(diffContent({ name: 'A', summary: 'S' }, { name: 'A', summary: 'T' })).toEqual([
      { field: 'summary', before: ['S'], after: ['T'], removed: ['S'], added: ['T'] },
    ]);
  });

  it('shows a list by the items it lost and gained', () => {
    const [change] = diffContent({ terms: ['api', 'rest'] }, { terms: ['api', 'sql'] });
    expect(change).toMatchObject({ removed: ['rest'], added: ['sql'] });
  });

  it('writes points, links, skills and role references as readable lines', () => {
    const [benefits, links, skills, related] = diffContent(
      { benefits: [], links: [], skills: [], relatedRoles: [] },
      {
        benefits: [{ title: 'Speed', text: 'Ships sooner.' }],
        links: [{ title: 'Docs', url: 'https://example.com/' }],
        skills: [{ name: 'SQL', importance: 'essential' }],
        relatedRoles: [{ taxonomy: 'onet', code: '15-1252.00' }],
      },
    );
    expect([benefits, links, skills, related].map((c) => c?.added)).toEqual([
      ['Speed: Ships sooner.'],
      ['Docs | https://example.com/'],
      ['SQL (essential)'],
      ['onet/15-1252.00'],
    ]);
  });

  it('reads a side that does not exist, before a create, as empty', () => {
    expect(diffContent(null, { name: 'New' })).toEqual([
      { field: 'name', before: [], after: ['New'], removed: [], added: ['New'] },
    ]);
  });

  it('says a list only reordered gained and lost nothing', () => {
    const [change] = diffContent({ terms: ['a', 'b'] }, { terms: ['b', 'a'] });
    expect(change).toMatchObject({ removed: [], added: [] });
  });
});
