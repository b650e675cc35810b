import {
  isAppError,
  roleContentOf,
  roleKey,
  type EntityKind,
  type Role,
  type RoleContent,
  type Term,
  type TermContent,
} from '../domain/index.js';
import { findRevision, findRole, listDrafts as listDraftRows } from '../store/index.js';
import { authorize } from './authorize.js';
import type { Actor, ServiceContext } from './context.js';
import { lintTermIn } from './lint.service.js';
import { lintRoleIn, type LintReport } from './role-lint.js';
import { pageOf, type Page, type PageRequest } from './pagination.js';
import { roleAdapter, type RoleRef } from './role.adapter.js';
import { deleteRole, updateRole } from './role.service.js';
import { getTaxonomy } from './taxonomy.service.js';
import { termAdapter } from './term.adapter.js';
import {
  discardDraft,
  publishDraft,
  readDraft,
  startDraft,
  writeDraft,
  type Draft,
  type IfMatch,
  type WriteOptions,
} from './versioned-write/index.js';

/*
 * Pending drafts of roles and terms: content proposed for a stored entity, kept beside the
 * version every public read serves (pages, the API, search, normalization, the glossary) until
 * an editor publishes it. Reading one needs the read scope, writing one the write scope; each
 * comes back with what lint finds in it.
 */

/** What a draft is besides its content: its stamps, and the stored version it was based on. */
interface DraftStamps {
  baseVersion: number;
  version: number;
  author: string;
  createdAt: string;
  updatedAt: string;
}

export interface RoleDraft extends DraftStamps {
  taxonomy: string;
  code: string;
  content: RoleContent;
  lint: LintReport;
}

export interface TermDraft extends DraftStamps {
  slug: string;
  content: TermContent;
  lint: LintReport;
}

/** A draft save: the content, and the stored version it was edited from (see `writeDraft`). */
export interface DraftInput<Content> {
  content: Content;
  baseVersion?: number | undefined;
}

const stampsOf = <Ref, Content>(draft: Draft<Ref, Content>): DraftStamps => ({
  baseVersion: draft.baseVersion,
  version: draft.version,
  author: draft.author,
  createdAt: draft.createdAt,
  updatedAt: draft.updatedAt,
});

const presentRoleDraft = async (
  ctx: ServiceContext,
  draft: Draft<RoleRef, RoleContent>,
): Promise<RoleDraft> => ({
  ...draft.ref,
  ...stampsOf(draft),
  content: draft.content,
  lint: await lintRoleIn(ctx.store.db, { ...draft.content, ...draft.ref }, { drafts: true }),
});

const presentTermDraft = async (
  ctx: ServiceContext,
  draft: Draft<string, TermContent>,
): Promise<TermDraft> => ({
  slug: draft.ref,
  ...stampsOf(draft),
  content: draft.content,
  lint: await lintTermIn(ctx.store.db, draft.ref, draft.content),
});

/**
 * A role never published has no pending draft: the role itself is stored as a draft, and
 * `listDrafts` offers it as one (base version 0, its own version the draft's). When a role has
 * no pending draft, its draft use cases fall back to such a role, so that what the list offers
 * can be shown, published and thrown away; any other refusal stands.
 */
const neverPublished = async (ctx: ServiceContext, ref: RoleRef, error: unknown): Promise<Role> => {
  if (!isAppError(error) || error.code !== 'not_found') throw error;
  const role = await findRole(ctx.store.db, ref.taxonomy, ref.code);
  // A role of a taxonomy never stored has no draft because the taxonomy is missing.
  if (!role) await getTaxonomy(ctx, ref.taxonomy);
  if (role?.status !== 'draft') throw error;
  return role;
};

/** The draft version named, or with `*` the one read, so a change made meanwhile is refused. */
const pinned = (expected: IfMatch | undefined, role: Role): IfMatch =>
  expected === undefined || expected === '*' ? role.version : expected;

export const getRoleDraft = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  ref: RoleRef,
): Promise<RoleDraft> => {
  try {
    return await presentRoleDraft(ctx, await readDraft(ctx, actor, roleAdapter, ref));
  } catch (error) {
    const role = await neverPublished(ctx, ref, error);
    return presentRoleDraft(ctx, {
      ref,
      baseVersion: 0,
      version: role.version,
      content: roleContentOf(role),
      // Who wrote the version the role is at, as the list of drafts names them.
      author:
        (await findRevision(ctx.store.db, 'role', roleKey(ref.taxonomy, ref.code), role.version))
          ?.actor ?? '',
      createdAt: role.createdAt,
      updatedAt: role.updatedAt,
    });
  }
};

