import { sql, type Selectable } from 'kysely';
import type { EntityKind } from '../domain/index.js';
import type { PendingDraftTable } from './database.schema.js';
import { fromJson, toJson } from './json.js';
import type { Db } from './db.js';
import { pagedList, type PagedRows } from './paged-list.js';

/** A pending draft as stored: the entity's kind and key, and the content proposed for it. */
export interface StoredDraft<Content = unknown> {
  entity: EntityKind;
  key: string;
  baseVersion: number;
  version: number;
  content: Content;
  author: string;
  createdAt: string;
  updatedAt: string;
}

const draftOf = <Content>(row: Selectable<PendingDraftTable>): StoredDraft<Content> => ({
  entity: row.entity as EntityKind,
  key: row.key,
  baseVersion: row.base_version,
  version: row.version,
  content: fromJson<Content>(row.data),
  author: row.author,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * Takes the row lock of an entity's draft, where the database has row locks, by rewriting it as
 * it is: a change of the draft made meanwhile by another transaction is waited for, and what it
 * left is what this one reads next. No draft, nothing locked.
 */
export const lockDraft = async (db: Db, entity: EntityKind, key: string): Promise<void> => {
  await db
    .updateTable('pending_drafts')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('entity', '=', entity)
    .where('key', '=', key)
    .execute();
};

export const findDraft = async <Content>(
  db: Db,
  entity: EntityKind,
  key: string,
): Promise<StoredDraft<Content> | undefined> => {
  const row = await db
    .selectFrom('pending_drafts')
    .selectAll()
    .where('entity', '=', entity)
    .where('key', '=', key)
    .executeTakeFirst();
  return row && draftOf<Content>(row);
};

/**
 * The drafts, of one kind of entity or all, most recently saved first: the pending drafts of
 * published entities, and with `newRoles` the roles never published (status `draft`), which are
 * drafts themselves. A new role comes with base version 0, and as author whoever wrote its last version.
 */
export const listDrafts = (
  db: Db,
  query: { entity?: EntityKind | undefined; newRoles: boolean; limit: number; offset: number },
): Promise<PagedRows<StoredDraft>> => {
  let pending = db
    .selectFrom('pending_drafts')
    .select([
      'entity',
      'key',
      'base_version',
      'version',
      'data',
      'author',
      'created_at',
      'updated_at',
    ]);
  if (query.entity) pending = pending.where('entity', '=', query.entity);
  const key = sql<string>`roles.taxonomy || '/' || roles.code`;
  const newRoles = db
    .selectFrom('roles')
    .where('status', '=', 'draft')
    .select([
      sql<string>`'role'`.as('entity'),
      key.as('key'),
      sql<number>`0`.as('base_version'),
      'version',
      'data',
      sql<string>`coalesce((select r.actor from revisions r where r.entity = 'role' and r.key = ${key} order by r.version desc limit 1), '')`.as(
        'author',
      ),
      'created_at',
      'updated_at',
    ]);
  const all =
    query.newRoles && (query.entity === undefined || query.entity === 'role')
      ? pending.unionAll(newRoles)
      : pending;
  return pagedList(
    db.selectFrom(all.as('drafts')),
    (drafts) => drafts.selectAll().orderBy('updated_at', 'desc').orderBy('entity').orderBy('key'),
    query,
    (row) => draftOf({ ...row, base_version: Number(row.base_version) }),
  );
};

/** Stores a first draft of an entity; false, with nothing written, when one was stored first. */
export const insertDraft = async (db: Db, draft: StoredDraft): Promise<boolean> => {
  const inserted = await db
    .insertInto('pending_drafts')
    .values({
      entity: draft.entity,
      key: draft.key,
      base_version: draft.baseVersion,
      version: draft.version,
      data: toJson(draft.content),
      author: draft.author,
      created_at: draft.createdAt,
      updated_at: draft.updatedAt,
    })
    .onConflict((oc) => oc.columns(['entity', 'key']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
};

/** Replaces a stored draft only at `expectedVersion`; false when it moved on or went. */
export const saveDraft = async (
  db: Db,
  draft: StoredDraft,
  expectedVersion: number,
): Promise<boolean> => {
  const updated = await db
    .updateTable('pending_drafts')
    .set({
      base_version: draft.baseVersion,
      version: draft.version,
      data: toJson(draft.content),
      author: draft.author,
      updated_at: draft.updatedAt,
    })
    .where('entity', '=', draft.entity)
    .where('key', '=', draft.key)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
};

/** Removes a stored draft only at `expectedVersion`; false when it moved on or went. */
export const deleteDraft = async (
  db: Db,
  entity: EntityKind,
  key: string,
  expectedVersion: number,
): Promise<boolean> => {
  const deleted = await db
    .deleteFrom('pending_drafts')
    .where('entity', '=', entity)
    .where('key', '=', key)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
};
