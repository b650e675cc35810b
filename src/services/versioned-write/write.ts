import { isDeepStrictEqual } from 'node:util';
import {
  AppError,
  publishRefused,
  validationError,
  type ProblemDetail,
} from '../../domain/index.js';
import { findRevision, lastRecordedVersion } from '../../store/index.js';
import { authorize } from '../authorize.js';
import { now, type Actor, type ServiceContext } from '../context.js';
import type { EntityAdapter, Stamps, Trx } from './entity-adapter.js';
import { checkUnpublish, publicationChange } from './publication.js';
import { referenceProblems } from './references.js';
import {
  checkPrecondition,
  heldAt,
  lateWriteRefusal,
  missing,
  missingVersion,
  refuseIfDrafted,
  taken,
  type IfMatch,
} from './refusals.js';
import { recordChange } from './revision.js';

export interface WriteOptions {
  /** The request that asked for the write, for the audit log. */
  requestId?: string | undefined;
}

export interface ConditionalWriteOptions extends WriteOptions {
  /** The version the writer edited (If-Match); the write is refused without it (428). */
  expectedVersion: IfMatch | undefined;
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

/**
 * Refuses content that points at what does not exist, naming every such field. A version put
 * back pointed at what existed then: what it names has been deleted since, so the refusal is a
 * conflict with what is stored now, and says how to resolve it.
 */
const checkReferences = async <Ref, Content>(
  trx: Trx,
  ctx: ServiceContext,
  entity: EntityAdapter<Ref, Content, Stamps>,
  ref: Ref,
  content: Content,
  action: 'create' | 'update' | 'revert' | 'publish',
): Promise<void> => {
  const problems = await referenceProblems(trx, ctx.store.dialect, entity.references(ref, content));
  if (problems.length === 0) return;
  const message = problems.map((p) => p.message).join('; ');
  if (action !== 'revert') throw validationError(message, problems);
  throw new AppError(
    'conflict',
    `The version put back names what has been deleted since: ${message}. Restore that first, or put back a version that does not name it.`,
    problems,
  );
};

/**
 * Refuses a written entity that readers would get while it is unfit for them (see
 * `publishBlockers`), as publishing names the faults: by field. Checked once its claims are held,
 * so that a title another role holds is refused as that conflict, and against the store as the
 * write leaves it.
 */
const checkPublishable = async <Ref, Content, Entity extends Stamps>(
  trx: Trx,
  entity: EntityAdapter<Ref, Content, Entity>,
  written: Entity,
): Promise<void> => {
  if (entity.isPublished?.(entity.contentOf(written)) === false) return;
  const [blocked] = (await entity.publishBlockers?.(trx, [written])) ?? [];
  if (blocked) throw publishRefused(entity.describe(entity.refOf(written)), blocked.blockers);
};

/**
 * Stores an entity under a key no stored entity holds, at the version after the last its history
 * records (1 for a new key): versions never repeat within a history. A key taken is a conflict,
 * whoever got there first.
 */
const insertIn = async <Ref, Content, Entity extends Stamps>(
  trx: Trx,
  ctx: ServiceContext,
  who: Actor,
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  content: Content,
  options: WriteOptions & { action: 'create' | 'revert'; createdAt?: string | undefined },
): Promise<Entity> => {
  await checkReferences(trx, ctx, entity, ref, content, options.action);
  const at = now(ctx);
  const key = entity.key(ref);
  const version = (await lastRecordedVersion(trx, entity.kind, key)) + 1;
  const created = entity.compose(ref, content, {
    version,
    createdAt: options.createdAt ?? at,
    updatedAt: at,
  });
  // The caller's lookup answers most duplicates; the database's key decides a race.
  if (!(await entity.insert(trx, created))) throw taken(entity, ref);
  await entity.claim?.(trx, created);
  await checkPublishable(trx, entity, created);
  await recordChange(trx, who, {
    entity: entity.kind,
    key,
    action: options.action,
    version,
    at,
    before: null,
    after: created,
    requestId: options.requestId,
  });
  return created;
};

/**
 * Stores a new entity at version 1 or, for a key whose entity was deleted, at the version after
 * the last its history records. A key the entity cannot have is refused first (400), whoever
 * asks, as the schema refuses one.
 */
export const create = async <Ref, Content, Entity extends Stamps>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  content: Content,
  options: WriteOptions = {},
): Promise<Entity> => {
  entity.checkKey?.(ref);
  const who = authorize(actor, 'write');
  return commit(ctx, async (trx) => {
    if (await entity.find(trx, ref)) throw taken(entity, ref);
    return insertIn(trx, ctx, who, entity, ref, content, { ...options, action: 'create' });
  });
};

