import {
  AppError,
  BUILT_IN_TAXONOMY,
  builtInTaxonomy,
  claimedTitles,
  isAppError,
  parse,
  TaxonomyIdSchema,
  titlesAreExclusive,
  type ErrorCode,
  type TaxonomyInput,
  type Term,
  type TitleClaims,
} from '../domain/index.js';
import {
  readGuidePage,
  type GuidePageImport,
  type PageTerm,
} from '../importers/guide-page/index.js';
import type { LintFinding } from '../lint/index.js';
import { allTerms, findRole, findTaxonomy, type Db } from '../store/index.js';
import { authorize } from './authorize.js';
import type { Actor, ServiceContext } from './context.js';
import { applyImport, type ImportReport } from './import.service.js';
import { storedTitleClaims } from './title-claims.js';

export interface GuideImportOptions {
  /** The role's name, when the page's own is missing, a placeholder or not the one wanted. */
  name?: string;
  /** The role's code; by default the slug of the name. */
  code?: string;
  /**
   * The taxonomy to import into: a company's own job architecture, created if it does not
   * exist yet. The built-in library unless given.
   */
  taxonomy?: string;
  /** Write the page over the draft of that code, if the taxonomy has one. */
  replace?: boolean;
  dryRun?: boolean;
}

export interface GuideImportResult {
  taxonomy: string;
  code: string;
  /** The page's defects and what lint finds in the draft, whether or not it was written. */
  findings: LintFinding[];
  /** What was written, or would be on a dry run; absent when the write was refused. */
  report?: ImportReport;
  /** Slugs of the glossary terms the page added. */
  newTerms: string[];
  /** Why nothing was written. */
  refused?: AppError;
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

/** Why a page may be refused, as opposed to the store failing. */
const REFUSALS = new Set<ErrorCode>(['conflict', 'import_failed', 'validation_failed']);

/** The taxonomy a page goes into, as stored, or new when the user names one not stored yet. */
const targetTaxonomy = async (db: Db, id: string | undefined): Promise<TaxonomyInput> => {
  if (id === undefined || id === BUILT_IN_TAXONOMY) return builtInTaxonomy;
  parse(TaxonomyIdSchema, id, {}, 'taxonomy');
  const stored = await findTaxonomy(db, id);
  if (!stored) return { id, name: id };
  const { createdAt: _c, updatedAt: _u, ...input } = stored;
  return input;
};

const otherOwner = (claims: TitleClaims, taxonomy: string, folded: string, code: string) =>
  claims
    .get(taxonomy)
    ?.get(folded)
    ?.find((owner) => owner !== code);

/**
 * In a taxonomy whose titles are exclusive, the page's alternative titles that another role
 * already has are left out of the draft, each with a warning; a name another role has refuses
 * the import, naming the fixes.
 */
const settleTitles = async (
  db: Db,
  page: GuidePageImport,
): Promise<{ alternativeTitles: string[]; findings: LintFinding[] }> => {
  const { taxonomy, code, content } = page;
  if (!titlesAreExclusive(taxonomy)) {
    return { alternativeTitles: content.alternativeTitles, findings: [] };
  }
  const claims = await storedTitleClaims(db, taxonomy, { drafts: true });
  const findings: LintFinding[] = [];
  const kept = new Set<string>();
  for (const title of claimedTitles(content)) {
    const owner = otherOwner(claims, taxonomy, title.folded, code);
    if (owner && title.field === 'name') {
      throw new AppError(
        'conflict',
        `The page is about "${title.title}", a title of ${taxonomy}/${owner}; nothing was written.`,
        [
          {
            field: 'name',
            message: `give the role another name with --name, or import the page into a taxonomy of your own with --taxonomy`,
          },
        ],
      );
    }
    if (owner) {
      findings.push({
        rule: 'duplicate-title',
        severity: 'warning',
        message: `the title "${title.title}" belongs to ${taxonomy}/${owner}; it was left out`,
        field: 'alternativeTitles',
        taxonomy,
        code,
      });
    } else kept.add(title.title);
  }
  return {
    alternativeTitles: content.alternativeTitles.filter((t) => kept.has(t)),
    findings,
  };
};

/** A stored role of that code stops the import, unless it is a draft the user asked to replace. */
const checkCode = async (db: Db, page: GuidePageImport, replace: boolean): Promise<void> => {
  const stored = await findRole(db, page.taxonomy, page.code);
  if (!stored) return;
  const key = `${page.taxonomy}/${page.code}`;
  if (stored.status === 'published') {
    throw new AppError('conflict', `Role ${key} is published; nothing was written.`, [
      {
        field: 'code',
        message: `an imported page never replaces a published guide: give it another code with --code (and --name), or import it into a taxonomy of your own with --taxonomy`,
      },
    ]);
  }
  if (!replace) {
    throw new AppError('conflict', `Role ${key} already exists as a draft; nothing was written.`, [
      {
        field: 'code',
        message: `${page.code} is taken: --replace writes the page over that draft, --code gives it another code`,
      },
    ]);
  }
};

/**
 * Imports one role page in the recruiter-page layout as a draft, with the glossary terms it
 * defines that the glossary lacks, in one transaction: into the built-in library, or into a
 * taxonomy of the user's own (created if needed). The page's defects always come back, also
 * when the write is refused (a published role of that code, a draft of it without `replace`, a
 * name another role has) or is a dry run. A published guide is never replaced nor taken
 * offline. Throws only for a file that is no page of the layout, or names no role.
 */
export const importGuidePage = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  file: string,
  options: GuideImportOptions = {},
): Promise<GuideImportResult> => {
  authorize(actor, 'write');
  const db = ctx.store.db;
  const taxonomy = await targetTaxonomy(db, options.taxonomy);
  const glossary = await allTerms(db);
  const page = await readGuidePage(file, {
    knownTerms: new Set(glossary.map((t) => t.slug)),
    taxonomy: taxonomy.id,
    ...(options.name ? { name: options.name } : {}),
    ...(options.code ? { code: options.code } : {}),
  });
  const { terms, newTerms } = matchGlossary(page, glossary);
  const result: GuideImportResult = {
    taxonomy: page.taxonomy,
    code: page.code,
    findings: page.findings,
    newTerms: newTerms.map((t) => t.slug),
  };
  try {
    const titles = await settleTitles(db, page);
    result.findings = [...page.findings, ...titles.findings];
    await checkCode(db, page, options.replace ?? false);
    result.report = await applyImport(
      ctx,
      actor,
      {
        source: file,
        taxonomies: [taxonomy],
        terms: newTerms,
        roles: [
          {
            taxonomy: page.taxonomy,
            code: page.code,
            content: { ...page.content, alternativeTitles: titles.alternativeTitles, terms },
          },
        ],
      },
      {
        dryRun: options.dryRun ?? false,
        // Checked in the transaction too, so a role added meanwhile is not silently replaced.
        beforeCommit: (_trx, sofar) =>
          sofar.roles.added === 0 && !options.replace
            ? Promise.reject(
                new AppError(
                  'conflict',
                  `Role ${page.taxonomy}/${page.code} was just added elsewhere; nothing was written.`,
                ),
              )
            : Promise.resolve(),
      },
    );
  } catch (error) {
    if (!isAppError(error) || !REFUSALS.has(error.code)) throw error;
    result.refused = error;
    result.newTerms = [];
  }
  return result;
};
