import { roleKey, termContentOf, type TermContent } from '../domain/index.js';
import {
  GLOSSARY,
  lintLibrary,
  lintRole,
  type LintableRole,
  type LintFinding,
  type LintRule,
  type LintSeverity,
} from '../lint/index.js';
import { allTerms, iterateRoles, listTaxonomies, roleStatuses, type Db } from '../store/index.js';
import type { Actor, ServiceContext } from './context.js';
import { getRole, type RoleRef } from './role.service.js';
import { glossaryOf, lintReportOf, lintRoleIn, type LintReport } from './role-lint.js';
import { getTaxonomy } from './taxonomy.service.js';
import { storedTitleClaims } from './title-claims.js';

export interface LintFilter {
  severity?: LintSeverity;
  rules?: readonly LintRule[];
}

/**
 * Keeps the findings of one severity and of the rules asked for, counted again.
 * @example filterLintReport(report, { severity: 'error' }).warnings // 0
 */
export const filterLintReport = (report: LintReport, filter: LintFilter): LintReport =>
  lintReportOf(
    report.roles,
    report.findings.filter(
      (f) =>
        (!filter.severity || f.severity === filter.severity) &&
        (!filter.rules?.length || filter.rules.includes(f.rule)),
    ),
  );

/** Drafts exist only for an actor allowed to read drafts; lint shows nothing of them to others. */
const seesDrafts = (actor: Actor | undefined): boolean => actor?.scopes.includes('read') ?? false;

interface TaxonomyLint {
  roles: number;
  findings: LintFinding[];
  /** The roles that use glossary terms, drafts too, for checking the glossary itself. */
  termUsers: LintableRole[];
}

/** Roles read at a time: an O*NET role can be tens of kilobytes. */
const PAGE = 200;

/**
 * Lints every role of one taxonomy in one pass over the store. Memory holds the titles and the
 * findings; of the roles, only those that use glossary terms.
 */
const lintRolesOf = async (
  db: Db,
  taxonomy: string,
  glossary: ReadonlySet<string>,
  drafts: boolean,
  linted: ReadonlyMap<string, LintFinding[]> = new Map(),
): Promise<TaxonomyLint> => {
  const titleClaims = await storedTitleClaims(db, taxonomy, { drafts });
  const roles = await roleStatuses(db);
  const result: TaxonomyLint = { roles: 0, findings: [], termUsers: [] };
  for await (const role of iterateRoles(db, taxonomy, PAGE)) {
    // A term a draft uses is in use, whoever asks.
    if (role.terms.length > 0) result.termUsers.push(role);
    if (!drafts && role.status !== 'published') continue;
    result.roles += 1;
    result.findings.push(
      ...(linted.get(roleKey(role.taxonomy, role.code)) ??
        lintRole(role, { titleClaims, glossary, roles })),
    );
  }
  return result;
};

/**
 * Lints every role of a taxonomy as the database (or an open transaction) holds it, drafts
 * included: how an import checks what it is about to commit. A role `linted` has findings for
 * (linted in this state of the store, as the import checked it for publication) is not linted
 * again.
 */
export const lintTaxonomyIn = async (
  db: Db,
  taxonomy: string,
  linted?: ReadonlyMap<string, LintFinding[]>,
): Promise<LintReport> => {
  const { roles, findings } = await lintRolesOf(db, taxonomy, await glossaryOf(db), true, linted);
  return lintReportOf(roles, findings);
};

/**
 * Lints one stored role: placeholders, empty and missing sections, links, terms the glossary
 * lacks, and titles another role of its taxonomy also claims. A draft is linted only for an
 * actor allowed to read drafts; for anyone else it does not exist.
 */
export const lintStoredRole = async (
  ctx: ServiceContext,
  ref: RoleRef,
  actor?: Actor,
): Promise<LintReport> =>
  lintRoleIn(ctx.store.db, await getRole(ctx, ref, actor), { drafts: seesDrafts(actor) });

/**
 * Lints a term's content as if it stood in the glossary in place of the stored one: its
 * placeholders and examples. Whether a term is used is a fact of the roles, not of its content.
 */
export const lintTermIn = async (
  db: Db,
  slug: string,
  content: TermContent,
): Promise<LintReport> => {
  const terms = (await allTerms(db))
    .filter((t) => t.slug !== slug)
    .map((t) => ({ slug: t.slug, content: termContentOf(t) }));
  const findings = lintLibrary({ roles: [], terms: [...terms, { slug, content }] }).filter(
    (f) => f.code === slug && f.rule !== 'unused-term',
  );
  return lintReportOf(0, findings);
};

/** Lints every role of one taxonomy; an unknown taxonomy is `not_found`. */
export const lintStoredTaxonomy = async (
  ctx: ServiceContext,
  taxonomy: string,
  actor?: Actor,
): Promise<LintReport> => {
  await getTaxonomy(ctx, taxonomy);
  const db = ctx.store.db;
  const { roles, findings } = await lintRolesOf(
    db,
    taxonomy,
    await glossaryOf(db),
    seesDrafts(actor),
  );
  return lintReportOf(roles, findings);
};

/**
 * Lints the whole library: every taxonomy as `lintStoredTaxonomy` does, then the glossary
 * (placeholders in definitions, examples that are not defined, terms nothing uses).
 */
export const lintStoredLibrary = async (
  ctx: ServiceContext,
  actor?: Actor,
): Promise<LintReport> => {
  const db = ctx.store.db;
  const terms = await allTerms(db);
  const glossary = new Set(terms.map((t) => t.slug));
  let roles = 0;
  const findings: LintFinding[] = [];
  const termUsers: LintableRole[] = [];
  for (const taxonomy of await listTaxonomies(db)) {
    const linted = await lintRolesOf(db, taxonomy.id, glossary, seesDrafts(actor));
    roles += linted.roles;
    findings.push(...linted.findings);
    termUsers.push(...linted.termUsers);
  }
  // Only the roles that use terms decide which terms are unused; their own findings are in.
  const glossaryFindings = lintLibrary({
    roles: termUsers,
    terms: terms.map((t) => ({ slug: t.slug, content: termContentOf(t) })),
  }).filter((f) => f.taxonomy === GLOSSARY);
  return lintReportOf(roles, [...findings, ...glossaryFindings]);
};
