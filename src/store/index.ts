export {
  type ApiKeyRecord,
  countActiveApiKeys,
  findApiKeyByHash,
  insertApiKey,
  listApiKeys,
  revokeApiKey,
  touchApiKey,
} from './api-key.repository.js';
export { addAuditEntry, type AuditEntry, listAuditEntries } from './audit.repository.js';
export type { Database } from './database.schema.js';
export {
  deleteDraft,
  findDraft,
  insertDraft,
  listDrafts,
  lockDraft,
  saveDraft,
  type StoredDraft,
} from './draft.repository.js';
export type { Db } from './db.js';
export {
  addRevision,
  changedSince,
  findRevision,
  hasRecordedKeys,
  lastRecordedVersion,
  latestRevisionId,
  listRevisions,
  type LoggedChange,
} from './revision.repository.js';
export {
  countRolesByTaxonomy,
  deleteRole,
  findRole,
  insertRole,
  iterateRoles,
  listRoles,
  listTitleClaims,
  rebuildTitleClaims,
  type RefusedTitle,
  roleNames,
  type RoleQuery,
  roleStatuses,
  roleStatusesOf,
  findRoleByOccupationCode,
  rolesReferring,
  rolesStamp,
  saveRole,
  takeTitleClaims,
} from './role.repository.js';
export { dialectFor, openStore, type MigrationReport, type Store } from './store.js';
export type { StoreDialect } from './dialect/store-dialect.js';
export { findTaxonomy, listTaxonomies, saveTaxonomy } from './taxonomy.repository.js';
export {
  allTerms,
  deleteTerm,
  findTerm,
  findTerms,
  definedSlugs,
  insertTerm,
  listTerms,
  saveTerm,
  type TermQuery,
} from './term.repository.js';
export {
  findUserById,
  findUserByName,
  insertUser,
  listUsers,
  lockEnabledAdmins,
  type StoredUser,
  updateUser,
  type UserRecord,
} from './user.repository.js';
export {
  deleteSession,
  deleteSessionsOf,
  findSession,
  insertSession,
  touchSession,
} from './session.repository.js';
export { readMeta, serializeWrites, serverSecret, writeMeta } from './meta.repository.js';
export {
  addSignInFailure,
  blockSignIns,
  clearSignInFailures,
  forgiveSignInFailure,
  signInBlockedUntil,
} from './sign-in-failure.repository.js';
export type { Kysely, Transaction } from 'kysely';
export {
  cancelJob,
  claimJob,
  countUnfinishedJobs,
  deleteExpiredJobs,
  deleteJob,
  findChunk,
  findJob,
  finishJob,
  insertChunk,
  insertJob,
  type JobState,
  listJobs,
  pendingChunks,
  queueJob,
  releaseJob,
  renewLease,
  saveChunkOutput,
  type StoredChunk,
  type StoredJob,
} from './normalize-job.repository.js';
