/**
 * The weights of the role score. Each was chosen on seeded O*NET splits that the published
 * benchmark does not use (bench/normalize/dev.ts); see bench/RESULTS.md.
 */

/** The head noun (last word: Engineer, Nurse, Operator) counts this much more than the others. */
export const HEAD_BOOST = 1.5;
/** Weight of the role's second-best title next to its best: roles with many close titles win. */
export const SECOND_TITLE_WEIGHT = 0.8;
/** Weight of how well the role's titles as a whole cover the query's words. */
export const COVERAGE_WEIGHT = 1.5;
/**
 * Coverage counts a word by the share of the role's titles using it, raised to this power:
 * near 0, so appearing at all matters most and frequency only a little.
 */
export const COVERAGE_EXPONENT = 0.1;
/** Weight of how many of the role's titles share the query's head noun. */
export const HEAD_SHARE_WEIGHT = 0.2;
export const HEAD_SHARE_EXPONENT = 0.3;
/** A query word unknown to the index weighs this share of the rarest word's weight. */
export const UNKNOWN_WORD_SHARE = 0.5;
/** Typo candidates considered per query word. */
export const TYPO_CANDIDATES = 3;

/** The evidence one role gathered for a query, each part in 0..1. */
export interface RoleEvidence {
  /** Weighted overlap (Dice) of the query with the role's best title. */
  best: number;
  second: number;
  coverage: number;
  headShare: number;
}

/** Largest value {@link roleScore} can take. */
export const MAX_ROLE_SCORE = 1 + SECOND_TITLE_WEIGHT + COVERAGE_WEIGHT + HEAD_SHARE_WEIGHT;

/** Combines a role's evidence into one raw score used for ranking. */
export const roleScore = (e: RoleEvidence): number =>
  e.best +
  SECOND_TITLE_WEIGHT * e.second +
  COVERAGE_WEIGHT * e.coverage +
  HEAD_SHARE_WEIGHT * e.headShare;
