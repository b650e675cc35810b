import {
  BUILT_IN_TAXONOMY,
  titlesAreExclusive,
  titlesClaimedByOthers,
  type RoleContent,
  type RoleStatus,
  type TitleClaims,
} from '../domain/index.js';
import type { LintableRole, LintFinding, LintRule, LintSeverity } from './lint-finding.js';
import { findPlaceholders } from './placeholders.js';
import { linkProblems } from './reference-links.js';
import {
  requiredSectionsOf,
  roleSections,
  sectionIsMissing,
  type RoleSection,
} from './role-sections.js';

export interface LintContext {
  /** Slugs of the glossary's terms; without it, terms are not checked. */
  glossary?: ReadonlySet<string>;
  /** Titles claimed per taxonomy (see `claimTitles`); without it, titles are not compared. */
  titleClaims?: TitleClaims;
  /** Sections the role must have; by default all for the built-in taxonomy, none otherwise. */
  requiredSections?: readonly RoleSection[];
  /**
   * The status of every stored role by `taxonomy/code`; without it, related roles are not
   * checked.
   */
  roles?: ReadonlyMap<string, RoleStatus>;
}

/** Every text of a role an editor wrote, with the path of its field. */
function* textFields(content: RoleContent): Generator<[string, string]> {
  yield ['name', content.name];
  yield ['summary', content.summary];
  for (const [i, title] of content.alternativeTitles.entries())
    yield [`alternativeTitles.${i}`, title];
  for (const [i, text] of content.responsibilities.entries()) yield [`responsibilities.${i}`, text];
  for (const list of ['benefits', 'signs'] as const) {
    for (const [i, point] of content[list].entries()) {
      yield [`${list}.${i}.title`, point.title];
      yield [`${list}.${i}.text`, point.text];
    }
  }
  for (const [i, skill] of content.skills.entries()) yield [`skills.${i}.name`, skill.name];
  for (const [i, technology] of content.technologies.entries()) {
    yield [`technologies.${i}.name`, technology.name];
    if (technology.category !== undefined)
      yield [`technologies.${i}.category`, technology.category];
  }
  for (const [i, link] of content.links.entries()) {
    yield [`links.${i}.title`, link.title];
    yield [`links.${i}.url`, link.url];
  }
}

const listFields = (fields: readonly string[]) =>
  fields.length <= 3
    ? fields.join(', ')
    : `${fields.slice(0, 3).join(', ')} and ${fields.length - 3} more`;

