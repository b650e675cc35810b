import { describe, expect, it } from 'vitest';
import { cleanRole } from './lint.fixture.js';
import { lintRole } from './role.lint.js';
import { claimTitles } from '../domain/index.js';

/** `expect.stringContaining`, typed so it can stand for a string field. */
const containing = (text: string) => expect.stringContaining(text) as string;

const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe('lintRole', () => {
  it('finds nothing wrong with a complete role', () => {
    expect(lintRole(cleanRole(), { glossary: new Set(['sql']) })).toEqual([]);
  });

  it('reports each unfilled placeholder once, naming the fields it is in', () => {
    const role = cleanRole({
      name: 'Understanding {role_name}',
      summary: 'What does a {role_name} do? {{x}}',
    });
    expect(lintRole(role)).toEqual([
      {
        rule: 'placeholder',
        severity: 'error',
        message: 'the placeholder {role_name} was never filled in (name, summary)',
        field: 'name',
        taxonomy: 'rolebook',
        code: 'data-analyst',
      },
      expect.objectContaining({
        rule: 'placeholder',
        field: 'summary',
        message: containing('{{x}}'),
      }),
    ]);
  });

  it('finds placeholders in list items too', () => {
    const role = cleanRole({ signs: [{ title: 'Slow', text: 'Your ${product} is slow.' }] });
    expect(lintRole(role)).toEqual([
      expect.objectContaining({ rule: 'placeholder', field: 'signs.0.text' }),
    ]);
  });

  it('reports a blank item as an empty section rather than a missing one', () => {
    const role = cleanRole({ responsibilities: ['  '] });
    expect(lintRole(role)).toEqual([
      expect.objectContaining({ rule: 'empty-section', field: 'responsibilities.0' }),
    ]);
  });

  it('reports a heading in the summary with nothing under it', () => {
    const role = cleanRole({ summary: 'Intro.\n\n## Background\n\n## Day to day\n\nMeetings.' });
    expect(lintRole(role)).toEqual([
      expect.objectContaining({
        rule: 'empty-section',
        message: containing('"Background"'),
      }),
    ]);
  });

  it('reports missing sections of a published library role as errors', () => {
    const findings = lintRole(cleanRole({ signs: [], links: [] }));
    expect(findings.map((f) => [f.rule, f.severity, f.field])).toEqual([
      ['missing-section', 'error', 'signs'],
      ['missing-section', 'error', 'links'],
    ]);
  });

  it('reports missing sections of a draft as warnings', () => {
    expect(lintRole(cleanRole({ status: 'draft', summary: '' }))).toEqual([
      expect.objectContaining({ rule: 'missing-section', severity: 'warning', field: 'summary' }),
    ]);
  });

  it('tells a draft that publishing needs the sections it lacks', () => {
    expect(lintRole(cleanRole({ status: 'draft', links: [] }))).toEqual([
      expect.objectContaining({
        field: 'links',
        message: 'the links section is missing; publishing needs it',
      }),
    ]);
  });

  it('does not ask an imported role for sections its source lacks', () => {
    const role = cleanRole({
      taxonomy: 'onet',
      code: '15-2051.00',
      benefits: [],
      signs: [],
      terms: [],
    });
    expect(lintRole(role)).toEqual([]);
  });

  it('checks only the sections it is told to require', () => {
    const role = cleanRole({ skills: [], links: [] });
    expect(rules(lintRole(role, { requiredSections: ['skills'] }))).toEqual(['missing-section']);
  });

  it('reports an alternative title another role of the taxonomy claims', () => {
    const other = cleanRole({
      code: 'report-writer',
      name: 'Reporting Analyst',
      alternativeTitles: [],
    });
    const role = cleanRole();
    expect(lintRole(role, { titleClaims: claimTitles([role, other]) })).toEqual([
      {
        rule: 'duplicate-title',
        severity: 'error',
        message: '"Reporting Analyst" is also claimed by report-writer',
        field: 'alternativeTitles.1',
        taxonomy: 'rolebook',
        code: 'data-analyst',
      },
    ]);
  });

  it('compares titles without regard to case, accents or punctuation', () => {
    const other = cleanRole({
      code: 'other',
      name: 'Other',
      alternativeTitles: ['business-data ANALYST'],
    });
    const role = cleanRole();
    expect(rules(lintRole(role, { titleClaims: claimTitles([role, other]) }))).toEqual([
      'duplicate-title',
    ]);
  });

  it('lets roles of different taxonomies share a title', () => {
    const onet = cleanRole({
      taxonomy: 'onet',
      code: '15-2051.01',
      alternativeTitles: ['Reporting Analyst'],
    });
    const role = cleanRole();
    expect(lintRole(role, { titleClaims: claimTitles([role, onet]) })).toEqual([]);
  });

  it('reports a title shared inside an imported taxonomy as a warning', () => {
    const a = cleanRole({ taxonomy: 'onet', code: 'a' });
    const b = cleanRole({
      taxonomy: 'onet',
      code: 'b',
      name: 'Other',
      alternativeTitles: ['Reporting Analyst'],
    });
    expect(lintRole(a, { titleClaims: claimTitles([a, b]) })).toEqual([
      expect.objectContaining({ rule: 'duplicate-title', severity: 'warning' }),
    ]);
  });

  it('reports links that are not absolute https URLs', () => {
    const role = cleanRole({
      links: [
        { title: 'Plain http', url: 'http://example.org/' },
        { title: 'Relative', url: '/docs/intro' },
        { title: 'Wikipedia – Data analysis', url: 'https://en.wikipedia.org/wiki/Data_analysis' },
      ],
    });
    expect(lintRole(role).map((f) => [f.rule, f.field])).toEqual([
      ['malformed-link', 'links.0.url'],
      ['malformed-link', 'links.1.url'],
    ]);
  });

  it('reports links with tracking parameters or a fragment', () => {
    const role = cleanRole({
      links: [
        { title: 'Wikipedia – SQL', url: 'https://en.wikipedia.org/wiki/SQL?utm_source=x' },
        { title: 'Wikipedia – Data', url: 'https://en.wikipedia.org/wiki/Data#History' },
      ],
    });
    expect(lintRole(role).map((f) => [f.rule, f.severity, f.field])).toEqual([
      ['link-style', 'error', 'links.0'],
      ['link-style', 'error', 'links.1'],
    ]);
  });

  it('reports a page or a title linked twice in one role', () => {
    const page = { title: 'Wikipedia – SQL', url: 'https://en.wikipedia.org/wiki/SQL' };
    const role = cleanRole({
      links: [page, page, { title: page.title, url: 'https://en.wikipedia.org/wiki/Query' }],
    });
    expect(lintRole(role).map((f) => f.message)).toEqual([
      '"https://en.wikipedia.org/wiki/SQL" is linked twice',
      'the title "Wikipedia – SQL" is used twice',
      'the title "Wikipedia – SQL" is used twice',
    ]);
  });

  it('holds the built-in library to its title form and its reference sources', () => {
    const role = cleanRole({
      links: [{ title: 'A blog post', url: 'https://blog.example.org/x' }],
    });
    expect(lintRole(role).map((f) => [f.rule, f.severity])).toEqual([
      ['link-style', 'error'],
      ['untrusted-link', 'error'],
    ]);
  });

  it('only advises a draft on its links', () => {
    const role = cleanRole({
      status: 'draft',
      links: [{ title: 'A blog post', url: 'https://blog.example.org/x' }],
    });
    expect(lintRole(role).map((f) => f.severity)).toEqual(['warning', 'warning']);
  });

  it('only advises an imported taxonomy on its links, whatever their titles and hosts', () => {
    const role = cleanRole({
      taxonomy: 'onet',
      links: [
        { title: 'Summary', url: 'https://www.example.org/a#top' },
        { title: 'Details', url: 'https://www.example.org/b' },
      ],
    });
    expect(lintRole(role).map((f) => [f.rule, f.severity])).toEqual([['link-style', 'warning']]);
  });

  it('reports terms the glossary does not define', () => {
    const role = cleanRole({ terms: ['sql', 'etl'] });
    expect(lintRole(role, { glossary: new Set(['sql']) })).toEqual([
      expect.objectContaining({
        rule: 'undefined-term',
        field: 'terms.1',
        message: containing('"etl"'),
      }),
    ]);
  });

  it('leaves terms alone when no glossary is given', () => {
    expect(lintRole(cleanRole({ terms: ['anything'] }))).toEqual([]);
  });

  it('reports a related role that is not stored as an error', () => {
    expect(lintRole(cleanRole(), { roles: new Map() })).toEqual([
      expect.objectContaining({ rule: 'unknown-role', severity: 'error', field: 'relatedRoles.0' }),
    ]);
  });

  it('warns of a related role that is stored but not published, which guides leave out', () => {
    const roles = new Map([['rolebook/data-engineer', 'draft' as const]]);
    expect(lintRole(cleanRole(), { roles })).toEqual([
      expect.objectContaining({
        rule: 'unpublished-role',
        severity: 'warning',
        field: 'relatedRoles.0',
        message: containing('rolebook/data-engineer is not published'),
      }),
    ]);
  });
});
