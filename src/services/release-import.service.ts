import { openEscoRelease, type EscoOptions } from '../importers/esco/index.js';
import {
  BUILT_IN_TAXONOMY,
  parse,
  TaxonomyIdSchema,
  validationError,
  type TaxonomyInput,
} from '../domain/index.js';
import { openOnetRelease, type OnetOptions } from '../importers/onet/index.js';
import type { ImportNote, RoleRelease } from '../importers/release/index.js';
import { openRoleSheet, readRoleSheet } from '../importers/role-sheet/index.js';
import type { LintFinding } from '../lint/index.js';
import { findTaxonomy } from '../store/index.js';
import { authorize } from './authorize.js';
import type { Actor, ServiceContext } from './context.js';
import { applyImport, type ImportReport } from './import.service.js';
import { lintTaxonomyIn } from './lint.service.js';
import { lintReportOf, type LintReport } from './role-lint.js';

export interface ReleaseImportOptions {
  /** Do everything, lint included, but write nothing. */
  dryRun?: boolean;
  /** Called once the release is open and checked, with how many roles it holds. */
  onOpen?: (total: number) => void;
  /** Called after each role is written, with how many have been. */
  onProgress?: (roles: number) => void;
}

export interface ReleaseImportResult {
  report: ImportReport;
  /** What the release left out or cut short without failing. */
  notes: readonly ImportNote[];
  /** Lint of the taxonomy as the import leaves it. */
  lint: LintReport;
}

/**
 * A release that does not say its version (an O*NET one without its Read Me) keeps the version
 * stored, and the attribution naming it, rather than silently unsetting them.
 */
const keepStoredVersion = async (
  ctx: ServiceContext,
  taxonomy: TaxonomyInput,
): Promise<TaxonomyInput> => {
  if (taxonomy.version) return taxonomy;
  const stored = await findTaxonomy(ctx.store.db, taxonomy.id);
  if (!stored?.version) return taxonomy;
  return {
    ...taxonomy,
    version: stored.version,
    ...(stored.attribution ? { attribution: stored.attribution } : {}),
  };
};

/**
 * Imports a whole release as its taxonomy, in one transaction: roles the release no longer
 * has are removed (unless `replace` is false), unchanged ones are left alone, and the taxonomy is linted before the
 * transaction ends, so a dry run reports the same findings a real import would.
 */
const importRoleRelease = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  source: string,
  open: () => Promise<RoleRelease>,
  options: ReleaseImportOptions,
  replace = true,
): Promise<ReleaseImportResult> => {
  authorize(actor, 'write');
  const release = await open();
  options.onOpen?.(release.total);
  const described = await keepStoredVersion(ctx, release.taxonomy);
  const taxonomy = release.taxonomy.id;
  let lint: LintReport | undefined;
  const linted = new Map<string, LintFinding[]>();
  const report = await applyImport(
    ctx,
    actor,
    {
      source,
      taxonomies: [described],
      roles: release.roles(),
      ...(replace ? { replaceTaxonomies: [taxonomy] } : {}),
      ...(release.kept ? { kept: release.kept } : {}),
    },
    {
      dryRun: options.dryRun ?? false,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      linted,
      beforeCommit: async (trx) => {
        lint = await lintTaxonomyIn(trx, taxonomy, linted);
      },
    },
  );
  return { report, notes: release.notes, lint: lint ?? lintReportOf(0, []) };
};

/**
 * Imports an O*NET database release (the tab-separated text files as published) into the
 * `onet` taxonomy. Bad input fails with `import_failed` naming file, line and column, and
 * nothing is written.
 */
export const importOnetRelease = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  dir: string,
  options: ReleaseImportOptions & OnetOptions = {},
): Promise<ReleaseImportResult> => {
  const { version, ...rest } = options;
  return importRoleRelease(
    ctx,
    actor,
    dir,
    () => openOnetRelease(dir, version ? { version } : {}),
    rest,
  );
};

/** Imports an ESCO CSV download into the `esco` taxonomy, labels in one language (default en). */
export const importEscoRelease = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  dir: string,
  options: ReleaseImportOptions & EscoOptions = {},
): Promise<ReleaseImportResult> => {
  const { language, version, ...rest } = options;
  const esco: EscoOptions = {
    ...(language ? { language } : {}),
    ...(version ? { version } : {}),
  };
  return importRoleRelease(ctx, actor, dir, () => openEscoRelease(dir, esco), rest);
};

export interface RoleSheetImportOptions extends ReleaseImportOptions {
  /** The taxonomy's name; a new taxonomy is otherwise named by its id, a stored one keeps its own. */
  name?: string;
  /**
   * Where the taxonomy was given, which a refusal of it names: `taxonomy` (the command line's
   * option) unless the caller says otherwise, as the API does for its path's `path.id`.
   */
  taxonomyField?: string;
}

/** Taxonomies a sheet may not write into: the curated one, and those a release import replaces. */
const NOT_A_COMPANY_TAXONOMY: ReadonlySet<string> = new Set([BUILT_IN_TAXONOMY, 'onet', 'esco']);

/** The taxonomy a sheet's roles go into, as stored or new, renamed when a name is given. */
const sheetTaxonomy = async (
  ctx: ServiceContext,
  id: string,
  name: string | undefined,
  field: string,
): Promise<TaxonomyInput> => {
  parse(TaxonomyIdSchema, id, {}, field);
  if (NOT_A_COMPANY_TAXONOMY.has(id)) {
    const message = `${id} is not a company's own taxonomy; name one of your own, such as acme`;
    throw validationError(`The taxonomy "${id}" cannot take imported roles.`, [{ field, message }]);
  }
  const stored = await findTaxonomy(ctx.store.db, id);
  if (!stored) return { id, name: name ?? id };
  const { createdAt: _c, updatedAt: _u, ...input } = stored;
  return name === undefined ? input : { ...input, name };
};

/** A sheet as a file, or as the bytes an API client sent, with the name its problems are under. */
export type RoleSheetInput = { file: string } | { bytes: Uint8Array; name: string };

/**
 * Imports a company's job architecture exported as CSV (see readRoleSheet) into a taxonomy of
 * its own, all or nothing: a row unchanged since the last import leaves its role alone, a
 * changed one makes a new revision. Roles the sheet does not list are kept, since the same
 * taxonomy may hold roles imported page by page.
 */
export const importRoleSheet = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  sheet: RoleSheetInput,
  taxonomy: string,
  options: RoleSheetImportOptions = {},
): Promise<ReleaseImportResult> => {
  const { name, taxonomyField = 'taxonomy', ...rest } = options;
  authorize(actor, 'write');
  const described = await sheetTaxonomy(ctx, taxonomy, name, taxonomyField);
  const open =
    'file' in sheet
      ? () => openRoleSheet(sheet.file, { taxonomy: described })
      : () => Promise.resolve(readRoleSheet(sheet.bytes, sheet.name, { taxonomy: described }));
  return importRoleRelease(
    ctx,
    actor,
    'file' in sheet ? sheet.file : sheet.name,
    open,
    rest,
    false,
  );
};
