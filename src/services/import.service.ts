import {
  AppError,
  parse,
  RoleContentSchema,
  roleKey,
  TermContentSchema,
  type Role,
  type RoleContent,
  type TaxonomyInput,
  type TermContent,
} from '../domain/index.js';
import {
  addAuditEntry,
  countRolesByTaxonomy,
  findRole,
  hasRecordedKeys,
  iterateRoles,
  type Database,
  type Transaction,
} from '../store/index.js';
import type { KeptField } from '../importers/release/index.js';
import type { LintFinding } from '../lint/index.js';
import { authorize } from './authorize.js';
import type { Actor, ServiceContext } from './context.js';
import { roleAdapter, roleAdapterKeeping } from './role.adapter.js';
import { upsertTaxonomy } from './taxonomy.service.js';
import { termAdapter } from './term.adapter.js';
import {
  importBatch,
  type ImportOutcome,
  type Overwrite,
  type Stamps,
} from './versioned-write/index.js';

export interface ImportedRole {
  taxonomy: string;
  code: string;
  content: RoleContent;
  /** Kept as given (a lossless pack); otherwise the store numbers versions itself. */
  version?: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface ImportedTerm {
  slug: string;
  content: TermContent;
  version?: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface ImportBatch {
  source: string;
  taxonomies: (TaxonomyInput & { createdAt?: string; updatedAt?: string })[];
  terms?: Iterable<ImportedTerm> | AsyncIterable<ImportedTerm>;
  roles: Iterable<ImportedRole> | AsyncIterable<ImportedRole>;
  /** Roles of these taxonomies that the batch does not carry are removed (a full release). */
  replaceTaxonomies?: string[];
  /** Fields the batch does not carry: a role already stored keeps its values in them. */
  kept?: readonly KeptField[];
  /**
   * Whether the batch may write over a stored role or term (`key` its revisions' key) whose
   * content differs from what the batch brings; without it, the batch writes.
   */
  guard?: (kind: 'role' | 'term', key: string, stored: Stamps | undefined) => Overwrite;
}

export interface Tally {
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
}

export interface ImportReport {
  source: string;
  dryRun: boolean;
  taxonomies: Tally;
  roles: Tally;
  terms: Tally;
  /** The roles added, changed and removed, as `taxonomy/code`, for a report to name them. */
  changes: { added: string[]; changed: string[]; removed: string[] };
  /**
   * What the batch left as stored though it brings other content (see ImportBatch.guard), as
   * `role taxonomy/code` or `term slug`; each is counted unchanged.
   */
  kept: string[];
}

export interface ImportOptions {
  dryRun?: boolean;
  onProgress?: (roles: number) => void;
  /**
   * Runs inside the transaction once everything is written and checked, before it commits (or,
   * in a dry run, rolls back): the place to read what the import leaves, or to refuse it by
   * throwing. It sees the report so far.
   */
  beforeCommit?: (trx: Transaction<Database>, report: ImportReport) => Promise<void>;
  /**
   * Where to keep what lint finds of each role the import puts before readers (by key, warnings
   * too), as it checks them for publication: a lint of the taxonomy in `beforeCommit` takes it.
   */
  linted?: Map<string, LintFinding[]>;
}

const keptOf = (role: Role, fields: readonly KeptField[]): Partial<RoleContent> =>
  Object.fromEntries(fields.map((field) => [field, role[field]]));

const emptyTally = (): Tally => ({ added: 0, changed: 0, unchanged: 0, removed: 0 });

/**
 * Writes a batch of taxonomies, terms and roles in one transaction: all of it or none. Each
 * added or changed entity gets a revision and an audit entry; unchanged ones are left alone,
 * so importing the same release twice changes nothing. What the batch points at must exist, and
 * in the curated library each title must belong to one role, once all of it is written. `dryRun`
 * does everything but commit.
 */
export const applyImport = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  batch: ImportBatch,
  options: ImportOptions = {},
): Promise<ImportReport> =>
  importBatch(
    ctx,
    actor,
    async (writer) => {
      const { trx, at } = writer;
      const report: ImportReport = {
        source: batch.source,
        dryRun: options.dryRun ?? false,
        taxonomies: emptyTally(),
        roles: emptyTally(),
        terms: emptyTally(),
        changes: { added: [], changed: [], removed: [] },
        kept: [],
      };
      const roles = options.linted ? roleAdapterKeeping(options.linted) : roleAdapter;
      const guardOf = (kind: 'role' | 'term', key: string) =>
        batch.guard && ((stored: Stamps | undefined) => batch.guard!(kind, key, stored));
      const tally = (of: Tally, outcome: ImportOutcome, name: string) => {
        of[outcome === 'kept' ? 'unchanged' : outcome] += 1;
        if (outcome === 'kept') report.kept.push(name);
      };
      const who = authorize(actor, 'write');
      for (const taxonomy of batch.taxonomies) {
        const outcome = await upsertTaxonomy(trx, taxonomy, at);
        report.taxonomies[outcome] += 1;
        // A sheet's ?name= renames a taxonomy that every guide of it shows: who did so is kept
        // as it is for each role the import writes.
        if (outcome !== 'unchanged') {
          await addAuditEntry(trx, {
            at,
            actor: who.id,
            action: 'taxonomy.import',
            target: taxonomy.id,
            detail: { outcome, name: taxonomy.name },
          });
        }
      }
      for await (const { slug, content, ...stamps } of batch.terms ?? []) {
        const parsed = parse(TermContentSchema, content, {}, `terms.${slug}`);
        const outcome = await writer.put(
          termAdapter,
          { ...stamps, ref: slug, content: parsed },
          { guard: guardOf('term', slug) },
        );
        tally(report.terms, outcome, `term ${slug}`);
      }

      // A taxonomy with no roles yet and none deleted has nothing to compare with or continue
      // from: its roles are not looked up.
      const counts = await countRolesByTaxonomy(trx);
      const unseen = new Set<string>();
      for (const { id } of batch.taxonomies) {
        if (!counts.get(id) && !(await hasRecordedKeys(trx, 'role', `${id}/`))) unseen.add(id);
      }
      const seen = new Set<string>();
      for await (const { taxonomy, code, content, ...stamps } of batch.roles) {
        const key = roleKey(taxonomy, code);
        if (seen.has(key)) {
          throw new AppError('import_failed', `Role ${key} appears twice in the import.`, [
            { field: `roles.${key}`, message: 'duplicate code' },
          ]);
        }
        seen.add(key);
        const stored =
          batch.kept?.length && !unseen.has(taxonomy)
            ? await findRole(trx, taxonomy, code)
            : undefined;
        const merged = stored ? { ...content, ...keptOf(stored, batch.kept ?? []) } : content;
        const parsed = parse(RoleContentSchema, merged, {}, `roles.${key}`);
        const outcome = await writer.put(
          roles,
          { ...stamps, ref: { taxonomy, code }, content: parsed },
          { unseen: unseen.has(taxonomy), guard: guardOf('role', key) },
        );
        tally(report.roles, outcome, `role ${key}`);
        if (outcome === 'added' || outcome === 'changed') report.changes[outcome].push(key);
        options.onProgress?.(seen.size);
      }

      for (const taxonomy of batch.replaceTaxonomies ?? []) {
        const gone: Role[] = [];
        for await (const role of iterateRoles(trx, taxonomy)) {
          if (!seen.has(roleKey(role.taxonomy, role.code))) gone.push(role);
        }
        for (const role of gone) {
          await writer.remove(roles, role);
          report.roles.removed += 1;
          report.changes.removed.push(roleKey(role.taxonomy, role.code));
        }
      }
      return report;
    },
    { dryRun: options.dryRun, beforeCommit: options.beforeCommit, source: batch.source },
  );
