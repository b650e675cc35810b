import { validationError } from '../../domain/index.js';
import { findRevision, lastRecordedVersion } from '../../store/index.js';
import { authorize } from '../authorize.js';
import { now, type Actor, type ServiceContext } from '../context.js';
import type { EntityAdapter, Stamps, Trx } from './entity-adapter.js';
import { referenceProblems } from './references.js';
import { checkPrecondition, missing, missingVersion, stale, taken } from './refusals.js';
import { recordChange } from './revision.js';

export interface WriteOptions {
  /** The request that asked for the write, for the audit log. */
  requestId?: string | undefined;
}

export interface ConditionalWriteOptions extends WriteOptions {
  /** The version the writer edited (If-Match); the write is refused without it (428). */
  expectedVersion: number | undefined;
}

export interface RevertOptions extends ConditionalWriteOptions {
  /** The version whose content comes back. */
  toVersion: number;
}

/**
 * Runs a write of one entity in one transaction and announces it once committed, never before:
 * a listener that rereads finds what was written.
 */
const commit = async <Result>(
  ctx: ServiceContext,
  work: (trx: Trx) => Promise<Result>,
): Promise<Result> => {
  const result = await ctx.store.db.transaction().execute(work);
  ctx.changes.publish();
  return result;
};

/** Refuses content that points at what does not exist, naming every such field. */
const checkReferences = async <Ref, Content>(
  trx: Trx,
  entity: EntityAdapter<Ref, Content, Stamps>,
  ref: Ref,
  content: Content,
): Promise<void> => {
  const problems = await referenceProblems(trx, entity.references(ref, content));
  if (problems.length > 0) {
    throw validationError(problems.map((p) => p.message).join('; '), problems);
  }
};

/**
 * Stores a new entity at version 1 or, for a key whose entity was deleted, at the version after
 * the last its history records: versions never repeat within a history. A key taken is a
 * conflict, whoever got there first.
 */
export const create = async <Ref, Content, Entity extends Stamps>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  content: Content,
  options: WriteOptions = {},
): Promise<Entity> => {
  const who = authorize(actor, 'write');
  return commit(ctx, async (trx) => {
    if (await entity.find(trx, ref)) throw taken(entity, ref);
    await checkReferences(trx, entity, ref, content);
    const at = now(ctx);
    const key = entity.key(ref);
    const version = (await lastRecordedVersion(trx, entity.kind, key)) + 1;
    const created = entity.compose(ref, content, { version, createdAt: at, updatedAt: at });
    // The check above answers most duplicates; the database's key decides a race.
    if (!(await entity.insert(trx, created))) throw taken(entity, ref);
    await entity.claim?.(trx, created);
    await recordChange(trx, who, {
      entity: entity.kind,
      key,
      action: 'create',
      version,
      at,
      before: null,
      after: created,
      requestId: options.requestId,
    });
    return created;
  });
};

/** Writes the next version of a stored entity, as an edit or as a revert to an older one. */
const replaceIn = async <Ref, Content, Entity extends Stamps>(
  trx: Trx,
  ctx: ServiceContext,
  who: Actor,
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  content: (stored: Entity) => Content,
  options: ConditionalWriteOptions & { action: 'update' | 'revert' },
): Promise<Entity> => {
  const stored = await entity.find(trx, ref);
  if (!stored) throw missing(entity, ref);
  checkPrecondition(entity, ref, stored, options.expectedVersion);
  const next = content(stored);
  await checkReferences(trx, entity, ref, next);
  const updated = entity.compose(ref, next, {
    version: stored.version + 1,
    createdAt: stored.createdAt,
    updatedAt: now(ctx),
  });
  if (!(await entity.compareAndSet(trx, updated, stored.version))) throw stale(entity, ref);
  await entity.claim?.(trx, updated);
  await recordChange(trx, who, {
    entity: entity.kind,
    key: entity.key(ref),
    action: options.action,
    version: updated.version,
    at: updated.updatedAt,
    before: stored,
    after: updated,
    requestId: options.requestId,
  });
  return updated;
};

/**
 * Replaces a stored entity with new content as its next version, if the writer edited the version
 * stored (If-Match): 428 without it, 412 when another write got in first.
 */
export const replace = <Ref, Content, Entity extends Stamps>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  content: Content,
  options: ConditionalWriteOptions,
): Promise<Entity> => {
  const who = authorize(actor, 'write');
  return commit(ctx, (trx) =>
    replaceIn(trx, ctx, who, entity, ref, () => content, { ...options, action: 'update' }),
  );
};

/**
 * Puts a stored entity back as it was at an earlier version, as its next version, under the same
 * precondition as `replace`. The caller is authorised before anything is looked up, so one
 * without a key learns nothing of the history.
 */
export const revert = <Ref, Content, Entity extends Stamps>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  options: RevertOptions,
): Promise<Entity> => {
  const who = authorize(actor, 'write');
  return commit(ctx, async (trx) => {
    const revision = await findRevision<Entity>(
      trx,
      entity.kind,
      entity.key(ref),
      options.toVersion,
    );
    const snapshot = revision?.after;
    if (!snapshot) {
      // An unknown entity is named as such, not as an unknown version of it.
      if (!(await entity.find(trx, ref))) throw missing(entity, ref);
      throw missingVersion(entity, ref, options.toVersion);
    }
    return replaceIn(trx, ctx, who, entity, ref, () => entity.contentOf(snapshot), {
      ...options,
      action: 'revert',
    });
  });
};

/**
 * Removes a stored entity under the same precondition as `replace`. Its history stays, with the
 * delete as the version after the last, so a later create continues from there.
 */
export const remove = async <Ref, Content, Entity extends Stamps>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  options: ConditionalWriteOptions,
): Promise<void> => {
  const who = authorize(actor, 'write');
  await commit(ctx, async (trx) => {
    const stored = await entity.find(trx, ref);
    if (!stored) throw missing(entity, ref);
    checkPrecondition(entity, ref, stored, options.expectedVersion);
    await entity.checkRemovable?.(trx, ref);
    if (!(await entity.remove(trx, ref, stored.version))) throw stale(entity, ref);
    await recordChange(trx, who, {
      entity: entity.kind,
      key: entity.key(ref),
      action: 'delete',
      version: stored.version + 1,
      at: now(ctx),
      before: stored,
      after: null,
      requestId: options.requestId,
    });
  });
};
