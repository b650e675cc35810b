import {
  LinkSchema,
  PointSchema,
  RoleContentSchema,
  RoleRefSchema,
  SkillSchema,
  TaxonomyInputSchema,
  TechnologySchema,
  TermContentSchema,
} from '../../domain/index.js';
import { GuideJsonLdSchema, GuideViewSchema } from '../../guides/index.js';
import type { NamedSchemas } from '../openapi.js';
import {
  DiagnosedRoleSchema,
  DiagnosisSchema,
  FoundTermSchema,
  JobAnalysisSchema,
  LikelyRoleSchema,
  PostingTitleSchema,
  TextSpanSchema,
} from './analysis.schema.js';
import { ProblemSchema, RevertBodySchema, RevisionSchema } from './common.schema.js';
import {
  DraftPageSchema,
  DraftSummarySchema,
  RoleDraftBodySchema,
  RoleDraftSchema,
  TermDraftBodySchema,
  TermDraftSchema,
} from './draft.schema.js';
import { JobPageSchema, JobSchema } from './job.schema.js';
import { LintFindingSchema, LintPageSchema, LintReportSchema } from './lint.schema.js';
import {
  MatchSchema,
  NormalizeBatchBodySchema,
  NormalizeBatchResultSchema,
  NormalizeErrorSchema,
  NormalizeResultSchema,
} from './normalize.schema.js';
import {
  CreateRoleBodySchema,
  RolePageSchema,
  RoleSchema,
  RoleSummarySchema,
} from './role.schema.js';
import { TaxonomySchema } from './taxonomy.schema.js';
import { CreateTermBodySchema, TermPageSchema, TermSchema } from './term.schema.js';

/**
 * The schemas the OpenAPI document names as components: what a client generator turns into
 * types. A schema is found by identity wherever a route uses it.
 */
export const namedSchemas: NamedSchemas = {
  Problem: ProblemSchema,
  Taxonomy: TaxonomySchema,
  TaxonomyInput: TaxonomyInputSchema,
  Role: RoleSchema,
  RoleContent: RoleContentSchema,
  CreateRoleBody: CreateRoleBodySchema,
  RoleSummary: RoleSummarySchema,
  RolePage: RolePageSchema,
  RoleRef: RoleRefSchema,
  Point: PointSchema,
  Link: LinkSchema,
  Skill: SkillSchema,
  Technology: TechnologySchema,
  Term: TermSchema,
  TermContent: TermContentSchema,
  CreateTermBody: CreateTermBodySchema,
  TermPage: TermPageSchema,
  RoleDraft: RoleDraftSchema,
  RoleDraftBody: RoleDraftBodySchema,
  TermDraft: TermDraftSchema,
  TermDraftBody: TermDraftBodySchema,
  DraftSummary: DraftSummarySchema,
  DraftPage: DraftPageSchema,
  Revision: RevisionSchema,
  RevertBody: RevertBodySchema,
  Guide: GuideViewSchema,
  GuideJsonLd: GuideJsonLdSchema,
  LintFinding: LintFindingSchema,
  LintReport: LintReportSchema,
  LintPage: LintPageSchema,
  NormalizeResult: NormalizeResultSchema,
  NormalizeMatch: MatchSchema,
  NormalizeError: NormalizeErrorSchema,
  NormalizeBatch: NormalizeBatchBodySchema,
  NormalizeBatchResult: NormalizeBatchResultSchema,
  NormalizeJob: JobSchema,
  NormalizeJobPage: JobPageSchema,
  JobAnalysis: JobAnalysisSchema,
  PostingTitle: PostingTitleSchema,
  LikelyRole: LikelyRoleSchema,
  FoundTerm: FoundTermSchema,
  TextSpan: TextSpanSchema,
  Diagnosis: DiagnosisSchema,
  DiagnosedRole: DiagnosedRoleSchema,
};
