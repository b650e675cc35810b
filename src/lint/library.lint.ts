import { claimTitles, type TermContent } from '../domain/index.js';
import { GLOSSARY, type LintableRole, type LintFinding } from './lint-finding.js';
import { findPlaceholders } from './placeholders.js';
import { lintRole } from './role.lint.js';
import type { RoleSection } from './role-sections.js';

export interface LintLibraryInput {
  roles: readonly LintableRole[];
  /** The glossary; without it, terms are not checked at all. */
  terms?: readonly { slug: string; content: TermContent }[];
}

export interface LintLibraryOptions {
  /** Overrides the sections every role must have (see `LintContext.requiredSections`). */
  requiredSections?: readonly RoleSection[];
}

const lintTerms = (
  terms: readonly { slug: string; content: TermContent }[],
  used: ReadonlySet<string>,
): LintFinding[] => {
  const defined = new Set(terms.map((t) => t.slug));
  const findings: LintFinding[] = [];
  for (const { slug, content } of terms) {
    const add = (finding: Omit<LintFinding, 'taxonomy' | 'code'>) =>
      findings.push({ ...finding, taxonomy: GLOSSARY, code: slug });
    const texts: [string, string][] = [
      ['name', content.name],
      ['definition', content.definition],
      ...content.aliases.map((a, i): [string, string] => [`aliases.${i}`, a]),
      ...content.abbreviations.map((a, i): [string, string] => [`abbreviations.${i}`, a]),
    ];
    const tokens = new Map<string, string>();
    for (const [field, text] of texts) {
      for (const token of findPlaceholders(text)) if (!tokens.has(token)) tokens.set(token, field);
    }
    for (const [token, field] of tokens) {
      add({
        rule: 'placeholder',
        severity: 'error',
        message: `the placeholder ${token} was never filled in`,
        field,
      });
    }
    content.examples.forEach((example, i) => {
      if (!defined.has(example)) {
        add({
          rule: 'undefined-term',
          severity: 'error',
          message: `the example "${example}" is not defined in the glossary`,
          field: `examples.${i}`,
        });
      }
    });
    if (!used.has(slug)) {
      add({
        rule: 'unused-term',
        severity: 'warning',
        message: `the term "${slug}" is defined but no role or term uses it`,
      });
    }
  }
  return findings;
};

/**
 * Checks a whole library: every role as `lintRole` does, with the titles of all roles compared
 * within each taxonomy and the terms checked against the glossary; then the glossary itself:
 * placeholders in definitions, examples that are not defined, and terms nothing uses.
 * @example lintLibrary({ roles, terms }).filter((f) => f.severity === 'error')
 */
export const lintLibrary = (
  input: LintLibraryInput,
  options: LintLibraryOptions = {},
): LintFinding[] => {
  const titleClaims = claimTitles(input.roles);
  const glossary = input.terms ? new Set(input.terms.map((t) => t.slug)) : undefined;
  const findings = input.roles.flatMap((role) =>
    lintRole(role, {
      titleClaims,
      ...(glossary ? { glossary } : {}),
      ...(options.requiredSections ? { requiredSections: options.requiredSections } : {}),
    }),
  );
  if (!input.terms) return findings;
  const used = new Set([
    ...input.roles.flatMap((r) => r.terms),
    ...input.terms.flatMap((t) => t.content.examples.filter((e) => e !== t.slug)),
  ]);
  return [...findings, ...lintTerms(input.terms, used)];
};
