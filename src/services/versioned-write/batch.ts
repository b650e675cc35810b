import { AppError, isAppError, publishRefused, type ProblemDetail } from '../../domain/index.js';
import { findRevision, lastRecordedVersion } from '../../store/index.js';
import { authorize } from '../authorize.js';
import { now, type Actor, type ServiceContext } from '../context.js';
import type { EntityAdapter, Reference, Stamps, Trx } from './entity-adapter.js';
import { checkUnpublish, publicationChange } from './publication.js';
import { referenceProblems } from './references.js';
import { refuseIfDrafted, stale, taken } from './refusals.js';
import { recordChange } from './revision.js';

/** An entity as a batch brings it. */
export interface ImportedEntity<Ref, Content> {
  ref: Ref;
  content: Content;
  /** Kept as given for an entity new to the store (a lossless pack); otherwise numbered here. */
  version?: number | undefined;
  createdAt?: string | undefined;
  updatedAt?: string | undefined;
}

/** `kept`: the stored entity stays as it is though the batch brings other content (see Overwrite). */
export type ImportOutcome = 'added' | 'changed' | 'unchanged' | 'kept';

/**
 * Whether a batch may write its content over the entity stored (undefined when none is), whose
 * content differs: `write` it, `keep` what is stored, or `refuse` the batch as a stale write,
 * naming the entity. Without a guard, a batch writes.
 */
export type Overwrite = 'write' | 'keep' | 'refuse';

/** What the work of a batch writes with, inside the batch's one transaction. */
export interface BatchWriter {
  readonly trx: Trx;
  /** The batch's one timestamp. */
  readonly at: string;
  /**
   * Writes an entity as its next version, or as a new one, unless its content is what the store
   * holds. `unseen` says the store never held the key, nor any history of it (a taxonomy new to
   * the store), so nothing is looked up.
   */
  put<Ref, Content, Entity extends Stamps>(
    entity: EntityAdapter<Ref, Content, Entity>,
    item: ImportedEntity<Ref, Content>,
    options?: { unseen?: boolean; guard?: (stored: Entity | undefined) => Overwrite },
  ): Promise<ImportOutcome>;
  /** Removes a stored entity the batch no longer carries, as it was just read. */
  remove<Ref, Content, Entity extends Stamps>(
    entity: EntityAdapter<Ref, Content, Entity>,
    stored: Entity,
  ): Promise<void>;
}

export interface BatchOptions<Result> {
  /** Do everything but commit. */
  dryRun?: boolean | undefined;
  /**
   * Runs inside the transaction once everything is written and checked, before it commits (or,
   * in a dry run, rolls back): the place to read what the batch leaves, or to refuse it by
   * throwing. It sees what the work returned.
   */
  beforeCommit?: ((trx: Trx, result: Result) => Promise<void>) | undefined;
  /** Where the batch was read from (a pack's file, the content folder), for refusals to name. */
  source?: string | undefined;
}

