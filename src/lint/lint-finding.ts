import type { Role } from '../domain/index.js';

/**
 * - `placeholder`: a template placeholder (`{role_name}`, `{{x}}`, `${x}`) left in the text.
 * - `empty-section`: a section that is there but holds nothing (a blank item, a bare heading).
 * - `missing-section`: a section the taxonomy expects is absent.
 * - `duplicate-title`: a title another role of the same taxonomy also claims.
 * - `malformed-link`: a link that is not an absolute https URL.
 * - `link-style`: a link with tracking parameters or a fragment, a page or title twice in one
 *   role, or (built-in library) a title not written `Publisher – what the page is`.
 * - `untrusted-link`: (built-in library) a link to a host outside its reference sources.
 * - `undefined-term`: a term used but not defined in the glossary.
 * - `unknown-role`: a related role that is not stored (one deleted, say).
 * - `unpublished-role`: a related role that is stored but not published, which public guides
 *   leave out.
 * - `unused-term`: a glossary term no role or other term uses.
 * - `ordinary-form`: a term's alias or lower-case abbreviation that is a single letter or an
 *   everyday function word ("the", "and"): the spotter would mark it in every text.
 * - `unknown-section`: (imported pages) a heading the page layout does not know.
 * - `malformed-item`: (imported pages) a bullet that cannot be read as what its section holds.
 * - `similar-role`: (imported pages) a new role whose name reads as a stored role's title.
 */
export const lintRules = [
  'placeholder',
  'empty-section',
  'missing-section',
  'duplicate-title',
  'malformed-link',
  'link-style',
  'untrusted-link',
  'undefined-term',
  'unknown-role',
  'unpublished-role',
  'unused-term',
  'ordinary-form',
  'unknown-section',
  'malformed-item',
  'similar-role',
] as const;
export type LintRule = (typeof lintRules)[number];

export const lintSeverities = ['error', 'warning'] as const;
export type LintSeverity = (typeof lintSeverities)[number];

export interface LintFinding {
  rule: LintRule;
  severity: LintSeverity;
  message: string;
  /** Path of the field concerned, e.g. `benefits.2.text`. */
  field?: string;
  /** Line in the imported page, for findings about a page rather than a stored role. */
  line?: number;
  /** The role's taxonomy, or `GLOSSARY` for a finding about a glossary term. */
  taxonomy: string;
  /** The role's code, or the term's slug. */
  code: string;
}

/** The `taxonomy` of findings about glossary terms, whose `code` is then the term's slug. */
export const GLOSSARY = 'glossary';

/** What lint reads of a role: its identity and content, without version stamps. */
export type LintableRole = Omit<Role, 'version' | 'createdAt' | 'updatedAt'>;
