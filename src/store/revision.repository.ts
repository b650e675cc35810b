import { sql } from 'kysely';
import type { EntityKind, Revision, RevisionAction } from '../domain/index.js';
import type { RevisionRow } from './database.schema.js';
import { fromJson, toJson } from './json.js';
import type { Db } from './db.js';
import { pagedList, type PagedRows } from './paged-list.js';

const revisionRowToRevision = <T>(row: RevisionRow): Revision<T> => ({
  id: row.id,
  entity: row.entity as EntityKind,
  key: row.key,
  version: row.version,
  action: row.action as RevisionAction,
  actor: row.actor,
  at: row.at,
  before: row.before === null ? null : fromJson<T>(row.before),
  after: row.after === null ? null : fromJson<T>(row.after),
});

export const addRevision = async (db: Db, revision: Omit<Revision, 'id'>): Promise<void> => {
  await db
    .insertInto('revisions')
    .values({
      entity: revision.entity,
      key: revision.key,
      version: revision.version,
      action: revision.action,
      actor: revision.actor,
      at: revision.at,
      before: revision.before === null ? null : toJson(revision.before),
      after: revision.after === null ? null : toJson(revision.after),
    })
    .execute();
};

/** An entity's revisions, newest first, a page at a time. */
export const listRevisions = <T>(
  db: Db,
  entity: EntityKind,
  key: string,
  page: { limit: number; offset: number },
): Promise<PagedRows<Revision<T>>> =>
  pagedList(
    db.selectFrom('revisions').where('entity', '=', entity).where('key', '=', key),
    (revisions) => revisions.selectAll().orderBy('id', 'desc'),
    page,
    (row) => revisionRowToRevision<T>(row),
  );

export const findRevision = async <T>(
  db: Db,
  entity: EntityKind,
  key: string,
  version: number,
): Promise<Revision<T> | undefined> => {
  const row = await db
    .selectFrom('revisions')
    .selectAll()
    .where('entity', '=', entity)
    .where('key', '=', key)
    .where('version', '=', version)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row && revisionRowToRevision<T>(row);
};

/**
 * The highest version the log records for an entity, 0 when it has none. An entity created again
 * after a delete continues from there, so no two revisions of one key share a version.
 */
export const lastRecordedVersion = async (
  db: Db,
  entity: EntityKind,
  key: string,
): Promise<number> => {
  const row = await db
    .selectFrom('revisions')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('entity', '=', entity)
    .where('key', '=', key)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
};

/** Whether the log records any entity whose key starts with `prefix`, such as `esco/`. */
export const hasRecordedKeys = async (
  db: Db,
  entity: EntityKind,
  prefix: string,
): Promise<boolean> => {
  const pattern = `${prefix.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const row = await db
    .selectFrom('revisions')
    .select('id')
    .where('entity', '=', entity)
    .where(sql<boolean>`${sql.ref('key')} like ${pattern} escape '\\'`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
};

/** The newest revision id: instances compare it to learn that another one changed data. */
export const latestRevisionId = async (db: Db): Promise<number> => {
  const row = await db
    .selectFrom('revisions')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
};

/** One entry of the revision log, as derived data reads it: what changed, not how. */
export interface LoggedChange {
  id: number;
  entity: EntityKind;
  /** `taxonomy/code` for a role, the slug for a term. */
  key: string;
}

/** The entities changed after a revision id, oldest change first. */
export const changedSince = async (db: Db, afterId: number): Promise<LoggedChange[]> =>
  (
    await db
      .selectFrom('revisions')
      .select(['id', 'entity', 'key'])
      .where('id', '>', afterId)
      .orderBy('id')
      .execute()
  ).map((r) => ({ id: r.id, entity: r.entity as EntityKind, key: r.key }));
