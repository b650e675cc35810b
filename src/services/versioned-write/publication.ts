import { authorize } from '../authorize.js';
import type { Actor } from '../context.js';
import type { EntityAdapter, Stamps, Trx } from './entity-adapter.js';
import { refuseIfDrafted } from './refusals.js';

type Publishable<Ref, Content> = Pick<
  EntityAdapter<Ref, Content, Stamps>,
  'kind' | 'key' | 'describe' | 'keyTaken' | 'isPublished'
>;

/**
 * What a write of a stored entity changes of whether readers get it, which its revision records
 * whichever write made it (an edit, a revert, a draft published, an import): taking a published
 * entity back to draft, out of every reader's sight, unpublishes it; putting one never published,
 * or since unpublished, before readers publishes it.
 */
export const publicationChange = <Ref, Content>(
  entity: Publishable<Ref, Content>,
  before: Content,
  after: Content,
): 'publish' | 'unpublish' | undefined => {
  if (entity.isPublished === undefined) return undefined;
  const was = entity.isPublished(before);
  if (was === entity.isPublished(after)) return undefined;
  return was ? 'unpublish' : 'publish';
};

/**
 * Unpublishing is a delete for readers (the API, the pages, search, normalization lose the
 * entity), so whichever write does it (an edit, a revert, an import) is held to a delete's rules:
 * the delete scope, and refused (409) while a draft is pending, whose work would otherwise sit
 * behind an entity readers no longer get. Called once the entity's row is written (and locked),
 * so a draft started at the same moment is seen, as for a delete.
 */
export const checkUnpublish = async <Ref, Content>(
  trx: Trx,
  who: Actor,
  entity: Publishable<Ref, Content>,
  ref: Ref,
): Promise<void> => {
  authorize(who, 'delete');
  await refuseIfDrafted(trx, entity, ref, 'unpublishing');
};
