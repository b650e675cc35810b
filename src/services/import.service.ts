import {
  AppError,
  parse,
  RoleContentSchema,
  roleContentOf,
  roleKey,
  termContentOf,
  TermContentSchema,
  type ProblemDetail,
  type Role,
  type RoleContent,
  type TaxonomyInput,
  type Term,
  type TermContent,
} from '../domain/index.js';
import {
  allTerms,
  countRolesByTaxonomy,
  deleteRole,
  findRole,
  findTerm,
  hasRecordedKeys,
  iterateRoles,
  lastRecordedVersion,
  roleNames,
  saveRole,
  saveTerm,
  type Database,
  type Transaction,
} from '../store/index.js';
import { authorize } from './authorize.js';
import { now, type Actor, type ChangeEvent, type ServiceContext } from './context.js';
import { recordChange } from './versioned-write/revision.js';
import { upsertTaxonomy } from './taxonomy.service.js';
import { settleTitleClaims } from './title-claims.js';

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
}

const emptyTally = (): Tally => ({ added: 0, changed: 0, unchanged: 0, removed: 0 });

class DryRunRollback extends Error {}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The version an entity new to the store starts at: the one the batch gives (a lossless pack), or
 * 1, but after the last its history records if one of that key was deleted: versions never repeat
 * within a history.
 */
const firstVersion = (given: number | undefined, lastRecorded: number): number =>
  Math.max(given ?? 1, lastRecorded + 1);

/** What a role the batch wrote points at, kept as it streams so the check need not reread it. */
interface WrittenRefs {
  key: string;
  terms: readonly string[];
  relatedRoles: readonly { taxonomy: string; code: string }[];
}

/** Related roles looked up per query, under both databases' limits on bound parameters. */
const LOOKUP_CHUNK = 250;

/** What every role and term of the finished batch points at must exist once it is written. */
const checkReferences = async (
  trx: Transaction<Database>,
  written: readonly WrittenRefs[],
): Promise<void> => {
  const problems: ProblemDetail[] = [];
  const terms = new Map((await allTerms(trx)).map((t) => [t.slug, t]));
  for (const term of terms.values()) {
    for (const example of term.examples) {
      if (!terms.has(example))
        problems.push({
          field: `terms.${term.slug}.examples`,
          message: `term ${example} does not exist`,
        });
    }
  }
  const targets = new Map<string, { taxonomy: string; code: string }>();
  for (const role of written) {
    for (const slug of role.terms) {
      if (!terms.has(slug))
        problems.push({ field: `roles.${role.key}.terms`, message: `term ${slug} does not exist` });
    }
    for (const r of role.relatedRoles) targets.set(roleKey(r.taxonomy, r.code), r);
  }
  const wanted = [...targets.values()];
  const existing = new Set<string>();
  for (let i = 0; i < wanted.length; i += LOOKUP_CHUNK) {
    for (const key of (await roleNames(trx, wanted.slice(i, i + LOOKUP_CHUNK))).keys()) {
      existing.add(key);
    }
  }
  for (const role of written) {
    for (const r of role.relatedRoles) {
      const to = roleKey(r.taxonomy, r.code);
      if (!existing.has(to))
        problems.push({
          field: `roles.${role.key}.relatedRoles`,
          message: `role ${to} does not exist`,
        });
    }
  }
  if (problems.length > 0) {
    throw new AppError(
      'import_failed',
      `The import refers to ${problems.length} thing(s) that do not exist; nothing was written.`,
      problems.slice(0, 100),
    );
  }
};

/**
 * Writes a batch of taxonomies, terms and roles in one transaction: all of it or none. Each
 * added or changed entity gets a revision and an audit entry; unchanged ones are left alone,
 * so importing the same release twice changes nothing. `dryRun` does everything but commit.
 */
