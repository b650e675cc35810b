import type { Db } from './db.js';
import { toJson } from './json.js';

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
