import { describe, expect, it } from 'vitest';
import { emptyRoleContent, type RoleContent } from '../domain/index.js';
import { roleFormValues, roleFromForm, termFormValues, termFromForm } from './editor-form.js';

const role: RoleContent = {
  ...emptyRoleContent('Data Engineer'),
  summary: 'Builds the pipelines.',
  alternativeTitles: ['Pipeline Engineer', 'ETL Developer'],
  responsibilities: ['Moves data where it is needed.'],
  benefits: [{ title: 'Fresh numbers', text: 'Reports use today’s data.' }],
  signs: [{ title: 'Stale dashboards', text: 'Figures lag by a week.' }],
  terms: ['sql', 'api'],
  skills: [{ name: 'SQL', importance: 'essential' }, { name: 'Python' }],
  technologies: [{ name: 'Airflow', category: 'Scheduler', hot: true }],
  relatedRoles: [
    { taxonomy: 'rolebook', code: 'query-writer' },
    { taxonomy: 'onet', code: '15-1243.00' },
  ],
  links: [{ title: 'Pipelines | a primer', url: 'https://example.com/a?b=c:d' }],
  status: 'published',
};

describe('the role form', () => {
  it('gives back the content it was filled from', () => {
    const values = roleFormValues(role, 'rolebook');
    expect(roleFromForm({ ...values }, role, 'rolebook')).toEqual(role);
  });

  it('keeps what it does not show from the content edited', () => {
    const values = roleFormValues(role, 'rolebook');
    const content = roleFromForm({ ...values, name: 'Data Plumber' }, role, 'rolebook');
    expect(content.technologies).toEqual(role.technologies);
    expect(content.status).toBe('published');
  });

  it('reads blank lines and spaces around items as nothing', () => {
    const values = {
      ...roleFormValues(role, 'rolebook'),
      alternativeTitles: '\n  One \r\n\n Two\n',
    };
    expect(roleFromForm(values, role, 'rolebook').alternativeTitles).toEqual(['One', 'Two']);
  });

  it('refuses a point without its text, naming the field and item', () => {
    const values = { ...roleFormValues(role, 'rolebook'), benefits: 'No colon here' };
    expect(() => roleFromForm(values, role, 'rolebook')).toThrow(/benefits\.0\.text/);
  });
});

describe('the term form', () => {
  it('gives back the content it was filled from', () => {
    const term = {
      name: 'Continuous integration',
      abbreviations: ['CI'],
      aliases: ['Continuous integration and delivery'],
      definition: 'Merging and testing every change as it lands.',
      examples: ['api'],
      category: 'practice' as const,
      caseSensitive: true,
      needsContext: ['CI'],
    };
    const values = termFormValues(term);
    expect(
      termFromForm({ ...values, caseSensitive: values.caseSensitive ? 'yes' : undefined }),
    ).toEqual(term);
  });
});
