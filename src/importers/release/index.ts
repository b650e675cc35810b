export { importFailed } from './import-error.js';
export {
  readTable,
  type ColumnSpec,
  type ColumnSpecs,
  type TableDialect,
  type TableRow,
  type TableSpec,
  type TableValues,
} from './table.reader.js';
export { releaseProblems, type ProblemSink, type ReleaseProblems } from './release-problems.js';
export { utf8Text } from './utf8-text.js';
export type { ImportedRole, ImportNote, KeptField, RoleRelease } from './role-release.js';
export { listLimit, uniqueBy } from './list-limits.js';
export { isFile, locateRelease } from './release-folder.js';
