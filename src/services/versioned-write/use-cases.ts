import type { Revision } from '../../domain/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { pageOf, type Page, type PageRequest } from '../pagination.js';
import type { EntityAdapter, Stamps } from './entity-adapter.js';
import { history } from './history.js';
import type { IfMatch } from './refusals.js';
import { remove, replace, revert, type Removal, type WriteOptions } from './write.js';

/**
 * The writes every versioned entity offers, bound to one kind (roles, terms), so that each kind's
 * service names them without restating their parameters. `mayRead` refuses the history of an
 * entity the actor may not read.
 */
export const versionedUseCases = <Ref, Content, Entity extends Stamps>(
  adapter: EntityAdapter<Ref, Content, Entity>,
  mayRead: (ctx: ServiceContext, ref: Ref, actor: Actor | undefined) => Promise<unknown>,
) => ({
  update: (
    ctx: ServiceContext,
    actor: Actor | undefined,
    ref: Ref,
    content: Content & Partial<Stamps>,
    expectedVersion: IfMatch | undefined,
    options: WriteOptions = {},
  ): Promise<Entity> => replace(ctx, actor, adapter, ref, content, { ...options, expectedVersion }),

  remove: (
    ctx: ServiceContext,
    actor: Actor | undefined,
    ref: Ref,
    expectedVersion: IfMatch | undefined,
    options: WriteOptions = {},
  ): Promise<Removal> => remove(ctx, actor, adapter, ref, { ...options, expectedVersion }),

  /** Puts the entity back as it was at an earlier version, as a new version; restores a deleted one. */
  revert: (
    ctx: ServiceContext,
    actor: Actor | undefined,
    ref: Ref,
    toVersion: number,
    expectedVersion: IfMatch | undefined,
    options: WriteOptions = {},
  ): Promise<Entity> =>
    revert(ctx, actor, adapter, ref, { ...options, toVersion, expectedVersion }),

  /** The history, newest first; a deleted entity's for an actor with the read scope. */
  revisions: (
    ctx: ServiceContext,
    ref: Ref,
    request: PageRequest,
    actor?: Actor,
  ): Promise<Page<Revision<Entity>>> =>
    history(ctx, actor, adapter, ref, pageOf(request), () => mayRead(ctx, ref, actor)),
});
