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

/** Words every English text is full of: a term's form that is one of them marks everything. */
const FUNCTION_WORDS = new Set(
  `a an and are as at be but by can do for from has have he i if in is it its of on or our she
  so that the their them they this to was we were what when which who will with you your`.split(
    /\s+/,
  ),
);

/**
 * A term's forms the spotter would find in every text: an alias (unless the term matches by
 * case) or a lower-case abbreviation that is a single letter or an everyday function word.
 * Abbreviations written in capitals ("IT", "R") match only as written.
 * @example ordinaryTermForms({ ...content, aliases: ['the'] }) // [{ field: 'aliases.0', ... }]
 */
export const ordinaryTermForms = (
  content: Pick<TermContent, 'aliases' | 'abbreviations' | 'caseSensitive'>,
): { field: string; message: string }[] => {
  const forms: [string, string, boolean][] = [
    ...content.aliases.map((a, i): [string, string, boolean] => [
      `aliases.${i}`,
      a,
      !content.caseSensitive,
    ]),
    ...content.abbreviations.map((a, i): [string, string, boolean] => [
      `abbreviations.${i}`,
      a,
      a === a.toLowerCase(),
    ]),
  ];
  return forms.flatMap(([field, form, matchedAnyCase]) => {
    const word = form.trim().toLowerCase();
    const ordinary = /^\p{L}$/u.test(word) || FUNCTION_WORDS.has(word);
    return matchedAnyCase && ordinary
      ? [
          {
            field,
            message: `"${form}" is an everyday word or a single letter: every text would mention this term`,
          },
        ]
      : [];
  });
};

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
    for (const { field, message } of ordinaryTermForms(content)) {
      add({ rule: 'ordinary-form', severity: 'error', message, field });
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
