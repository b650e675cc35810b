import { describe, expect, it } from 'vitest';
import type { RoleSummary } from '../domain/index.js';
import { roleListItem, shownAbbreviations } from './list-items.js';

const summary: RoleSummary = {
  taxonomy: 'onet',
  code: '15-1252.00',
  name: 'Software Developers',
  summary: 'Write programs.',
  status: 'published',
  version: 1,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('shownAbbreviations', () => {
  it('leaves out an abbreviation that is the name itself', () => {
    expect(shownAbbreviations({ name: 'API', abbreviations: ['api', 'APIs'] })).toEqual(['APIs']);
  });
});

describe('roleListItem', () => {
  it('names the taxonomy of the role when it is known', () => {
    const item = roleListItem(new Map([['onet', 'O*NET']]))(summary);
    expect(item).toMatchObject({ taxonomy: 'onet', taxonomyName: 'O*NET' });
  });

  it('leaves the taxonomy name out when it is not known', () => {
    expect(roleListItem(new Map())(summary)).not.toHaveProperty('taxonomyName');
  });
});
