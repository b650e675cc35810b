import { isDeepStrictEqual } from 'node:util';
import { AppError, notFound } from '../../domain/index.js';
import {
  addAuditEntry,
  deleteDraft,
  findDraft,
  insertDraft,
  lockDraft,
  saveDraft,
  type StoredDraft,
} from '../../store/index.js';
import { authorize } from '../authorize.js';
import { now, type Actor, type ServiceContext } from '../context.js';
import type { EntityAdapter, Stamps, Trx } from './entity-adapter.js';
import { heldAt, missing, stale, subject, type IfMatch } from './refusals.js';
import {
  holds,
  replaceIn,
  submittedContent,
  type ConditionalWriteOptions,
  type WriteOptions,
} from './write.js';

/** Where a draft's body holds the content, for a refusal to name its fields. */
const CONTENT = 'content.';

/**
 * A pending draft of a stored entity: content proposed for it, kept beside the version readers
 * get until it is published or discarded. `version` is the draft's own (its ETag);
 * `baseVersion` the stored version it was edited from.
 */
export interface Draft<Ref, Content> {
  ref: Ref;
  baseVersion: number;
  version: number;
  content: Content;
  /** Who saved it last. */
  author: string;
  createdAt: string;
  updatedAt: string;
}

export interface DraftWriteOptions extends WriteOptions {
  /**
   * The stored version the content was edited from; by default the draft's own base, or for a
   * new draft the version stored. Naming the version stored now brings a draft up to date.
   */
  baseVersion?: number | undefined;
}

type Named<Ref> = Pick<EntityAdapter<Ref, unknown, Stamps>, 'describe' | 'keyTaken'>;

/** The draft, named for the refusals every versioned write words the same way. */
const draftOf = <Ref>(entity: Named<Ref>): Named<Ref> => ({
  describe: (ref) => `the draft of ${entity.describe(ref)}`,
  keyTaken: entity.keyTaken,
});

const asDraft = <Ref, Content>(ref: Ref, stored: StoredDraft<Content>): Draft<Ref, Content> => ({
  ref,
  baseVersion: stored.baseVersion,
  version: stored.version,
  content: stored.content,
  author: stored.author,
  createdAt: stored.createdAt,
  updatedAt: stored.updatedAt,
});

const noDraft = <Ref>(entity: Named<Ref>, ref: Ref): AppError =>
  notFound(`A draft of ${entity.describe(ref)}`);

/** A base that is neither the draft's own nor the stored version was read from nothing current. */
const checkBase = <Ref>(
  entity: Named<Ref>,
  ref: Ref,
  base: number,
  allowed: readonly number[],
): void => {
  if (allowed.includes(base)) return;
  throw new AppError(
    'precondition_failed',
    `The draft names version ${base} of ${entity.describe(ref)} as its base, which is at version ${allowed.at(-1)}; reload and edit again.`,
    [{ field: 'baseVersion', message: `is ${base}; ${allowed.join(' or ')} expected` }],
  );
};

const audit = async (
  trx: Trx,
  who: Actor,
  change: { kind: string; action: string; key: string; at: string; requestId?: string | undefined },
  detail: Record<string, unknown>,
): Promise<void> =>
  addAuditEntry(trx, {
    at: change.at,
    actor: who.id,
    action: `${change.kind}.${change.action}`,
    target: change.key,
    requestId: change.requestId,
    detail,
  });

/**
 * Runs a change of the pending draft of an entity in one transaction: authorised (write), the
 * draft there (404 otherwise) and at the draft version the writer names (If-Match). The draft is
 * locked before it is read, so a change racing another is answered as if it came after it: the
 * loser of two publishes finds no draft (404), as a publish sent later does, not sometimes a
 * stale version.
 */
const changeDraft = <Ref, Content, Entity extends Stamps, Result>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  expectedVersion: IfMatch | undefined,
  work: (trx: Trx, who: Actor, current: StoredDraft<Content>) => Promise<Result>,
): Promise<Result> => {
  const who = authorize(actor, 'write');
  return ctx.store.db.transaction().execute(async (trx) => {
    await lockDraft(trx, entity.kind, entity.key(ref));
    const found = await findDraft<Content>(trx, entity.kind, entity.key(ref));
    const current = heldAt(draftOf(entity), ref, found, expectedVersion, () =>
      noDraft(entity, ref),
    );
    return work(trx, who, current);
  });
};

/**
 * The pending draft of an entity, for an actor with the read scope (drafts are unpublished
 * work); 404 when there is none.
 */
