export {
  TermSpotter,
  type PreparedGlossary,
  type SpotterStats,
  type TermHit,
} from './term-spotter.js';
export {
  analyzeJobDescription,
  type AnalysisWarning,
  type FoundTechnologyGroup,
  type FoundTerm,
  type JobAnalysis,
  type JobDescriptionDeps,
  type JobDescriptionInput,
  type LikelyRole,
  type PostingTitle,
  type RoleEvidence,
  type TitleLookup,
} from './jd-analysis.js';
export {
  calibratedScores,
  diagnose,
  diagnosisSignals,
  type Calibration,
  type DiagnosisSignals,
  type DiagnoseDeps,
  type DiagnosedRole,
  type Diagnosis,
  type DiagnosisMatch,
  type Understood,
} from './diagnose.js';
export { type PostingSeniority, type YearsOfExperience } from './seniority.js';
export {
  postingParts,
  type PartCheck,
  type PostingPart,
  type PostingPartsReport,
  type PostingTitleFacts,
} from './posting-parts.js';
export { foldText } from './text-chars.js';
export { textView, type TextFormat, type TextSpan } from './text-view.js';
export type { TextView } from './text-view.types.js';
export {
  type GuideReading,
  type GuideSection,
  linkGlossary,
  readGuides,
  type RoleProfiles,
} from './role-profiles.js';
