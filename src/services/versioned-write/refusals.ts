import { AppError, notFound } from '../../domain/index.js';
import { findDraft } from '../../store/index.js';
import type { EntityAdapter, Stamps, Trx } from './entity-adapter.js';

/*
 * How a versioned write refuses, worded once for every entity: 404 for what is not there, 409
 * for a key another write holds, 428 without the version edited, 412 when the stored one moved.
 */

type Named<Ref> = Pick<EntityAdapter<Ref, unknown, Stamps>, 'describe' | 'keyTaken'>;

/** The name at the start of a sentence. */
export const subject = <Ref>(entity: Named<Ref>, ref: Ref): string => {
  const name = entity.describe(ref);
  return name.charAt(0).toUpperCase() + name.slice(1);
};

export const missing = <Ref>(entity: Named<Ref>, ref: Ref): AppError =>
  notFound(subject(entity, ref));

export const missingVersion = <Ref>(entity: Named<Ref>, ref: Ref, version: number): AppError =>
  notFound(`Version ${version} of ${entity.describe(ref)}`);

export const taken = <Ref>(entity: Named<Ref>, ref: Ref): AppError =>
  new AppError('conflict', `${subject(entity, ref)} already exists.`, [entity.keyTaken(ref)]);

/**
 * Which versions a write accepts (If-Match): `*` whatever is stored, else the listed versions; an
 * empty list (only weak or foreign tags were sent) matches nothing.
 */
export type IfMatch = number | '*' | readonly number[];

const matches = (expected: IfMatch, version: number): boolean =>
  expected === '*' ||
  (typeof expected === 'number' ? expected === version : expected.includes(version));

/** The refusal of a write that does not name the version it edited, or names one not stored. */
const preconditionRefusal = <Ref>(
  entity: Named<Ref>,
  ref: Ref,
  stored: Pick<Stamps, 'version'>,
  expectedVersion: IfMatch | undefined,
): AppError | undefined => {
  if (expectedVersion === undefined) {
    return new AppError(
      'precondition_required',
      `Send the version of ${entity.describe(ref)} you edited (If-Match).`,
    );
  }
  if (matches(expectedVersion, stored.version)) return undefined;
  const named = typeof expectedVersion === 'number' ? [expectedVersion] : [...expectedVersion];
  return preconditionFailed(
    entity,
    ref,
    `is at version ${stored.version}, not ${named.length > 0 ? named.join(' or ') : 'the one sent'}; reload and edit again.`,
  );
};

/** Refuses a write that does not name the version it edited, or names one no longer stored. */
export const checkPrecondition = <Ref>(
  entity: Named<Ref>,
  ref: Ref,
  stored: Pick<Stamps, 'version'>,
  expectedVersion: IfMatch | undefined,
): void => {
  const refusal = preconditionRefusal(entity, ref, stored, expectedVersion);
  if (refusal) throw refusal;
};

/**
 * What a conditional write edits, refused when it is not there (`absent`) or not at the version
 * the writer names (If-Match).
 */
export const heldAt = <Ref, Held extends Pick<Stamps, 'version'>>(
  entity: Named<Ref>,
  ref: Ref,
  held: Held | undefined,
  expectedVersion: IfMatch | undefined,
  absent: () => AppError = () => missing(entity, ref),
): Held => {
  if (!held) throw absent();
  checkPrecondition(entity, ref, held, expectedVersion);
  return held;
};

/** The stored version moved on (or went) between the read and the compare-and-set. */
export const stale = <Ref>(entity: Named<Ref>, ref: Ref): AppError =>
  preconditionFailed(entity, ref, 'changed while this write was under way.');

/**
 * The refusal of a conditional write whose compare-and-set found the entity no longer as it read
 * it: the one the same write gets when sent just after the write that got in first, read from
 * what that write committed, so a client's answer does not depend on timing. An entity deleted
 * meanwhile is 404, as for a write sent after the delete (RFC 9110 §13.2.1: a failure found
 * without the precondition comes first); one moved on to a version not named is 412.
 */
export const lateWriteRefusal = async <Ref>(
  trx: Trx,
  entity: Named<Ref> & Pick<EntityAdapter<Ref, unknown, Stamps>, 'find'>,
  ref: Ref,
  expectedVersion: IfMatch | undefined,
): Promise<AppError> => {
  const current = await entity.find(trx, ref);
  if (!current) return missing(entity, ref);
  return preconditionRefusal(entity, ref, current, expectedVersion) ?? stale(entity, ref);
};

const preconditionFailed = <Ref>(entity: Named<Ref>, ref: Ref, what: string): AppError =>
  new AppError('precondition_failed', `${subject(entity, ref)} ${what}`);

/**
 * Refuses (409) removing an entity with a pending draft, naming the draft, so unpublished work
 * is never dropped unseen nor left behind an entity that is gone: discard or publish it first.
 * Called once the entity's row is removed (and locked), so a draft started at the same moment
 * is either seen here or finds the entity gone.
 */
export const refuseIfDrafted = async <Ref>(
  trx: Trx,
  entity: Pick<EntityAdapter<Ref, unknown, Stamps>, 'kind' | 'key' | 'describe' | 'keyTaken'>,
  ref: Ref,
  doing: 'deleting' | 'unpublishing' = 'deleting',
): Promise<void> => {
  const draft = await findDraft(trx, entity.kind, entity.key(ref));
  if (!draft) return;
  throw new AppError(
    'conflict',
    `${subject(entity, ref)} has a pending draft (version ${draft.version}, saved by ${draft.author} at ${draft.updatedAt}); discard or publish it before ${doing}.`,
    [{ field: 'draft', message: `version ${draft.version} by ${draft.author}` }],
  );
};
