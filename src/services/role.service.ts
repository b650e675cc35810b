import {
  notFound,
  roleKey,
  type Revision,
  type Role,
  type RoleContent,
  type RoleStatus,
  type RoleSummary,
} from '../domain/index.js';
import { findRole, listRevisions, listRoles as listRoleRows } from '../store/index.js';
import type { Actor, ServiceContext } from './context.js';
import { pageOf, type Page, type PageRequest } from './pagination.js';
import { roleAdapter, type RoleRef } from './role.adapter.js';
import { create, remove, replace, revert, type WriteOptions } from './versioned-write/index.js';

export type { RoleRef } from './role.adapter.js';
export type { WriteOptions } from './versioned-write/index.js';

/** A published role for anyone; a draft only for an actor allowed to edit. */
export const getRole = async (ctx: ServiceContext, ref: RoleRef, actor?: Actor): Promise<Role> => {
  const role = await findRole(ctx.store.db, ref.taxonomy, ref.code);
  if (!role || (role.status === 'draft' && !actor?.scopes.includes('write'))) {
    throw notFound(roleAdapter.describe(ref));
  }
  return role;
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
  // Without the write scope, drafts do not exist.
  const status = actor?.scopes.includes('write') ? request.status : 'published';
  if (request.status === 'draft' && status !== 'draft') return { items: [], total: 0, ...page };
  const { items, total } = await listRoleRows(ctx.store.db, {
    ...page,
    ...(request.taxonomy ? { taxonomy: request.taxonomy } : {}),
    ...(status ? { status } : {}),
    ...(request.q ? { q: request.q } : {}),
  });
  return { items, total, ...page };
};

/** Stores a new role at version 1, or after the last version of a deleted one's history. */
export const createRole = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  ref: RoleRef,
  content: RoleContent,
  options: WriteOptions = {},
): Promise<Role> => create(ctx, actor, roleAdapter, ref, content, options);

export const updateRole = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  ref: RoleRef,
  content: RoleContent,
  expectedVersion: number | undefined,
  options: WriteOptions = {},
): Promise<Role> => replace(ctx, actor, roleAdapter, ref, content, { ...options, expectedVersion });

export const deleteRole = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  ref: RoleRef,
  expectedVersion: number | undefined,
  options: WriteOptions = {},
): Promise<void> => remove(ctx, actor, roleAdapter, ref, { ...options, expectedVersion });

/** Puts a role back as it was at an earlier version, as a new version. */
export const revertRole = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  ref: RoleRef,
  toVersion: number,
  expectedVersion: number | undefined,
  options: WriteOptions = {},
): Promise<Role> =>
  revert(ctx, actor, roleAdapter, ref, { ...options, toVersion, expectedVersion });

export const listRoleRevisions = async (
  ctx: ServiceContext,
  ref: RoleRef,
  request: PageRequest,
  actor?: Actor,
): Promise<Revision<Role>[]> => {
  await getRole(ctx, ref, actor);
  return listRevisions<Role>(
    ctx.store.db,
    'role',
    roleKey(ref.taxonomy, ref.code),
    pageOf(request),
  );
};
