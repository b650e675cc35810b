import { AppError, BUILT_IN_TAXONOMY, builtInTaxonomy, type Term } from '../domain/index.js';
import {
  readGuidePage,
  type GuidePageImport,
  type PageTerm,
} from '../importers/guide-page/index.js';
import type { LintFinding } from '../lint/index.js';
import { allTerms, findRole } from '../store/index.js';
import { authorize } from './authorize.js';
import type { Actor, ServiceContext } from './context.js';
import { applyImport, type ImportReport } from './import.service.js';

export interface GuideImportOptions {
  /** The role's code; by default the slug of the name the page gives. */
  code?: string;
  /** Replace the role of that code if the built-in taxonomy has one; otherwise `conflict`. */
  replace?: boolean;
  dryRun?: boolean;
}

export interface GuideImportResult {
  report: ImportReport;
  /** Where the draft went: the built-in taxonomy and its code. */
  taxonomy: typeof BUILT_IN_TAXONOMY;
  code: string;
  /** Slugs of the glossary terms the page added. */
  newTerms: string[];
  /** The page's defects and what lint finds in the draft. */
  findings: LintFinding[];
}

const namesOf = (term: Pick<Term, 'name' | 'abbreviations' | 'aliases'>) =>
  [term.name, ...term.abbreviations, ...term.aliases].map((n) => n.toLowerCase());

/**
 * A term the page defines under a new slug may still be one the glossary has under another
 * (the page's "DBMS" for a stored `database-management-system`): the draft then points at the
 * stored term, so an import never adds a second term by the same name.
 */
const matchGlossary = (
  page: GuidePageImport,
  glossary: readonly Term[],
): { terms: string[]; newTerms: PageTerm[] } => {
  const slugByName = new Map<string, string>();
  for (const term of glossary) for (const name of namesOf(term)) slugByName.set(name, term.slug);
  const renamed = new Map<string, string>();
  const newTerms = page.terms.filter((term) => {
    const stored = namesOf(term.content)
      .map((n) => slugByName.get(n))
      .find(Boolean);
    if (stored) renamed.set(term.slug, stored);
    return !stored;
  });
  const terms = [...new Set(page.content.terms.map((slug) => renamed.get(slug) ?? slug))];
  return { terms, newTerms };
};

/**
 * Imports one role page in the recruiter-page layout as a draft of the built-in taxonomy,
 * with the glossary terms it defines that the glossary lacks, in one transaction. A code the
 * taxonomy already has is refused with `conflict` unless `replace` is asked; titles another
 * role already claims are refused with `import_failed`. The page's defects come back as
 * findings; they never stop the import.
 */
export const importGuidePage = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  file: string,
  options: GuideImportOptions = {},
): Promise<GuideImportResult> => {
  authorize(actor, 'write');
  const glossary = await allTerms(ctx.store.db);
  const page = await readGuidePage(file, {
    knownTerms: new Set(glossary.map((t) => t.slug)),
    ...(options.code ? { code: options.code } : {}),
  });
  const { terms, newTerms } = matchGlossary(page, glossary);
  const taken = () =>
    new AppError(
      'conflict',
      `Role ${BUILT_IN_TAXONOMY}/${page.code} already exists; nothing was written.`,
      [
        {
          field: 'code',
          message: `${page.code} is taken in ${BUILT_IN_TAXONOMY}: choose another code or replace it`,
        },
      ],
    );
  if (!options.replace && (await findRole(ctx.store.db, BUILT_IN_TAXONOMY, page.code))) {
    throw taken();
  }
  const report = await applyImport(
    ctx,
    actor,
    {
      source: file,
      taxonomies: [builtInTaxonomy],
      terms: newTerms,
      roles: [
        { taxonomy: BUILT_IN_TAXONOMY, code: page.code, content: { ...page.content, terms } },
      ],
    },
    {
      dryRun: options.dryRun ?? false,
      // Checked in the transaction, so a role added meanwhile is not silently replaced.
      beforeCommit: (_trx, sofar) =>
        sofar.roles.added === 0 && !options.replace ? Promise.reject(taken()) : Promise.resolve(),
    },
  );
  return {
    report,
    taxonomy: BUILT_IN_TAXONOMY,
    code: page.code,
    newTerms: newTerms.map((t) => t.slug),
    findings: page.findings,
  };
};