export const readDraft = async <Ref, Content, Entity extends Stamps>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
): Promise<Draft<Ref, Content>> => {
  authorize(actor, 'read');
  const stored = await findDraft<Content>(ctx.store.db, entity.kind, entity.key(ref));
  if (!stored) throw noDraft(entity, ref);
  return asDraft(ref, stored);
};

/**
 * Runs a write about the stored entity in one transaction: authorised (write), the entity there
 * (404 otherwise).
 */
const withStored = <Ref, Content, Entity extends Stamps, Result>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  work: (trx: Trx, who: Actor, stored: Entity) => Promise<Result>,
): Promise<Result> => {
  const who = authorize(actor, 'write');
  return ctx.store.db.transaction().execute(async (trx) => {
    const stored = await entity.find(trx, ref);
    if (!stored) throw missing(entity, ref);
    return work(trx, who, stored);
  });
};

/** Starts the pending draft of the entity stored, in the caller's transaction (see startDraft). */
const startIn = async <Ref, Content, Entity extends Stamps>(
  trx: Trx,
  ctx: ServiceContext,
  who: Actor,
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  stored: Entity,
  content: Content,
  options: DraftWriteOptions,
): Promise<Draft<Ref, Content>> => {
  const key = entity.key(ref);
  const baseVersion = options.baseVersion ?? stored.version;
  checkBase(entity, ref, baseVersion, [stored.version]);
  const at = now(ctx);
  const draft: StoredDraft<Content> = {
    entity: entity.kind,
    key,
    baseVersion,
    version: 1,
    content,
    author: who.id,
    createdAt: at,
    updatedAt: at,
  };
  // The key decides a race between two first saves, as it does for creates.
  if (!(await insertDraft(trx, draft))) {
    throw new AppError(
      'conflict',
      `${subject(entity, ref)} already has a draft; edit it, naming its version in If-Match.`,
    );
  }
  // Rewriting the entity as it is locks its row: a delete racing this start either waits and
  // then sees the draft, or has removed the row first and this start finds it gone.
  if (!(await entity.compareAndSet(trx, stored, stored.version))) throw missing(entity, ref);
  await audit(
    trx,
    who,
    { kind: entity.kind, action: 'draft-save', key, at, requestId: options.requestId },
    { draftVersion: 1, baseVersion },
  );
  return asDraft(ref, draft);
};

/**
 * Starts the pending draft of a stored entity, based on the version stored (or on `baseVersion`,
 * which must be it), leaving the stored entity as readers get it. An entity has one draft at
 * most: a second start is a conflict. An audit entry; no revision, since nothing is published.
 * Content that is what is stored still starts a draft: one asked for is one to edit next. It may
 * be the entity as a reader got it (see submittedContent).
 */
export const startDraft = async <Ref, Content, Entity extends Stamps>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  submitted: Content,
  options: DraftWriteOptions = {},
): Promise<Draft<Ref, Content>> => {
  const content = submittedContent(entity, ref, submitted, CONTENT);
  return withStored(ctx, actor, entity, ref, (trx, who, stored) =>
    startIn(trx, ctx, who, entity, ref, stored, content, options),
  );
};

/**
 * Saves new content over the pending draft of an entity, at the draft version the writer edited
 * (If-Match: 428 without it, 412 when another save got in first). Saving what the draft holds
 * changes nothing. An audit entry. The content may be the entity as a reader got it.
 */
export const writeDraft = async <Ref, Content, Entity extends Stamps>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  submitted: Content,
  options: DraftWriteOptions & Pick<ConditionalWriteOptions, 'expectedVersion'>,
): Promise<Draft<Ref, Content>> => {
  const content = submittedContent(entity, ref, submitted, CONTENT);
  const named = draftOf(entity);
  const key = entity.key(ref);
  return changeDraft(
    ctx,
    actor,
    entity,
    ref,
    options.expectedVersion,
    async (trx, who, current) => {
      const stored = await entity.find(trx, ref);
      if (!stored) throw missing(entity, ref);
      const baseVersion = options.baseVersion ?? current.baseVersion;
      checkBase(entity, ref, baseVersion, [current.baseVersion, stored.version]);
      if (baseVersion === current.baseVersion && isDeepStrictEqual(content, current.content)) {
        return asDraft(ref, current);
      }
      const at = now(ctx);
      const next: StoredDraft<Content> = {
        ...current,
        baseVersion,
        version: current.version + 1,
        content,
        author: who.id,
        updatedAt: at,
      };
      if (!(await saveDraft(trx, next, current.version))) throw stale(named, ref);
      await audit(
        trx,
        who,
        { kind: entity.kind, action: 'draft-save', key, at, requestId: options.requestId },
        { draftVersion: next.version, baseVersion },
      );
      return asDraft(ref, next);
    },
  );
};

