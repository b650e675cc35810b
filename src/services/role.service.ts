import {
  AppError,
  notFound,
  roleContentOf,
  roleKey,
  validationError,
  type ProblemDetail,
  type Revision,
  type RevisionAction,
  type Role,
  type RoleContent,
  type RoleStatus,
  type RoleSummary,
} from '../domain/index.js';
import {
  deleteRole as deleteRoleRow,
  findRole,
  findTaxonomy,
  findTerms,
  insertRole,
  lastRecordedVersion,
  listRevisions,
  findRevision,
  listRoles as listRoleRows,
  roleNames,
  saveRole,
  type Transaction,
  type Database,
} from '../store/index.js';
import { authorize } from './authorize.js';
import { recordChange } from './history.js';
import { holdTitles } from './title-claims.js';
import { now, type Actor, type ServiceContext } from './context.js';
import { pageOf, type Page, type PageRequest } from './pagination.js';

export interface RoleRef {
  taxonomy: string;
  code: string;
}

const describe = (ref: RoleRef) => `Role ${ref.taxonomy}/${ref.code}`;

/** A published role for anyone; a draft only for an actor allowed to edit. */
export const getRole = async (ctx: ServiceContext, ref: RoleRef, actor?: Actor): Promise<Role> => {
  const role = await findRole(ctx.store.db, ref.taxonomy, ref.code);
  if (!role || (role.status === 'draft' && !actor?.scopes.includes('write'))) {
    throw notFound(describe(ref));
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

/** Checks what a role points at, inside the write's transaction, listing every problem. */
const checkReferences = async (
  trx: Transaction<Database>,
  ref: RoleRef,
  content: RoleContent,
): Promise<void> => {
  const problems: ProblemDetail[] = [];
  if (!(await findTaxonomy(trx, ref.taxonomy))) {
    problems.push({ field: 'taxonomy', message: `taxonomy ${ref.taxonomy} does not exist` });
  }
  const terms = await findTerms(trx, content.terms);
  content.terms.forEach((slug, i) => {
    if (!terms.has(slug))
      problems.push({ field: `terms.${i}`, message: `term ${slug} does not exist` });
  });
  const related = await roleNames(trx, content.relatedRoles);
  content.relatedRoles.forEach((r, i) => {
    const self = r.taxonomy === ref.taxonomy && r.code === ref.code;
    if (self)
      problems.push({ field: `relatedRoles.${i}`, message: 'a role cannot relate to itself' });
    else if (!related.has(roleKey(r.taxonomy, r.code))) {
      problems.push({
        field: `relatedRoles.${i}`,
        message: `role ${r.taxonomy}/${r.code} does not exist`,
      });
    }
  });
  if (problems.length > 0)
    throw validationError(problems.map((p) => p.message).join('; '), problems);
};

const precondition = (ref: RoleRef, stored: Role, expectedVersion: number | undefined) => {
  if (expectedVersion === undefined) {
    throw new AppError(
      'precondition_required',
      `Send the version of ${describe(ref)} you edited (If-Match).`,
    );
  }
  if (stored.version !== expectedVersion) {
    throw new AppError(
      'precondition_failed',
      `${describe(ref)} is at version ${stored.version}, not ${expectedVersion}; reload and edit again.`,
    );
  }
};

const taken = (ref: RoleRef) =>
  new AppError('conflict', `${describe(ref)} already exists.`, [
    { field: 'code', message: `code ${ref.code} is taken in ${ref.taxonomy}` },
  ]);

const stale = (ref: RoleRef) =>
  new AppError('precondition_failed', `${describe(ref)} changed while this write was under way.`);

export interface WriteOptions {
  requestId?: string | undefined;
}

/**
 * Stores a new role at version 1, or, for a code whose role was deleted, at the version after the
 * last one its history records: versions never repeat within a history.
 */
export const createRole = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  ref: RoleRef,
  content: RoleContent,
  options: WriteOptions = {},
): Promise<Role> => {
  const who = authorize(actor, 'write');
  const role = await ctx.store.db.transaction().execute(async (trx) => {
    if (await findRole(trx, ref.taxonomy, ref.code)) throw taken(ref);
    await checkReferences(trx, ref, content);
    const at = now(ctx);
    const version = (await lastRecordedVersion(trx, 'role', roleKey(ref.taxonomy, ref.code))) + 1;
    const created: Role = { ...content, ...ref, version, createdAt: at, updatedAt: at };
    // The check above answers most duplicates; the database's key decides a race.
    if (!(await insertRole(trx, created))) throw taken(ref);
    await holdTitles(trx, created);
    await record(trx, who, 'create', null, created, at, options);
    return created;
  });
  ctx.changes.publish([{ entity: 'role', ...ref }]);
  return role;
};

export const updateRole = (
  ctx: ServiceContext,
  actor: Actor | undefined,
  ref: RoleRef,
  content: RoleContent,
  expectedVersion: number | undefined,
  options: WriteOptions = {},
): Promise<Role> => replaceRole(ctx, actor, ref, content, expectedVersion, options, 'update');

/** Writes the next version of a role, recorded as an edit or as a revert to an older one. */
const replaceRole = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  ref: RoleRef,
  content: RoleContent,
  expectedVersion: number | undefined,
  options: WriteOptions,
  action: 'update' | 'revert',
): Promise<Role> => {
  const who = authorize(actor, 'write');
  const role = await ctx.store.db.transaction().execute(async (trx) => {
    const stored = await findRole(trx, ref.taxonomy, ref.code);
    if (!stored) throw notFound(describe(ref));
    precondition(ref, stored, expectedVersion);
    await checkReferences(trx, ref, content);
    const updated: Role = {
      ...content,
      ...ref,
      version: stored.version + 1,
      createdAt: stored.createdAt,
      updatedAt: now(ctx),
    };
    if (!(await saveRole(trx, updated, stored.version))) throw stale(ref);
    await holdTitles(trx, updated);
    await record(trx, who, action, stored, updated, updated.updatedAt, options);
    return updated;
  });
  ctx.changes.publish([{ entity: 'role', ...ref }]);
  return role;
};

