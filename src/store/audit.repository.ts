import type { Db } from './db.js';
import { fromJson, toJson } from './json.js';
import { pagedList, type PagedRows } from './paged-list.js';

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  target: string;
  requestId?: string | undefined;
  detail?: Record<string, unknown>;
}

export const addAuditEntry = async (db: Db, entry: AuditEntry): Promise<void> => {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      request_id: entry.requestId ?? null,
      detail: toJson(entry.detail ?? {}),
    })
    .execute();
};

/** The audit log, newest first, a page at a time. */
export const listAuditEntries = (
  db: Db,
  page: { limit: number; offset: number },
): Promise<PagedRows<AuditEntry & { id: number }>> =>
  pagedList(
    db.selectFrom('audit_log'),
    (entries) => entries.selectAll().orderBy('id', 'desc'),
    page,
    (row) => ({
      id: Number(row.id),
      at: row.at,
      actor: row.actor,
      action: row.action,
      target: row.target,
      requestId: row.request_id ?? undefined,
      detail: fromJson<Record<string, unknown>>(row.detail),
    }),
  );
