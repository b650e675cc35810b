import type { LintableRole } from './lint-finding.js';

/** A complete, clean role of the built-in library; tests change one thing at a time. */
export const cleanRole = (overrides: Partial<LintableRole> = {}): LintableRole => ({
  taxonomy: 'rolebook',
  code: 'data-analyst',
  name: 'Data Analyst',
  summary: 'A data analyst turns raw figures into answers a business can act on.',
  alternativeTitles: ['Business Data Analyst', 'Reporting Analyst'],
  responsibilities: ['Builds the reports that managers read every week.'],
  benefits: [{ title: 'Decisions', text: 'Choices rest on figures instead of hunches.' }],
  signs: [{ title: 'Nobody trusts the numbers', text: 'Two reports give two answers.' }],
  terms: ['sql'],
  skills: [{ name: 'Querying databases' }],
  technologies: [{ name: 'PostgreSQL', category: 'Database' }],
  relatedRoles: [{ taxonomy: 'rolebook', code: 'data-engineer' }],
  links: [
    { title: 'Wikipedia – Data analysis', url: 'https://en.wikipedia.org/wiki/Data_analysis' },
  ],
  crosswalk: [],
  status: 'published',
  ...overrides,
});