/**
 * Saves content as the pending draft of a stored entity, as an editor saves it: over the draft
 * at the version the editor was shown (`draftVersion`), or as a new draft when it was shown none.
 * A save that changes nothing writes nothing, as publishing what is stored makes no version:
 * content that is what the draft holds, or with no draft what is stored, leaves no draft and no
 * audit entry, and answers undefined.
 */
export const saveAsDraft = async <Ref, Content, Entity extends Stamps>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  content: Content,
  { draftVersion, ...options }: DraftWriteOptions & { draftVersion: number | undefined },
): Promise<Draft<Ref, Content> | undefined> => {
  if (draftVersion !== undefined) {
    const saved = await writeDraft(ctx, actor, entity, ref, content, {
      ...options,
      expectedVersion: draftVersion,
    });
    return saved.version === draftVersion ? undefined : saved;
  }
  return withStored(ctx, actor, entity, ref, async (trx, who, stored) => {
    const base = options.baseVersion ?? stored.version;
    if (base === stored.version && holds(entity, stored, content)) return undefined;
    return startIn(trx, ctx, who, entity, ref, stored, content, options);
  });
};

/** Throws the draft away, at the draft version named (If-Match), as an audit entry. */
export const discardDraft = async <Ref, Content, Entity extends Stamps>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  options: ConditionalWriteOptions,
): Promise<void> => {
  const key = entity.key(ref);
  await changeDraft(ctx, actor, entity, ref, options.expectedVersion, async (trx, who, current) => {
    if (!(await deleteDraft(trx, entity.kind, key, current.version))) {
      throw stale(draftOf(entity), ref);
    }
    const at = now(ctx);
    await audit(
      trx,
      who,
      { kind: entity.kind, action: 'draft-discard', key, at, requestId: options.requestId },
      { draftVersion: current.version },
    );
  });
};

/**
 * Makes the draft named (If-Match: its version) the stored entity's next version through the one
 * versioned write, and removes the draft, in one transaction. The stored entity must still be at
 * the version the draft was edited from: if another write moved it on, publishing is refused
 * (409) and the draft stays, to be brought up to date. What is published is published whatever
 * the draft's status says. Publishing is a revision and an audit entry; a draft identical to what
 * is stored only goes, as an audit entry.
 */
export const publishDraft = async <Ref, Content, Entity extends Stamps>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  options: ConditionalWriteOptions,
): Promise<Entity> => {
  const key = entity.key(ref);
  const published = await changeDraft(
    ctx,
    actor,
    entity,
    ref,
    options.expectedVersion,
    async (trx, who, draft) => {
      let stored = await entity.find(trx, ref);
      // Rewriting the entity as it is locks its row: a write that got in first is seen here and
      // refused as moved on (409, the draft kept), as it is when it came first, not as stale.
      if (stored && !(await entity.compareAndSet(trx, stored, stored.version))) {
        stored = await entity.find(trx, ref);
      }
      if (!stored) throw missing(entity, ref);
      if (stored.version !== draft.baseVersion) {
        throw new AppError(
          'conflict',
          `${subject(entity, ref)} is at version ${stored.version}, but the draft was edited from version ${draft.baseVersion}: bring the draft up to date (save it with baseVersion ${stored.version}) and publish again.`,
          [
            {
              field: 'baseVersion',
              message: `is ${draft.baseVersion}; the stored version is ${stored.version}`,
            },
          ],
        );
      }
      // Publishing publishes: a draft's own status cannot make it take the entity offline.
      const content = entity.published?.(draft.content) ?? draft.content;
      const result = await replaceIn(trx, ctx, who, entity, ref, () => content, {
        expectedVersion: draft.baseVersion,
        requestId: options.requestId,
        action: 'publish',
      });
      if (!(await deleteDraft(trx, entity.kind, key, draft.version))) {
        throw stale(draftOf(entity), ref);
      }
      if (result.version === stored.version) {
        await audit(
          trx,
          who,
          { kind: entity.kind, action: 'publish', key, at: now(ctx), requestId: options.requestId },
          { version: stored.version, draftVersion: draft.version, unchanged: true },
        );
      }
      return result;
    },
  );
  ctx.changes.publish();
  return published;
};