export const applyImport = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  batch: ImportBatch,
  options: ImportOptions = {},
): Promise<ImportReport> => {
  const who = authorize(actor, 'write');
  const report: ImportReport = {
    source: batch.source,
    dryRun: options.dryRun ?? false,
    taxonomies: emptyTally(),
    roles: emptyTally(),
    terms: emptyTally(),
  };
  const changes: ChangeEvent[] = [];
  const at = now(ctx);
  try {
    await ctx.store.db.transaction().execute(async (trx) => {
      for (const taxonomy of batch.taxonomies) {
        report.taxonomies[await upsertTaxonomy(trx, taxonomy, at)] += 1;
      }
      for await (const term of batch.terms ?? []) {
        const content = parse(TermContentSchema, term.content, {}, `terms.${term.slug}`);
        const stored = await findTerm(trx, term.slug);
        if (stored && sameJson(termContentOf(stored), content)) {
          report.terms.unchanged += 1;
          continue;
        }
        const next: Term = {
          ...content,
          slug: term.slug,
          version: stored
            ? stored.version + 1
            : firstVersion(term.version, await lastRecordedVersion(trx, 'term', term.slug)),
          createdAt: stored?.createdAt ?? term.createdAt ?? at,
          updatedAt: stored ? at : (term.updatedAt ?? at),
        };
        await saveTerm(trx, next);
        await recordChange(trx, who, {
          entity: 'term',
          key: term.slug,
          action: 'import',
          version: next.version,
          at,
          before: stored ?? null,
          after: next,
        });
        report.terms[stored ? 'changed' : 'added'] += 1;
        changes.push({ entity: 'term', slug: term.slug });
      }

      // A taxonomy with no roles yet and none deleted has nothing to compare with or continue
      // from: its roles are not looked up.
      const counts = await countRolesByTaxonomy(trx);
      const empty = new Set<string>();
      for (const { id } of batch.taxonomies) {
        if (!counts.get(id) && !(await hasRecordedKeys(trx, 'role', `${id}/`))) empty.add(id);
      }
      const written: WrittenRefs[] = [];
      const seen = new Set<string>();
      for await (const role of batch.roles) {
        const key = roleKey(role.taxonomy, role.code);
        if (seen.has(key)) {
          throw new AppError('import_failed', `Role ${key} appears twice in the import.`, [
            { field: `roles.${key}`, message: 'duplicate code' },
          ]);
        }
        seen.add(key);
        const content = parse(RoleContentSchema, role.content, {}, `roles.${key}`);
        const stored = empty.has(role.taxonomy)
          ? undefined
          : await findRole(trx, role.taxonomy, role.code);
        if (stored && sameJson(roleContentOf(stored), content)) {
          report.roles.unchanged += 1;
        } else {
          const next: Role = {
            ...content,
            taxonomy: role.taxonomy,
            code: role.code,
            version: stored
              ? stored.version + 1
              : empty.has(role.taxonomy)
                ? (role.version ?? 1)
                : firstVersion(role.version, await lastRecordedVersion(trx, 'role', key)),
            createdAt: stored?.createdAt ?? role.createdAt ?? at,
            updatedAt: stored ? at : (role.updatedAt ?? at),
          };
          await saveRole(trx, next);
          await recordChange(trx, who, {
            entity: 'role',
            key,
            action: 'import',
            version: next.version,
            at,
            before: stored ?? null,
            after: next,
          });
          report.roles[stored ? 'changed' : 'added'] += 1;
          changes.push({ entity: 'role', taxonomy: role.taxonomy, code: role.code });
          written.push({ key, terms: content.terms, relatedRoles: content.relatedRoles });
        }
        options.onProgress?.(seen.size);
      }

      for (const taxonomy of batch.replaceTaxonomies ?? []) {
        const gone: Role[] = [];
        for await (const role of iterateRoles(trx, taxonomy)) {
          if (!seen.has(roleKey(role.taxonomy, role.code))) gone.push(role);
        }
        for (const role of gone) {
          await deleteRole(trx, role.taxonomy, role.code);
          await recordChange(trx, who, {
            entity: 'role',
            key: roleKey(role.taxonomy, role.code),
            action: 'delete',
            version: role.version + 1,
            at,
            before: role,
            after: null,
          });
          report.roles.removed += 1;
          changes.push({ entity: 'role', taxonomy: role.taxonomy, code: role.code });
        }
      }

      await checkReferences(trx, written);
      // Published taxonomies share titles between occupations as a fact of the source; lint
      // reports those. The curated library must keep every title to one role: once the batch is
      // checked, its claims are settled as written, for concurrent edits to meet in the database.
      await settleTitleClaims(
        trx,
        [...seen].map((k) => k.slice(0, k.indexOf('/'))),
      );
      await options.beforeCommit?.(trx, report);
      if (report.dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
    return report;
  }
  ctx.changes.publish(changes);
  return report;
};