/** A Markdown heading followed only by blank lines before the next heading or the end. */
const bareHeadings = (text: string): string[] => {
  const lines = text.split('\n').map((l) => l.trim());
  const bare: string[] = [];
  lines.forEach((line, i) => {
    if (!/^#{1,6}\s+\S/.test(line)) return;
    const next = lines.slice(i + 1).find((l) => l !== '');
    if (next === undefined || /^#{1,6}\s/.test(next)) bare.push(line.replace(/^#+\s+/, ''));
  });
  return bare;
};

const isHttpsUrl = (url: string): boolean => {
  if (/\s/.test(url)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '';
  } catch {
    return false;
  }
};

/**
 * Checks one role and returns what is wrong with it; nothing is thrown. Placeholders left in
 * any text, blank items and bare headings, missing sections, titles another role of the
 * taxonomy claims, links that are not absolute https URLs or break the reference-link
 * conventions (see `linkProblems`), and terms the glossary lacks.
 * Missing sections are errors on a published role and warnings on a draft (saying publishing
 * needs them, as it refuses errors); title clashes are errors in the curated library and
 * warnings in an imported taxonomy, whose source may share a title between occupations.
 * @example
 * lintRole(role, { glossary: new Set(['api']), titleClaims: claimTitles(library) })
 * // [{ rule: 'placeholder', severity: 'error', field: 'summary', message: '…', taxonomy, code }]
 */
export const lintRole = (role: LintableRole, context: LintContext = {}): LintFinding[] => {
  const findings: LintFinding[] = [];
  const add = (rule: LintRule, severity: LintSeverity, message: string, field?: string) =>
    findings.push({
      rule,
      severity,
      message,
      ...(field ? { field } : {}),
      taxonomy: role.taxonomy,
      code: role.code,
    });

  const placeholders = new Map<string, string[]>();
  for (const [field, text] of textFields(role)) {
    for (const token of findPlaceholders(text)) {
      const fields = placeholders.get(token) ?? [];
      if (!fields.includes(field)) fields.push(field);
      placeholders.set(token, fields);
    }
  }
  for (const [token, fields] of placeholders) {
    add(
      'placeholder',
      'error',
      `the placeholder ${token} was never filled in (${listFields(fields)})`,
      fields[0],
    );
  }

  const emptied = new Set<RoleSection>();
  const blank = (section: RoleSection, field: string, what: string) => {
    emptied.add(section);
    add('empty-section', 'warning', what, field);
  };
  if (role.summary !== '' && role.summary.trim() === '')
    blank('summary', 'summary', 'the summary is only blank space');
  for (const heading of bareHeadings(role.summary)) {
    blank('summary', 'summary', `the heading "${heading}" has nothing under it`);
  }
  const lists = ['alternativeTitles', 'responsibilities', 'terms'] as const;
  for (const list of lists) {
    role[list].forEach((item, i) => {
      if (item.trim() === '') blank(list, `${list}.${i}`, `item ${i + 1} of ${list} is blank`);
    });
  }
  for (const list of ['benefits', 'signs'] as const) {
    role[list].forEach((point, i) => {
      if (point.title.trim() === '' || point.text.trim() === '') {
        blank(list, `${list}.${i}`, `item ${i + 1} of ${list} lacks a title or a text`);
      }
    });
  }

  const published = role.status === 'published';
  // A draft may lack sections, but publishing refuses them: the writer hears so before trying.
  const missingNote = published ? '' : '; publishing needs it';
  const required = context.requiredSections ?? requiredSectionsOf(role.taxonomy);
  for (const section of roleSections) {
    if (required.includes(section) && !emptied.has(section) && sectionIsMissing(role, section)) {
      add(
        'missing-section',
        published ? 'error' : 'warning',
        `the ${section} section is missing${missingNote}`,
        section,
      );
    }
  }

  if (context.titleClaims) {
    const clash: LintSeverity = titlesAreExclusive(role.taxonomy) ? 'error' : 'warning';
    for (const { field, title, others } of titlesClaimedByOthers(role, context.titleClaims)) {
      add('duplicate-title', clash, `"${title}" is also claimed by ${listFields(others)}`, field);
    }
  }

  // The library's conventions bind its published guides; drafts and imported sources are advised.
  const linkSeverity: LintSeverity =
    role.taxonomy === BUILT_IN_TAXONOMY && role.status === 'published' ? 'error' : 'warning';
  role.links.forEach((link, i) => {
    if (!isHttpsUrl(link.url)) {
      add(
        'malformed-link',
        'error',
        `"${link.url}" is not an absolute https URL`,
        `links.${i}.url`,
      );
      return;
    }
    for (const [rule, message] of linkProblems(role.taxonomy, link, role.links.slice(0, i))) {
      add(rule, linkSeverity, message, `links.${i}`);
    }
  });

  if (context.glossary) {
    const glossary = context.glossary;
    role.terms.forEach((slug, i) => {
      if (slug.trim() !== '' && !glossary.has(slug)) {
        add(
          'undefined-term',
          'error',
          `the term "${slug}" is not defined in the glossary`,
          `terms.${i}`,
        );
      }
    });
  }

  if (context.roles) {
    const roles = context.roles;
    // A crosswalk may name a taxonomy this library never imported; a related role may not.
    role.relatedRoles.forEach((ref, i) => {
      const status = roles.get(`${ref.taxonomy}/${ref.code}`);
      if (status === undefined) {
        add(
          'unknown-role',
          'error',
          `the related role ${ref.taxonomy}/${ref.code} does not exist (deleted?)`,
          `relatedRoles.${i}`,
        );
      } else if (status !== 'published') {
        // Public guides leave it out, so readers do not learn of unpublished work.
        add(
          'unpublished-role',
          'warning',
          `the related role ${ref.taxonomy}/${ref.code} is not published; guides leave it out until it is`,
          `relatedRoles.${i}`,
        );
      }
    });
  }
  return findings;
};
