import { publishRefused } from '../domain/index.js';
import { lintRole, type LintableRole, type LintFinding } from '../lint/index.js';
import { allTerms, roleStatuses, type Db } from '../store/index.js';
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
    lintRole(role, { titleClaims, glossary: await glossaryOf(db), roles: await roleStatuses(db) }),
  );
};

/**
 * Refuses (`lint_failed`) to put a role before readers while lint finds errors in it, as the
 * editor's lint shows them; warnings do not stop it. Lint judges a role by its taxonomy: a
 * curated guide must be whole and link as the library does, a role imported from O*NET or ESCO
 * only free of placeholders and broken links.
 */
export const refuseLintErrors = async (db: Db, role: LintableRole): Promise<void> => {
  const { findings } = await lintRoleIn(db, role, { drafts: true });
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) throw publishRefused(`Role ${role.taxonomy}/${role.code}`, errors);
};
