import { roleKey } from '../domain/index.js';
import { lintRole, type LintableRole, type LintContext, type LintFinding } from '../lint/index.js';
import { allTerms, definedSlugs, roleStatusesOf, type Db } from '../store/index.js';
import { storedTitleClaims } from './title-claims.js';

/*
 * Linting one role against the store, apart from the lint use cases: writing a role needs it to
 * refuse a guide with errors, and the lint use cases read roles through the role service.
 */

/** What lint found in the roles it read, with the counts a caller decides on. */
export interface LintReport {
  /** Roles read. */
  roles: number;
  errors: number;
  warnings: number;
  findings: LintFinding[];
}

export const lintReportOf = (roles: number, findings: LintFinding[]): LintReport => {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { roles, errors, warnings: findings.length - errors, findings };
};

export const glossaryOf = async (db: Db): Promise<ReadonlySet<string>> =>
  new Set((await allTerms(db)).map((t) => t.slug));

/** Lints one role against the store: its glossary, its roles, the titles others claim. */
export const lintRoleIn = async (
  db: Db,
  role: LintableRole,
  options: { drafts: boolean },
): Promise<LintReport> => {
  const titleClaims = await storedTitleClaims(db, role.taxonomy, options);
  return lintReportOf(
    1,
    lintRole(role, {
      titleClaims,
      glossary: await definedSlugs(db, role.terms),
      roles: await roleStatusesOf(db, role.relatedRoles),
    }),
  );
};

/**
 * The lint errors that keep each role from readers, for the roles lint finds any in, as the
 * editor's lint shows them; warnings do not count. Lint judges a role by its taxonomy: a curated
 * guide must be whole and link as the library does, a role imported from O*NET or ESCO only free
 * of placeholders and broken links. The terms and related roles they name and each taxonomy's
 * title claims are read once for all the roles. `linted`, when given, keeps every finding of each role (warnings
 * too) by its key, for a lint of its whole taxonomy to take rather than lint it again.
 */
export const publishBlockersOf = async <Role extends LintableRole>(
  db: Db,
  roles: readonly Role[],
  linted?: Map<string, LintFinding[]>,
): Promise<{ entity: Role; blockers: LintFinding[] }[]> => {
  if (roles.length === 0) return [];
  // Lint reads a role's terms in the glossary and its related roles' statuses, nothing else of
  // either: only those named are looked up.
  const glossary = await definedSlugs(
    db,
    roles.flatMap((r) => r.terms),
  );
  const statuses = await roleStatusesOf(
    db,
    roles.flatMap((r) => r.relatedRoles),
  );
  const contexts = new Map<string, LintContext>();
  for (const taxonomy of new Set(roles.map((r) => r.taxonomy))) {
    const titleClaims = await storedTitleClaims(db, taxonomy, { drafts: true });
    contexts.set(taxonomy, { glossary, roles: statuses, titleClaims });
  }
  return roles
    .map((entity) => {
      const findings = lintRole(entity, contexts.get(entity.taxonomy));
      linted?.set(roleKey(entity.taxonomy, entity.code), findings);
      return { entity, blockers: findings.filter((f) => f.severity === 'error') };
    })
    .filter((r) => r.blockers.length > 0);
};
