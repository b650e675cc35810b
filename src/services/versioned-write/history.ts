import { HIDDEN_ACTOR, type Revision } from '../../domain/index.js';
import { lastRecordedVersion, listRevisions } from '../../store/index.js';
import { authorize } from '../authorize.js';
import type { Actor, ServiceContext } from '../context.js';
import type { EntityAdapter, Stamps } from './entity-adapter.js';
import type { Page } from '../pagination.js';
import { missing } from './refusals.js';

/**
 * The history of an entity, newest first: of a stored one for whoever `mayRead` lets through, and
 * of a deleted one (to restore it) for an actor with the read scope. A key with no history is 404.
 * Who made each change is shown only to an actor with the read scope.
 */
export const history = async <Ref, Content, Entity extends Stamps>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  entity: EntityAdapter<Ref, Content, Entity>,
  ref: Ref,
  page: { limit: number; offset: number },
  mayRead: () => Promise<unknown>,
): Promise<Page<Revision<Entity>>> => {
  const db = ctx.store.db;
  const key = entity.key(ref);
  if (await entity.find(db, ref)) await mayRead();
  else if ((await lastRecordedVersion(db, entity.kind, key)) === 0) throw missing(entity, ref);
  else authorize(actor, 'read');
  const revisions = { ...(await listRevisions<Entity>(db, entity.kind, key, page)), ...page };
  if (actor?.scopes.includes('read')) return revisions;
  return {
    ...revisions,
    items: revisions.items.map((revision) => ({ ...revision, actor: HIDDEN_ACTOR })),
  };
};