class DryRunRollback<Result> extends Error {
  constructor(readonly result: Result) {
    super('dry run');
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Reference problems shown at most, so a refusal stays readable. */
const SHOWN = 100;

/** What a batch wrote of one kind of entity, for the checks once all of it is written. */
interface Written<Ref> {
  entity: EntityAdapter<Ref, unknown, Stamps>;
  refs: Ref[];
  /** What it wrote that readers get, as written. */
  published: Stamps[];
}

/** Where in a batch an entity is: its fields are named under `roles.rolebook/tester.`. */
const prefixOf = <Ref>(entity: EntityAdapter<Ref, unknown, Stamps>, ref: Ref): string =>
  `${entity.kind}s.${entity.key(ref)}.`;

/** Problems of one entity of a batch, named within the batch and its source. */
const locate = (
  details: readonly ProblemDetail[],
  prefix: string,
  source: string | undefined,
): ProblemDetail[] =>
  details.map((d) => ({
    ...d,
    field: `${prefix}${d.field ?? ''}`,
    ...(source === undefined ? {} : { file: source }),
  }));

/** The refusal a single write would make, about an entity of the batch, located in it. */
const locatedRefusal = (error: AppError, prefix: string, source: string | undefined): AppError =>
  new AppError(
    error.code,
    `${source === undefined ? '' : `${source}: `}${error.message}`,
    locate(error.details, prefix, source),
  );

/**
 * Writes a batch (an import, a pack, the content sync) in one transaction: all of it or none.
 * Each entity the work puts or removes goes through the same steps as a single write (versioned,
 * compare-and-set, recorded with a revision and an audit entry) but its references and claims are
 * checked once the whole batch is written, since a batch may point at or move to what it writes
 * later; a problem there refuses the batch with `import_failed`. The changes are announced once
 * committed. `dryRun` does everything but commit.
 */
export const importBatch = async <Result>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  work: (writer: BatchWriter) => Promise<Result>,
  options: BatchOptions<Result> = {},
): Promise<Result> => {
  const who = authorize(actor, 'write');
  const at = now(ctx);
  const written = new Map<string, Written<unknown>>();
  const references: Reference[] = [];
  const overtaken: ProblemDetail[] = [];

  const wrote = <Ref, Content, Entity extends Stamps>(
    entity: EntityAdapter<Ref, Content, Entity>,
    ref: Ref,
    after?: Entity,
  ) => {
    let of = written.get(entity.kind) as Written<Ref> | undefined;
    if (!of) written.set(entity.kind, (of = { entity, refs: [], published: [] }));
    of.refs.push(ref);
    if (after && entity.isPublished?.(entity.contentOf(after)) !== false) of.published.push(after);
  };

  const writer = (trx: Trx): BatchWriter => ({
    trx,
    at,
    async put(entity, item, { unseen = false, guard } = {}) {
      const { ref, content } = item;
      const key = entity.key(ref);
      const stored = unseen ? undefined : await entity.find(trx, ref);
      if (stored && sameJson(entity.contentOf(stored), content)) return 'unchanged';
      const overwrite = guard?.(stored) ?? 'write';
      if (overwrite === 'refuse') overtaken.push(await staleProblem(trx, entity, ref, stored));
      if (overwrite !== 'write') return 'kept';
      if (!stored) {
        try {
          entity.checkKey?.(ref);
        } catch (error) {
          if (!isAppError(error)) throw error;
          throw locatedRefusal(error, prefixOf(entity, ref), options.source);
        }
      }
      const version = stored
        ? stored.version + 1
        : unseen
          ? (item.version ?? 1)
          : // After the last version its history records, if one of that key was deleted.
            Math.max(item.version ?? 1, (await lastRecordedVersion(trx, entity.kind, key)) + 1);
      const next = entity.compose(ref, content, {
        version,
        createdAt: stored?.createdAt ?? item.createdAt ?? at,
        updatedAt: stored ? at : (item.updatedAt ?? at),
      });
      const publication = stored && publicationChange(entity, entity.contentOf(stored), content);
      if (stored) {
        if (!(await entity.compareAndSet(trx, next, stored.version))) throw stale(entity, ref);
        if (publication === 'unpublish') await checkUnpublish(trx, who, entity, ref);
      } else if (!(await entity.insert(trx, next))) {
        throw taken(entity, ref);
      }
      await recordChange(trx, who, {
        entity: entity.kind,
        key,
        action: publication ?? 'import',
        version,
        at,
        before: stored ?? null,
        after: next,
      });
      const prefix = prefixOf(entity, ref);
      for (const r of entity.references(ref, content)) {
        references.push({ ...r, field: `${prefix}${r.field}` });
      }
      wrote(entity, ref, next);
      return stored ? 'changed' : 'added';
    },
    async remove(entity, stored) {
      const ref = entity.refOf(stored);
      if (!(await entity.remove(trx, ref, stored.version))) throw stale(entity, ref);
      await entity.checkRemovable?.(trx, ref);
      await refuseIfDrafted(trx, entity, ref);
      await recordChange(trx, who, {
        entity: entity.kind,
        key: entity.key(ref),
        action: 'delete',
        version: stored.version + 1,
        at,
        before: stored,
        after: null,
      });
      wrote(entity, ref);
    },
  });

  try {
    const result = await ctx.store.db.transaction().execute(async (trx) => {
      const result = await work(writer(trx));
      refuseOvertaken(overtaken, options.source);
      await checkReferences(trx, ctx, references);
      for (const { entity, refs } of written.values()) await entity.settleClaims?.(trx, refs);
      for (const of of written.values()) await checkPublishable(trx, of, options.source);
      await options.beforeCommit?.(trx, result);
      if (options.dryRun) throw new DryRunRollback(result);
      return result;
    });
    if (written.size > 0) ctx.changes.publish();
    return result;
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result as Result;
    throw error;
  }
};

/** Refuses the batch when anything it wrote points at what does not exist once all is written. */
const checkReferences = async (
  trx: Trx,
  ctx: ServiceContext,
  references: readonly Reference[],
): Promise<void> => {
  const problems: ProblemDetail[] = await referenceProblems(trx, ctx.store.dialect, references);
  if (problems.length > 0) {
    throw new AppError(
      'import_failed',
      `The import refers to ${problems.length} thing(s) that do not exist or cannot be referred to; nothing was written.`,
      problems.slice(0, SHOWN),
    );
  }
};

/**
 * Refuses the batch when anything it puts before readers is unfit for them, as a single write
 * refuses it (see `EntityAdapter.publishBlockers`): every fault named by its entity and field.
 */
const checkPublishable = async <Ref>(
  trx: Trx,
  { entity, published }: Written<Ref>,
  source: string | undefined,
): Promise<void> => {
  const blocked = (await entity.publishBlockers?.(trx, published)) ?? [];
  const [first] = blocked;
  if (!first) return;
  const named = (e: Stamps) => entity.describe(entity.refOf(e));
  const more = blocked.length > 1 ? ` and ${blocked.length - 1} more` : '';
  const refusal = publishRefused(
    `${named(first.entity)}${more}`,
    blocked.flatMap(({ entity: e, blockers }) =>
      blockers.map((b) => ({
        ...b,
        field: `${prefixOf(entity, entity.refOf(e))}${b.field ?? ''}`,
      })),
    ),
  );
  throw locatedRefusal(refusal, '', source);
};

/** Names an entity written since the batch's writer last saw it: by whom, at which version. */
const staleProblem = async <Ref, Content, Entity extends Stamps>(
  trx: Trx,
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  stored: Entity | undefined,
): Promise<ProblemDetail> => {
  const field = prefixOf(entity, ref).slice(0, -1);
  const last = await lastRecordedVersion(trx, entity.kind, entity.key(ref));
  const by = (await findRevision(trx, entity.kind, entity.key(ref), last))?.actor;
  const what = stored ? `is at version ${stored.version}` : `was deleted (version ${last})`;
  return { field, message: `${what}, written by ${by ?? 'someone else'} since` };
};

/** Refuses the batch when it would write over entities others wrote since, naming each. */
const refuseOvertaken = (stale: readonly ProblemDetail[], source: string | undefined): void => {
  if (stale.length === 0) return;
  throw new AppError(
    'conflict',
    `${stale.length} of what ${source ?? 'the batch'} brings ${stale.length > 1 ? 'were' : 'was'} changed since it was last loaded, and would be overwritten: ${stale.map((p) => `${p.field} ${p.message}`).join('; ')}. Nothing was written.`,
    locate(stale, '', source),
  );
};
