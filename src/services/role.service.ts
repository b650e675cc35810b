import {
  emptyRoleContent,
  notFound,
  type Role,
  type RoleContent,
  type RoleStatus,
  type RoleSummary,
} from '../domain/index.js';
import { findRole, findRoleByOccupationCode, listRoles as listRoleRows } from '../store/index.js';
import type { Actor, ServiceContext } from './context.js';
import { getTaxonomy } from './taxonomy.service.js';
import { pageOf, type Page, type PageRequest } from './pagination.js';
import { roleAdapter, type RoleRef } from './role.adapter.js';
import { create, versionedUseCases, type WriteOptions } from './versioned-write/index.js';

export type { RoleRef } from './role.adapter.js';
export type { WriteOptions } from './versioned-write/index.js';

/**
 * A published role for anyone; a draft only for an actor allowed to read drafts. A role of a
 * taxonomy never stored is refused as that taxonomy's absence, which is what needs fixing.
 */
export const getRole = async (ctx: ServiceContext, ref: RoleRef, actor?: Actor): Promise<Role> => {
  const db = ctx.store.db;
  const role =
    (await findRole(db, ref.taxonomy, ref.code)) ??
    (await findRoleByOccupationCode(db, ref.taxonomy, ref.code));
  if (role && (role.status !== 'draft' || actor?.scopes.includes('read'))) return role;
  if (!role) await getTaxonomy(ctx, ref.taxonomy);
  throw notFound(roleAdapter.describe(ref));
};

export interface RoleListRequest extends PageRequest {
  taxonomy?: string | undefined;
  status?: RoleStatus | undefined;
  q?: string | undefined;
}

export const listRoles = async (
  ctx: ServiceContext,
  request: RoleListRequest,
  actor?: Actor,
): Promise<Page<RoleSummary>> => {
  const page = pageOf(request);
  // An empty list would read as "this taxonomy has no roles".
  if (request.taxonomy) await getTaxonomy(ctx, request.taxonomy);
  // Without the read scope, drafts do not exist.
  const status = actor?.scopes.includes('read') ? request.status : 'published';
  if (request.status === 'draft' && status !== 'draft') return { items: [], total: 0, ...page };
  const { items, total } = await listRoleRows(ctx.store.db, {
    ...page,
    ...(request.taxonomy ? { taxonomy: request.taxonomy } : {}),
    ...(status ? { status } : {}),
    ...(request.q ? { q: request.q } : {}),
  });
  return { items, total, ...page };
};

/** A new role needs a name and a summary; the rest can come later, while it is a draft. */
export type NewRole = Pick<RoleContent, 'name' | 'summary'> & Partial<RoleContent>;

/**
 * Stores a new role at version 1, or after the last version of a deleted one's history. What it
 * leaves out starts empty, and it is a draft unless it says otherwise: lint calls it incomplete,
 * and a published one is refused while lint finds errors in it, as is a code the taxonomy cannot
 * hold (see checkRoleCode).
 */
export const createRole = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  ref: RoleRef,
  content: NewRole,
  options: WriteOptions = {},
): Promise<Role> =>
  create(ctx, actor, roleAdapter, ref, { ...emptyRoleContent(content.name), ...content }, options);

export const {
  update: updateRole,
  remove: deleteRole,
  revert: revertRole,
  revisions: listRoleRevisions,
} = versionedUseCases(roleAdapter, getRole);
