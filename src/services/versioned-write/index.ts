/**
 * The one way a versioned entity (a role, a term) is written, whoever writes it: the API, the
 * CLI, imports, packs, guide pages and the content sync. Each write is authorised, checked against
 * the version the writer edited, refused when what it points at does not exist or what it claims
 * another holds, saved compare-and-set, recorded as a revision and an audit entry in the same
 * transaction, and announced on the change feed once committed. What differs between entities
 * comes in as an `EntityAdapter`.
 */
export type { EntityAdapter, Reference, Stamps, Target } from './entity-adapter.js';
export {
  create,
  remove,
  replace,
  revert,
  type ConditionalWriteOptions,
  type Removal,
  type RevertOptions,
  type WriteOptions,
} from './write.js';
export type { IfMatch } from './refusals.js';
export { versionedUseCases } from './use-cases.js';
export {
  discardDraft,
  publishDraft,
  readDraft,
  saveAsDraft,
  startDraft,
  writeDraft,
  type Draft,
  type DraftWriteOptions,
} from './draft.js';
export {
  importBatch,
  type BatchOptions,
  type BatchWriter,
  type ImportedEntity,
  type ImportOutcome,
  type Overwrite,
} from './batch.js';
