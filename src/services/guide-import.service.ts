import {
  AppError,
  BUILT_IN_TAXONOMY,
  builtInTaxonomy,
  claimedTitles,
  foldTitle,
  isAppError,
  parse,
  roleContentOf,
  roleKey,
  TaxonomyIdSchema,
  titlesAreExclusive,
  type ErrorCode,
  type Role,
  type RoleContent,
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
import { allTerms, findDraft, findRole, findTaxonomy, type Db } from '../store/index.js';
import { authorize } from './authorize.js';
import type { Actor, ServiceContext } from './context.js';
import { saveRoleDraft, startRoleDraft } from './draft.service.js';
import { applyImport, type ImportReport } from './import.service.js';
import { lintRoleIn } from './role-lint.js';
import type { RoleRef } from './role.adapter.js';
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
  /**
   * Write the page over the role of that code: over a draft role, as its next version; beside a
   * published one, as its pending draft, which leaves the published guide as readers get it.
   */
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
  /**
   * The pending draft the page became (or would become, on a dry run) beside a published role of
   * that code; the published role is as it was.
   */
  pending?: PendingGuide;
  /** Slugs of the glossary terms the page added. */
  newTerms: string[];
  /** Why nothing was written. */
  refused?: AppError;
}

export interface PendingGuide {
  /** The published version the draft is based on. */
  baseVersion: number;
  /** The draft's own version. */
  version: number;
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
const REFUSALS = new Set<ErrorCode>([
  'conflict',
  'import_failed',
  'validation_failed',
  'precondition_failed',
]);

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

/** A name the normalizer reads as a stored role's at this score or more is worth a word. */
const SIMILAR_ROLE_SCORE = 0.8;

/**
 * A warning when the page, imported as a new role, is about a role the taxonomy already has
 * under another name ("Tech Writers" beside the Technical Writer): the user likely meant to
 * update that role, and the warning names how.
 */
const similarRole = async (ctx: ServiceContext, page: GuidePageImport): Promise<LintFinding[]> => {
  const { taxonomy, code, content } = page;
  const index = await ctx.titles.get();
  const [top] = index.match(content.name, {
    taxonomy,
    top: 1,
    minScore: SIMILAR_ROLE_SCORE,
  }).matches;
  if (top === undefined || top.code === code) return [];
  return [
    {
      rule: 'similar-role',
      severity: 'warning',
      message: `"${content.name}" reads as ${taxonomy}/${top.code} (${top.name}, matched "${top.matchedTitle}" at ${top.score}); if the page is about that role, --code ${top.code} --replace makes it that role's draft to review`,
      field: 'name',
      taxonomy,
      code,
    },
  ];
};

/**
 * In a taxonomy whose titles are exclusive, the page's alternative titles that another role
 * already has are left out of the draft, each with a warning; a name another role has refuses
 * the import, naming the fixes.
 */
const settleTitles = async (
  db: Db,
  page: GuidePageImport,
  outcome: string,
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
        `The page is about "${title.title}", a title of ${taxonomy}/${owner}; ${outcome}.`,
        [
          {
            field: 'name',
            message: `if the page is about that role, --code ${owner} --replace makes it the role's draft to review; otherwise give the role another name with --name, or import the page into a taxonomy of your own with --taxonomy`,
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

/**
 * The roles the page's "Related roles" section names, found by title among the taxonomy's
 * published roles; a name no role has is left out with a warning, as a page may well name a role
 * the library does not have yet.
 */
const relatedRolesOf = async (
  db: Db,
  page: GuidePageImport,
): Promise<{ relatedRoles: RoleRef[]; findings: LintFinding[] }> => {
  if (page.relatedNames.length === 0) return { relatedRoles: [], findings: [] };
  const claims = (await storedTitleClaims(db, page.taxonomy, { drafts: false })).get(page.taxonomy);
  const relatedRoles: RoleRef[] = [];
  const findings: LintFinding[] = [];
  for (const { name, line } of page.relatedNames) {
    const code = claims?.get(foldTitle(name))?.find((owner) => owner !== page.code);
    if (code === undefined) {
      findings.push({
        rule: 'unknown-role',
        severity: 'warning',
        message: `line ${line} names the related role "${name}", which ${page.taxonomy} has no published role of; it was left out`,
        field: 'relatedRoles',
        line,
        taxonomy: page.taxonomy,
        code: page.code,
      });
    } else if (!relatedRoles.some((r) => r.code === code)) {
      relatedRoles.push({ taxonomy: page.taxonomy, code });
    }
  }
  return { relatedRoles, findings };
};

/**
 * A stored role of that code stops the import, unless the user asked to replace it: then a
 * published one is what the page becomes the pending draft of.
 */
const checkCode = async (
  db: Db,
  page: GuidePageImport,
  replace: boolean,
  outcome: string,
): Promise<Role | undefined> => {
  const stored = await findRole(db, page.taxonomy, page.code);
  if (!stored) return undefined;
  const key = `${page.taxonomy}/${page.code}`;
  if (stored.status === 'published') {
    if (replace) return stored;
    throw new AppError('conflict', `Role ${key} is published; ${outcome}.`, [
      {
        field: 'code',
        message: `an imported page never replaces a published guide: --replace makes it a draft beside it, to publish once reviewed; --code (and --name) gives it another code; --taxonomy imports it into a taxonomy of your own`,
      },
    ]);
  }
  if (!replace) {
    throw new AppError('conflict', `Role ${key} already exists as a draft; ${outcome}.`, [
      {
        field: 'code',
        message: `${page.code} is taken: --replace writes the page over that draft, --code gives it another code`,
      },
    ]);
  }
  return undefined;
};

/** The fields of a role a recruiter page has a place for; the rest it never carries. */
const PAGE_FIELDS = [
  'name',
  'summary',
  'alternativeTitles',
  'responsibilities',
  'benefits',
  'signs',
  'terms',
  'skills',
  'links',
  'relatedRoles',
] as const satisfies readonly (keyof RoleContent)[];

const filled = (value: unknown): boolean =>
  Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value.trim() !== '';

/**
 * The draft a page makes of a published role: each section the page fills, and the published
 * guide's own for every section the page leaves empty or has no place for (technologies, related
 * roles, codes in other taxonomies), so publishing it loses nothing the page did not replace. It
 * stays as published as the role is.
 */
const draftOver = (published: Role, page: RoleContent): RoleContent => {
  const draft: RoleContent = roleContentOf(published);
  for (const field of PAGE_FIELDS) {
    if (filled(page[field])) Object.assign(draft, { [field]: page[field] });
  }
  return draft;
};

/**
 * Whether a finding of the page is a section it lacks that the published guide has: the pending
 * draft keeps the published one, so nothing is missing from what would be published.
 */
const keptFromPublished = (finding: LintFinding, published: Role): boolean =>
  finding.rule === 'missing-section' &&
  PAGE_FIELDS.some((field) => field === finding.field && filled(published[field]));

/** Findings of the draft that the page's own do not already name (same rule, same field). */
const beyond = (page: readonly LintFinding[], draft: readonly LintFinding[]): LintFinding[] => {
  const named = new Set(page.map((f) => `${f.rule} ${f.field ?? ''}`));
  return draft.filter((f) => !named.has(`${f.rule} ${f.field ?? ''}`));
};

/**
 * Writes the page as the pending draft of a published role (over the draft pending, if any),
 * based on the version published now; or, on a dry run, lints what it would write. The terms the
 * page defines that the glossary lacks are left out of the draft, each with a warning: adding
 * them would change the glossary readers get before anyone reviewed the draft.
 */
const writePending = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  published: Role,
  page: RoleContent,
  newTerms: readonly PageTerm[],
  dryRun: boolean,
): Promise<{ pending: PendingGuide; findings: LintFinding[] }> => {
  const ref = { taxonomy: published.taxonomy, code: published.code };
  const left = new Set(newTerms.map((t) => t.slug));
  const content = draftOver(published, { ...page, terms: page.terms.filter((t) => !left.has(t)) });
  const findings: LintFinding[] = newTerms.map((term) => ({
    rule: 'undefined-term',
    severity: 'warning',
    message: `the page defines "${term.content.name}", which the glossary lacks; the draft leaves it out until the glossary has it`,
    field: 'terms',
    ...ref,
  }));
  const current = await findDraft(ctx.store.db, 'role', roleKey(ref.taxonomy, ref.code));
  if (dryRun) {
    const lint = await lintRoleIn(ctx.store.db, { ...content, ...ref }, { drafts: true });
    const pending = { baseVersion: published.version, version: (current?.version ?? 0) + 1 };
    return { pending, findings: [...findings, ...lint.findings] };
  }
  const input = { content, baseVersion: published.version };
  const draft = current
    ? await saveRoleDraft(ctx, actor, ref, input, current.version)
    : await startRoleDraft(ctx, actor, ref, input);
  return {
    pending: { baseVersion: draft.baseVersion, version: draft.version },
    findings: [...findings, ...draft.lint.findings],
  };
};

/**
 * Imports one role page in the recruiter-page layout as a draft, with the glossary terms it
 * defines that the glossary lacks, in one transaction: into the built-in library, or into a
 * taxonomy of the user's own (created if needed). Over a published role of that code, with
 * `replace`, the page becomes the role's pending draft instead, and readers keep the published
 * guide until an editor publishes the draft. The page's defects always come back, with what lint
 * finds in the draft, also when the write is refused (a published role of that code without
 * `replace`, a draft of it without `replace`, a name another role has) or is a dry run. Throws
 * only for a file that is no page of the layout, or names no role.
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
  // A dry run writes nothing either way; what it reports is that the real import would fail.
  const outcome = options.dryRun ? 'the import would be refused' : 'nothing was written';
  try {
    const titles = await settleTitles(db, page, outcome);
    const related = await relatedRolesOf(db, page);
    result.findings = [...page.findings, ...titles.findings, ...related.findings];
    const content = {
      ...page.content,
      alternativeTitles: titles.alternativeTitles,
      relatedRoles: related.relatedRoles,
      terms,
    };
    const published = await checkCode(db, page, options.replace ?? false, outcome);
    if (published) {
      const written = await writePending(
        ctx,
        actor,
        published,
        content,
        newTerms,
        options.dryRun ?? false,
      );
      result.pending = written.pending;
      const pageFindings = result.findings.filter((f) => !keptFromPublished(f, published));
      result.findings = [...pageFindings, ...beyond(pageFindings, written.findings)];
      result.newTerms = [];
      return result;
    }
    result.findings = [...result.findings, ...(await similarRole(ctx, page))];
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
            content,
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
