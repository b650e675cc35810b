export {
  TermSpotter,
  firstMentions,
  type PreparedGlossary,
  type SpotterStats,
  type TermHit,
} from './term-spotter.js';
export {
  analyzeJobDescription,
  type AnalysisWarning,
  type FoundTerm,
  type JobAnalysis,
  type JobDescriptionDeps,
  type JobDescriptionInput,
  type LikelyRole,
  type RoleEvidence,
  type TechnologyGroup,
  type TermMention,
} from './jd-analysis.js';
export {
  diagnose,
  type DiagnoseDeps,
  type DiagnosedRole,
  type Diagnosis,
  type DiagnosisMatch,
  type Understood,
} from './diagnose.js';
export { matchTitleToRoles, type TitleMatch } from './title-match.js';
export {
  detectSeniority,
  seniorityLevels,
  type Seniority,
  type SeniorityLevel,
} from './seniority.js';
export {
  checkPostingParts,
  postingParts,
  type PartCheck,
  type PostingPart,
  type PostingPartsReport,
  type WorkMode,
} from './posting-parts.js';
export { textView, type TextFormat, type TextView } from './text-view.js';
export { roleProfiles, type GuideSection } from './role-profiles.js';
