export {
  AppError,
  type AppErrorOptions,
  type ErrorCode,
  type ErrorKind,
  errorRegistry,
  formatLocation,
  isAppError,
  notFound,
  type ProblemDetail,
  type ProblemLocation,
  publishRefused,
  type PublishBlocker,
  validationError,
} from './errors.js';
export { unreadableFile, unwritableFile } from './file-access.js';
export { withArticle } from './article.js';
export { compareText } from './text-order.js';
export { limits } from './limits.js';
export { type CsvSeparator, separatorOf } from './csv-separator.js';
export { distinctList, formMatchesCase, sameTextKey } from './list-items.js';
export { jsonSyntaxProblem, lineAndColumn, MAX_JSON_DEPTH, readJsonShape } from './json-shape.js';
export {
  type EntityKind,
  HIDDEN_ACTOR,
  type Revision,
  type RevisionAction,
  roleKey,
} from './revision.js';
export {
  checkRoleCode,
  emptyRoleContent,
  type Link,
  LinkSchema,
  type Point,
  PointSchema,
  type Role,
  RoleCodeSchema,
  type RoleContent,
  roleContentOf,
  RoleContentSchema,
  RoleRefSchema,
  type RoleStatus,
  RoleStatusSchema,
  roleSummaryOf,
  type RoleSummary,
  type Skill,
  SkillSchema,
  type Technology,
  TechnologySchema,
} from './role.js';
export { foldTitle, searchedFor, startsAWord, slugify } from './slug.js';
export {
  BUILT_IN_TAXONOMY,
  builtInTaxonomy,
  type RoleNameNumber,
  roleNameNumberOf,
  RoleNameNumberSchema,
  sameTaxonomy,
  type Taxonomy,
  TaxonomyIdSchema,
  type TaxonomyInput,
  TaxonomyInputSchema,
} from './taxonomy.js';
export {
  type Term,
  termCategories,
  type TermCategory,
  TermCategorySchema,
  type TermContent,
  termContentOf,
  TermContentSchema,
  TermSlugSchema,
} from './term.js';
export { describeErrors, parse, validatorFor } from './validate.js';
export { type Pack, PackSchema } from './pack.js';
export { NormalizeOptionsSchema, titleProblem } from './title-input.js';
export {
  type ContractType,
  ContractTypeSchema,
  type Seniority,
  seniorityRank,
  SenioritySchema,
  type Shift,
  ShiftSchema,
  type TitleFacts,
  type WorkMode,
  gendersPhrase,
  teamLeadPhrase,
  workModePhrases,
  workModes,
  WorkModeSchema,
} from './title-vocabulary.js';
export { MAX_PROBLEM_INPUT_LENGTH, MAX_TEXT_INPUT_BYTES, textProblem } from './text-input.js';
export { printable, textRuleProblem } from './text-rules.js';
export {
  type ClaimedTitle,
  claimedTitles,
  claimTitles,
  collectTitleClaims,
  type SharedTitle,
  type TitleClaim,
  type TitleClaims,
  titlesAreExclusive,
  titlesClaimedByOthers,
  titlesClaimedTwice,
} from './title-claims.js';
export {
  majorGroupOf,
  type OccupationGroup,
  occupationGroup,
  occupationGroups,
} from './occupation-groups.js';
export { decodeText, utf8Bytes } from './text-encoding.js';