/** Starts the draft of a stored role; it has one at most. */
export const startRoleDraft = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  ref: RoleRef,
  input: DraftInput<RoleContent>,
  options: WriteOptions = {},
): Promise<RoleDraft> =>
  presentRoleDraft(
    ctx,
    await startDraft(ctx, actor, roleAdapter, ref, input.content, {
      ...options,
      baseVersion: input.baseVersion,
    }),
  );

/** Saves over the draft of a role, at the draft version edited (If-Match). */
export const saveRoleDraft = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  ref: RoleRef,
  input: DraftInput<RoleContent>,
  expectedVersion: IfMatch | undefined,
  options: WriteOptions = {},
): Promise<RoleDraft> =>
  presentRoleDraft(
    ctx,
    await writeDraft(ctx, actor, roleAdapter, ref, input.content, {
      ...options,
      expectedVersion,
      baseVersion: input.baseVersion,
    }),
  );

export const discardRoleDraft = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  ref: RoleRef,
  expectedVersion: IfMatch | undefined,
  options: WriteOptions = {},
): Promise<void> =>
  discardDraft(ctx, actor, roleAdapter, ref, { ...options, expectedVersion }).catch(
    async (error: unknown) => {
      // Throwing away a role never published removes the role: nothing else of it was ever shown.
      const role = await neverPublished(ctx, ref, error);
      await deleteRole(ctx, actor, ref, pinned(expectedVersion, role), options);
    },
  );

/** The role as the draft makes it, published as its next version; the draft goes. */
export const publishRoleDraft = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  ref: RoleRef,
  expectedVersion: IfMatch | undefined,
  options: WriteOptions = {},
): Promise<Role> =>
  publishDraft(ctx, actor, roleAdapter, ref, { ...options, expectedVersion }).catch(
    async (error: unknown) => {
      const role = await neverPublished(ctx, ref, error);
      return updateRole(
        ctx,
        actor,
        ref,
        { ...roleContentOf(role), status: 'published' },
        pinned(expectedVersion, role),
        options,
      );
    },
  );

export const getTermDraft = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  slug: string,
): Promise<TermDraft> => presentTermDraft(ctx, await readDraft(ctx, actor, termAdapter, slug));

/** Starts the draft of a stored term; it has one at most. */
export const startTermDraft = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  slug: string,
  input: DraftInput<TermContent>,
  options: WriteOptions = {},
): Promise<TermDraft> =>
  presentTermDraft(
    ctx,
    await startDraft(ctx, actor, termAdapter, slug, input.content, {
      ...options,
      baseVersion: input.baseVersion,
    }),
  );

/** Saves over the draft of a term, at the draft version edited (If-Match). */
export const saveTermDraft = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  slug: string,
  input: DraftInput<TermContent>,
  expectedVersion: IfMatch | undefined,
  options: WriteOptions = {},
): Promise<TermDraft> =>
  presentTermDraft(
    ctx,
    await writeDraft(ctx, actor, termAdapter, slug, input.content, {
      ...options,
      expectedVersion,
      baseVersion: input.baseVersion,
    }),
  );

export const discardTermDraft = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  slug: string,
  expectedVersion: IfMatch | undefined,
  options: WriteOptions = {},
): Promise<void> => discardDraft(ctx, actor, termAdapter, slug, { ...options, expectedVersion });

export const publishTermDraft = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  slug: string,
  expectedVersion: IfMatch | undefined,
  options: WriteOptions = {},
): Promise<Term> => publishDraft(ctx, actor, termAdapter, slug, { ...options, expectedVersion });

/**
 * One draft in a list: whose it is, by name, and its stamps. A `revision` is the pending draft of
 * a published entity; a `new-role` is a role never published, the draft itself (base version 0).
 */
export interface DraftSummary extends DraftStamps {
  kind: 'revision' | 'new-role';
  entity: Extract<EntityKind, 'role' | 'term'>;
  /** `taxonomy/code` for a role, the slug for a term. */
  key: string;
  name: string;
}

export interface DraftListRequest extends PageRequest {
  entity?: DraftSummary['entity'] | undefined;
}

/** The drafts, new roles included, most recently saved first, for an actor with the read scope. */
export const listDrafts = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  request: DraftListRequest,
): Promise<Page<DraftSummary>> => {
  authorize(actor, 'read');
  const page = pageOf(request);
  const { items, total } = await listDraftRows(ctx.store.db, {
    ...page,
    entity: request.entity,
    newRoles: true,
  });
  return {
    items: items.map((draft) => ({
      kind: draft.baseVersion === 0 ? 'new-role' : 'revision',
      entity: draft.entity as DraftSummary['entity'],
      key: draft.key,
      name: (draft.content as { name: string }).name,
      baseVersion: draft.baseVersion,
      version: draft.version,
      author: draft.author,
      createdAt: draft.createdAt,
      updatedAt: draft.updatedAt,
    })),
    total,
    ...page,
  };
};
