import { describe, expect, it } from 'vitest';
import type { TermCategory, TermContent } from '../domain/index.js';
import { GLOSSARY } from './lint-finding.js';
import { cleanRole } from './lint.fixture.js';
import { lintLibrary } from './library.lint.js';

const term = (slug: string, overrides: Partial<TermContent> = {}) => ({
  slug,
  content: {
    name: slug.toUpperCase(),
    abbreviations: [],
    aliases: [],
    definition: `What ${slug} means.`,
    examples: [],
    category: 'concept' satisfies TermCategory as TermContent['category'],
    caseSensitive: false,
    ...overrides,
  },
});

describe('lintLibrary', () => {
  it('finds nothing wrong with a consistent library', () => {
    expect(lintLibrary({ roles: [cleanRole()], terms: [term('sql')] })).toEqual([]);
  });

  it('compares the titles of every role of a taxonomy', () => {
    const a = cleanRole();
    const b = cleanRole({
      code: 'bi-analyst',
      name: 'BI Analyst',
      alternativeTitles: ['Reporting Analyst'],
    });
    const findings = lintLibrary({ roles: [a, b] });
    expect(findings.map((f) => [f.rule, f.code])).toEqual([
      ['duplicate-title', 'data-analyst'],
      ['duplicate-title', 'bi-analyst'],
    ]);
  });

  it('reports a term a role uses that the glossary lacks', () => {
    const findings = lintLibrary({
      roles: [cleanRole({ terms: ['sql', 'etl'] })],
      terms: [term('sql')],
    });
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'undefined-term', code: 'data-analyst' }),
    ]);
  });

  it('reports a term that no role or term uses', () => {
    const findings = lintLibrary({ roles: [cleanRole()], terms: [term('sql'), term('etl')] });
    expect(findings).toEqual([
      {
        rule: 'unused-term',
        severity: 'warning',
        message: 'the term "etl" is defined but no role or term uses it',
        taxonomy: GLOSSARY,
        code: 'etl',
      },
    ]);
  });

  it("counts a term used as another term's example as used", () => {
    const terms = [term('sql', { examples: ['postgresql'] }), term('postgresql')];
    expect(lintLibrary({ roles: [cleanRole()], terms })).toEqual([]);
  });

  it('reports an example that is not defined', () => {
    const findings = lintLibrary({
      roles: [cleanRole()],
      terms: [term('sql', { examples: ['mysql'] })],
    });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'undefined-term',
        taxonomy: GLOSSARY,
        code: 'sql',
        field: 'examples.0',
      }),
    ]);
  });

  it('reports a placeholder in a definition', () => {
    const findings = lintLibrary({
      roles: [cleanRole()],
      terms: [term('sql', { definition: 'A language every {role_name} knows.' })],
    });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'placeholder',
        taxonomy: GLOSSARY,
        code: 'sql',
        field: 'definition',
      }),
    ]);
  });

  it('reports an alias that is an everyday word, and a lower-case one-letter abbreviation', () => {
    const findings = lintLibrary({
      roles: [cleanRole()],
      terms: [term('sql', { aliases: ['the'], abbreviations: ['e'] })],
    });
    expect(findings.map((f) => [f.rule, f.field])).toEqual([
      ['ordinary-form', 'aliases.0'],
      ['ordinary-form', 'abbreviations.0'],
    ]);
  });

  it('accepts a one-letter abbreviation written in capitals', () => {
    const findings = lintLibrary({
      roles: [cleanRole()],
      terms: [term('sql', { abbreviations: ['R'] })],
    });
    expect(findings).toEqual([]);
  });
});
