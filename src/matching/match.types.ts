import type { TitleFacts } from '../domain/index.js';

/** One role of one taxonomy as the matcher sees it: its name and its alternative titles. */
export interface TitleSource {
  taxonomy: string;
  code: string;
  name: string;
  /** Alternative titles; the name need not be repeated here. */
  titles: string[];
  /** Titles matched but not shown as the role's (ESCO hidden labels). */
  hiddenTitles?: string[];
  /** Roles of other taxonomies this one corresponds to: a strong match is evidence for them. */
  crosswalk?: ReadonlyArray<{ taxonomy: string; code: string }>;
  /** Tools, languages and services of the work: a title named by one may mean this role. */
  technologies?: string[];
}

export interface MatchOptions {
  /** Only roles of this taxonomy. */
  taxonomy?: string;
  /** How many candidates at most (default 5). */
  top?: number;
  /** Candidates below this calibrated score are left out (default {@link DEFAULT_MIN_SCORE}). */
  minScore?: number;
}

export interface TitleMatch {
  taxonomy: string;
  code: string;
  name: string;
  /** Calibrated: about the share of matches with this score that are the right role. */
  score: number;
  /** The role's name or alternative title that matched best. */
  matchedTitle: string;
  /** Present when matchedTitle is one the source keeps hidden (a misspelling, an old name). */
  matchedHidden?: true;
  /** Present when a role whose crosswalk names this one matched the title closely. */
  crosswalkFrom?: CrosswalkSource;
  /**
   * Present when no title of the role matched and the role was reached through this
   * technology, which the title names and the role lists ("Splunk" of "Splunk Engineer"):
   * weaker evidence than a title, scored so. matchedTitle is then the role's name.
   */
  matchedTechnology?: string;
}

/** A role that matched a title closely and names another role in its crosswalk. */
export interface CrosswalkSource {
  taxonomy: string;
  code: string;
  name: string;
  /** Its title that matched. */
  matchedTitle: string;
}

/** One title matched: the roles it names, and what else it says (see TitleFacts). */
export interface TitleMatchResult extends TitleFacts {
  input: string;
  /** Best first; empty when no role is a confident match. */
  matches: TitleMatch[];
  /** Requisition numbers, bracketed technologies and other text that is not the role. */
  noise: string[];
  /** The title left after stripping the modifiers. */
  core: string;
}
