export {
  authenticate,
  createApiKey,
  MAX_ACTIVE_API_KEYS,
  KeyExpirySchema,
  type CreatedApiKey,
  listApiKeys,
  listAudit,
  type NewApiKey,
  revokeApiKey,
} from './api-key.service.js';
export {
  type AccountPolicy,
  createUser,
  csrfBinding,
  csrfKey,
  disableUser,
  enableUser,
  getUser,
  listUsers,
  type NewUser,
  PASSWORD_LENGTH,
  type SessionHolder,
  sessionUser,
  setUserRole,
  signIn,
  signOut,
  signOutEverywhere,
  signOutUser,
  USER_ROLES,
} from './accounts/index.js';
export { authorize } from './authorize.js';
export { syncContent } from './content.service.js';
export {
  type Actor,
  ALL_SCOPES,
  cliActor,
  type Scope,
  type ServiceContext,
  systemActor,
} from './context.js';
export {
  applyImport,
  type ImportBatch,
  type ImportedRole,
  type ImportedTerm,
  type ImportOptions,
  type ImportReport,
  type Tally,
} from './import.service.js';
export {
  discardRoleDraft,
  discardTermDraft,
  type DraftInput,
  type DraftListRequest,
  type DraftSummary,
  getRoleDraft,
  getTermDraft,
  listDrafts,
  publishRoleDraft,
  publishTermDraft,
  type RoleDraft,
  saveRoleDraft,
  saveTermDraft,
  startRoleDraft,
  startTermDraft,
  type TermDraft,
} from './draft.service.js';
export {
  countPendingDrafts,
  countUnpublishedRoles,
  exportPack,
  importPack,
} from './pack.service.js';
export type { IfMatch, Removal } from './versioned-write/index.js';
export { everyItem, type Page, pageOf, type PageRequest } from './pagination.js';
export {
  createRole,
  deleteRole,
  getRole,
  listRoleRevisions,
  listRoles,
  type NewRole,
  revertRole,
  type RoleListRequest,
  type RoleRef,
  updateRole,
  type WriteOptions,
} from './role.service.js';
export { type OpenOptions, openRolebook, type Rolebook } from './rolebook.js';
export { getTaxonomy, listTaxonomies, type TaxonomyWithCount } from './taxonomy.service.js';
export {
  createTerm,
  deleteTerm,
  getGlossary,
  getTerm,
  listTermRevisions,
  listTerms,
  revertTerm,
  type TermListRequest,
  updateTerm,
} from './term.service.js';
export { checkReadiness, warmUp } from './readiness.js';
export { getGuideView, type GuideOptions, renderRoleGuide } from './guide.service.js';
export {
  RESULT_COLUMN_RULE,
  TITLE_COLUMN_RULE,
  type InputLine,
  type LineFormat,
  MAX_LINE_BYTES,
  normalizeBatch,
  type CsvRow,
  type CsvTitles,
  normalizeCsv,
  normalizeCsvOnce,
  type NormalizeItem,
  normalizeLines,
  type NormalizeOptions,
  normalizeStream,
  normalizeTitle,
  openCsvTitles,
  SKIPPED_LINES_HEADER,
  skippedLinesNote,
  titleListTable,
  readLines,
  requireTaxonomy,
  type StreamOptions,
  titleIndexSnapshot,
  type TitleLine,
} from './normalize/index.js';
export {
  getLibraryOverview,
  type LibraryOverview,
  type FoundRole,
  type LibrarySearch,
  searchGlossary,
  searchLibrary,
  termNamedBy,
} from './library.service.js';
export { getTermDetails, type TermDetails } from './term-usage.service.js';
export {
  countRolesByGroup,
  type GroupCount,
  listRolesInGroup,
  requireGroup,
} from './role-groups.service.js';
export {
  filterLintReport,
  type LintFilter,
  lintStoredLibrary,
  lintStoredRole,
  lintStoredTaxonomy,
} from './lint.service.js';
export { type LintReport, lintReportOf } from './role-lint.js';
export {
  importEscoRelease,
  importOnetRelease,
  importRoleSheet,
  type ReleaseImportOptions,
  type ReleaseImportResult,
} from './release-import.service.js';
export { MAX_SHEET_BYTES, MAX_SHEET_ROWS } from '../importers/role-sheet/index.js';
export {
  type GuideImportOptions,
  type GuideImportResult,
  importGuidePage,
} from './guide-import.service.js';
export {
  analyzeText,
  diagnoseProblems,
  type Library,
  readableText,
  wordDocumentText,
} from './analysis/index.js';
export { docxFaultMessage } from '../importers/docx/index.js';
export {
  type EditConflict,
  type EditHistory,
  type EditIntent,
  type EditOutcome,
  type EditorState,
  mayEdit,
  openNewEditor,
  type RevisionChanges,
} from './editor.service.js';
export { type FieldChange } from './content-diff.js';
export {
  openRoleEditor,
  previewRoleEdit,
  roleEditHistory,
  saveRoleEdit,
} from './role-editor.service.js';
export {
  lintTermEdit,
  openTermEditor,
  saveTermEdit,
  termEditHistory,
} from './term-editor.service.js';
export {
  cancelJob,
  getJob,
  type JobFormat,
  type JobLimits,
  jobOwnerOf,
  jobResult,
  type JobResult,
  type JobRunner,
  type JobRunnerOptions,
  listJobs,
  type ResultFormat,
  startJobRunner,
  submitJob,
  sweepExpiredJobs,
  type JobView,
  uploadTooLarge,
} from './jobs/index.js';