export const deleteRole = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  ref: RoleRef,
  expectedVersion: number | undefined,
  options: WriteOptions = {},
): Promise<void> => {
  const who = authorize(actor, 'write');
  await ctx.store.db.transaction().execute(async (trx) => {
    const stored = await findRole(trx, ref.taxonomy, ref.code);
    if (!stored) throw notFound(describe(ref));
    precondition(ref, stored, expectedVersion);
    if (!(await deleteRoleRow(trx, ref.taxonomy, ref.code, stored.version))) throw stale(ref);
    await record(trx, who, 'delete', stored, null, now(ctx), options);
  });
  ctx.changes.publish([{ entity: 'role', ...ref }]);
};

/** Puts a role back as it was at an earlier version, as a new version. */
export const revertRole = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  ref: RoleRef,
  toVersion: number,
  expectedVersion: number | undefined,
  options: WriteOptions = {},
): Promise<Role> => {
  // Before the lookup, so a caller without a key learns nothing of the role's history.
  authorize(actor, 'write');
  const revision = await findRevision<Role>(
    ctx.store.db,
    'role',
    roleKey(ref.taxonomy, ref.code),
    toVersion,
  );
  const snapshot = revision?.after;
  if (!snapshot) throw notFound(`Version ${toVersion} of ${describe(ref)}`);
  return replaceRole(ctx, actor, ref, roleContentOf(snapshot), expectedVersion, options, 'revert');
};

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

const record = (
  trx: Transaction<Database>,
  actor: Actor,
  action: Exclude<RevisionAction, 'import'>,
  before: Role | null,
  after: Role | null,
  at: string,
  options: WriteOptions,
): Promise<void> => {
  const subject = (after ?? before) as Role;
  return recordChange(trx, actor, {
    entity: 'role',
    key: roleKey(subject.taxonomy, subject.code),
    action,
    version: after?.version ?? subject.version + 1,
    at,
    before,
    after,
    requestId: options.requestId,
  });
};
