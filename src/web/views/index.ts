export { accountPaths } from './account-paths.js';
export { accountView, signInView } from './account.view.js';
export { usersView, type UsersViewData } from './users.view.js';
export { keysView, type KeysViewData } from './keys.view.js';
export { jobsView, type JobsViewData } from './jobs.view.js';
export { analyzeView, type AnalysisView, type AnalyzeViewData } from './analyze.view.js';
export { apiConsoleTheme } from './api-console-theme.js';
export { faviconSvg } from './favicon.js';
export { apiDocsView, type ApiDocsViewData } from './api-docs.view.js';
export {
  bulkNormalizeView,
  type BulkNormalizeViewData,
  type BulkRowView,
} from './bulk-normalize.view.js';
export { compareView, type CompareRoleView, type CompareViewData } from './compare.view.js';
export { diagnoseView, type DiagnosisView, type DiagnoseViewData } from './diagnose.view.js';
export { errorView, type ErrorViewData } from './error.view.js';
export { type FormErrorView } from './form-error.js';
export { glossaryView, type GlossaryViewData } from './glossary.view.js';
export { guidePageView } from './guide-page.view.js';
export { homeView, type HomeViewData } from './home.view.js';
export { type NavSection, type PageMeta } from './layout.js';
export { normalizeView, type NormalizeViewData, type ParsedModifiers } from './normalize.view.js';
export { type PageSlot } from './pagination.js';
export { roleListView, type RoleListViewData } from './role-list.view.js';
export { searchView, type SearchViewData } from './search.view.js';
export { siteScripts } from './scripts.js';
export { siteCss, stylesheetHref, stylesheetPath } from './site.styles.js';
export { sitePaths, withQuery } from './site-paths.js';
export { termView, type TermViewData } from './term.view.js';
export type {
  NormalizeMatchView,
  RoleListItem,
  TaxonomyListItem,
  TermListItem,
} from './view-models.js';
export { editorPaths } from './editor-paths.js';
export {
  type ConflictView,
  roleEditorView,
  type RoleEditorViewData,
  termEditorView,
  type TermEditorViewData,
} from './editor.view.js';
export { revisionsView, type RevisionsViewData } from './revisions.view.js';