/** Whether content is what a stored entity holds: saving it would change nothing. */
export const holds = <Ref, Content, Entity extends Stamps>(
  entity: EntityAdapter<Ref, Content, Entity>,
  stored: Entity,
  content: Content,
): boolean => isDeepStrictEqual(content, entity.contentOf(stored));

/** Turns an If-Match: * write may lose to other writers before it is refused as stale. */
const STAR_WRITE_ATTEMPTS = 100;

/**
 * Writes the next version of a stored entity, as an edit, a revert to an older one, or a pending
 * draft published, in the caller's transaction. One that takes a published entity back to draft
 * is recorded as an unpublish, under a delete's rules (see checkUnpublish); one that puts an
 * entity not published before readers, as a publish.
 */
export const replaceIn = async <Ref, Content, Entity extends Stamps>(
  trx: Trx,
  ctx: ServiceContext,
  who: Actor,
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  content: (stored: Entity) => Content,
  options: ConditionalWriteOptions & { action: 'update' | 'revert' | 'publish' },
): Promise<Entity> => {
  let stored: Entity;
  let next: Content;
  let updated: Entity;
  for (let attempt = 1; ; attempt++) {
    stored = heldAt(entity, ref, await entity.find(trx, ref), options.expectedVersion);
    next = content(stored);
    // Saving what is stored changes nothing: no new version, no revision.
    if (holds(entity, stored, next)) return stored;
    await checkReferences(trx, ctx, entity, ref, next, options.action);
    updated = entity.compose(ref, next, {
      version: stored.version + 1,
      createdAt: stored.createdAt,
      updatedAt: now(ctx),
    });
    if (await entity.compareAndSet(trx, updated, stored.version)) break;
    // If-Match: * accepts whatever version is stored, so a write that got in first is written
    // over, as it is when this one comes just after it. Each lost turn is another writer's
    // commit, so this ends; the bound only guards against a store that never says yes.
    if (options.expectedVersion !== '*' || attempt === STAR_WRITE_ATTEMPTS) {
      throw await lateWriteRefusal(trx, entity, ref, options.expectedVersion);
    }
  }
  const publication = publicationChange(entity, entity.contentOf(stored), next);
  if (publication === 'unpublish') await checkUnpublish(trx, who, entity, ref);
  await entity.claim?.(trx, updated);
  await checkPublishable(trx, entity, updated);
  await recordChange(trx, who, {
    entity: entity.kind,
    key: entity.key(ref),
    action: publication ?? options.action,
    version: updated.version,
    at: updated.updatedAt,
    before: stored,
    after: updated,
    requestId: options.requestId,
  });
  return updated;
};

/** The server-managed fields of an entity as a reader gets it: its key and its stamps. */
const STAMPS = ['version', 'createdAt', 'updatedAt'] as const;

/**
 * Splits what an entity as a reader got it (GET) says besides its content, so fetch-edit-save
 * works: its key fields must be the URL's (400 otherwise, naming the field under `within`); its
 * stamps are returned for the write to hold against the stored ones.
 */
const splitSubmitted = <Ref, Content, Entity extends Stamps>(
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  submitted: Content & Partial<Stamps>,
  within = '',
): { content: Content; stamps: Partial<Stamps> } => {
  const given = { ...submitted } as Record<string, unknown>;
  const stamps: Partial<Record<(typeof STAMPS)[number], unknown>> = {};
  for (const field of STAMPS) {
    if (field in given) stamps[field] = given[field];
    delete given[field];
  }
  // Composed from no content, an entity is its key fields and its stamps.
  const identity = Object.entries(
    entity.compose(ref, {} as Content, { version: 0, createdAt: '', updatedAt: '' }),
  ).filter(([field]) => !(STAMPS as readonly string[]).includes(field));
  const contradicted: ProblemDetail[] = [];
  for (const [field, value] of identity) {
    if (!(field in given)) continue;
    if (given[field] !== value) {
      contradicted.push({
        field: `${within}${field}`,
        message: `is ${JSON.stringify(value)} in the URL`,
      });
    }
    delete given[field];
  }
  if (contradicted.length > 0) {
    throw validationError(
      `The body names another ${entity.kind} than its URL; send it to its own URL.`,
      contradicted,
    );
  }
  return { content: given as Content, stamps: stamps as Partial<Stamps> };
};

/**
 * The content of an entity as a reader got it, for a draft: its key fields must be the URL's
 * (400 otherwise, naming the field under `within`), its stamps are set aside, since a draft says
 * itself which version it was edited from.
 */
