import type { EntityKind, RevisionAction } from '../../domain/index.js';
import { addAuditEntry, addRevision, type Database, type Transaction } from '../../store/index.js';
import type { Actor } from '../context.js';

export interface Change<T> {
  entity: EntityKind;
  key: string;
  action: RevisionAction;
  /** The version the change produced; for a delete, the one after the last stored. */
  version: number;
  at: string;
  before: T | null;
  after: T | null;
  requestId?: string | undefined;
}

/** Writes the revision and the audit entry of one change, in the change's own transaction. */
export const recordChange = async <T>(
  trx: Transaction<Database>,
  actor: Actor,
  change: Change<T>,
): Promise<void> => {
  await addRevision(trx, {
    entity: change.entity,
    key: change.key,
    version: change.version,
    action: change.action,
    actor: actor.id,
    at: change.at,
    before: change.before,
    after: change.after,
  });
  await addAuditEntry(trx, {
    at: change.at,
    actor: actor.id,
    action: `${change.entity}.${change.action}`,
    target: change.key,
    requestId: change.requestId,
    detail: { version: change.version },
  });
};
