export {
  lintLibrary,
  ordinaryTermForms,
  type LintLibraryInput,
  type LintLibraryOptions,
} from './library.lint.js';
export {
  GLOSSARY,
  lintRules,
  lintSeverities,
  type LintableRole,
  type LintFinding,
  type LintRule,
  type LintSeverity,
} from './lint-finding.js';
export { findPlaceholders } from './placeholders.js';
export { lintRole, type LintContext } from './role.lint.js';
export { type RoleSection } from './role-sections.js';
export { type TitleClaims } from '../domain/index.js';