export const submittedContent = <Ref, Content, Entity extends Stamps>(
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  submitted: Content,
  within: string,
): Content =>
  // What a body validated as content may carry besides it: the key and the stamps a GET sends.
  splitSubmitted(entity, ref, submitted as Content & Partial<Stamps>, within).content;

/** Refuses stamps from a reader's copy that are not those stored: it was another version. */
const checkStamps = <Ref>(
  entity: EntityAdapter<Ref, unknown, Stamps>,
  ref: Ref,
  stored: Stamps,
  stamps: Partial<Stamps>,
): void => {
  const contradicted = STAMPS.filter((f) => stamps[f] !== undefined && stamps[f] !== stored[f]);
  if (contradicted.length > 0) {
    throw new AppError(
      'precondition_failed',
      `The body's ${contradicted.join(', ')} ${contradicted.length > 1 ? 'are' : 'is'} not that of ${entity.describe(ref)} as stored (version ${stored.version}); reload and edit again.`,
      contradicted.map((field) => ({ field, message: `is ${String(stored[field])} as stored` })),
    );
  }
};

/**
 * Replaces a stored entity with new content as its next version, if the writer edited the version
 * stored (If-Match): 428 without it, 412 when another write got in first. The body may be the
 * entity as a reader got it: its key and stamps are held against the URL and the stored ones.
 */
export const replace = <Ref, Content, Entity extends Stamps>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  submitted: Content & Partial<Stamps>,
  options: ConditionalWriteOptions,
): Promise<Entity> => {
  const who = authorize(actor, 'write');
  const { content, stamps } = splitSubmitted(entity, ref, submitted);
  return commit(ctx, (trx) =>
    replaceIn(
      trx,
      ctx,
      who,
      entity,
      ref,
      (stored) => {
        checkStamps(entity, ref, stored, stamps);
        return content;
      },
      { ...options, action: 'update' },
    ),
  );
};

/**
 * Puts an entity back as it was at an earlier version, as its next version, under the same
 * precondition as `replace`. A deleted entity comes back this way too: its delete is the version
 * If-Match names. The caller is authorised before anything is looked up, so one without a key
 * learns nothing of the history.
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
    const key = entity.key(ref);
    const snapshot = (await findRevision<Entity>(trx, entity.kind, key, options.toVersion))?.after;
    if (await entity.find(trx, ref)) {
      if (!snapshot) throw missingVersion(entity, ref, options.toVersion);
      return replaceIn(trx, ctx, who, entity, ref, () => entity.contentOf(snapshot), {
        ...options,
        action: 'revert',
      });
    }
    const last = await findRevision<Entity>(
      trx,
      entity.kind,
      key,
      await lastRecordedVersion(trx, entity.kind, key),
    );
    // An unknown entity is named as such, not as an unknown version of it.
    if (last?.action !== 'delete') throw missing(entity, ref);
    if (!snapshot) throw missingVersion(entity, ref, options.toVersion);
    checkPrecondition(entity, ref, last, options.expectedVersion);
    return insertIn(trx, ctx, who, entity, ref, entity.contentOf(snapshot), {
      ...options,
      action: 'revert',
      // Brought back, not created: it keeps the day it was first made.
      createdAt: last.before?.createdAt,
    });
  });
};

/** What a delete leaves: the version its history records it as, and who still points at it. */
export interface Removal {
  version: number;
  /** Entities whose content still names the one deleted; lint reports each until mended. */
  referencedBy: ProblemDetail[];
}

/**
 * Removes a stored entity under the same precondition as `replace`, softly (refused with 409 while
 * it has a pending draft): its history stays,
 * with the delete as the version after the last, so `revert` brings it back and a later create
 * continues from there. Needs the delete scope, not only write.
 */
export const remove = async <Ref, Content, Entity extends Stamps>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  options: ConditionalWriteOptions,
): Promise<Removal> => {
  const who = authorize(actor, 'delete');
  return commit(ctx, async (trx) => {
    const stored = heldAt(entity, ref, await entity.find(trx, ref), options.expectedVersion);
    if (!(await entity.remove(trx, ref, stored.version))) {
      throw await lateWriteRefusal(trx, entity, ref, options.expectedVersion);
    }
    await entity.checkRemovable?.(trx, ref);
    await refuseIfDrafted(trx, entity, ref);
    const version = stored.version + 1;
    await recordChange(trx, who, {
      entity: entity.kind,
      key: entity.key(ref),
      action: 'delete',
      version,
      at: now(ctx),
      before: stored,
      after: null,
      requestId: options.requestId,
    });
    return { version, referencedBy: (await entity.referrers?.(trx, ref)) ?? [] };
  });
};
