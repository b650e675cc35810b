/**
 * The weights of the role score. Each was chosen on seeded O*NET splits that the published
 * benchmark does not use (bench/normalize/dev.ts); see bench/RESULTS.md.
 */

/** The head noun (last word: Engineer, Nurse, Operator) counts this much more than the others. */
export const HEAD_BOOST = 1.3;
/** Weight of the role's second-best title next to its best: roles with many close titles win. */
const SECOND_TITLE_WEIGHT = 0.8;
/** Weight of how well the role's titles as a whole cover the query's words. */
const COVERAGE_WEIGHT = 1.5;
/**
 * Coverage counts a word by the share of the role's titles using it, raised to this power:
 * near 0, so appearing at all matters most and frequency only a little.
 */
const COVERAGE_EXPONENT = 0.1;
/**
 * Coverage also counts a word by the share of the titles using it that are the role's, with
 * this weight next to the above: "yarn" in eight titles, six of them one role's, points to that
 * role more than to the two others, though each uses it. A title the taxonomy does not list
 * most likely belongs where its words mostly live.
 */
const OWNERSHIP_WEIGHT = 0.5;

/**
 * What one word adds to a role's coverage (before its IDF among roles): whether the role's
 * titles use it at all, and how much of the word's use is this role's.
 *
 * @example wordCoverage(6, 40, 8) // 0.827 + 0.375: 6 of the role's 40 titles, 6 of the word's 8
 */
export const wordCoverage = (roleTitlesWith: number, roleTitles: number, titlesWith: number) =>
  (roleTitlesWith / roleTitles) ** COVERAGE_EXPONENT +
  OWNERSHIP_WEIGHT * (roleTitlesWith / titlesWith);
/**
 * How many roles a word's titles are spread over, each counted by its share of them (the
 * exponential of their entropy), from flat pairs of (role, titles of the role using the word).
 * A word nearly all of whose titles one role lists ("Supervisor", "Helper") points to that role
 * almost as surely as a word only it uses, however many other roles list it once or twice; a
 * plain count of roles weighs it as vague as a word spread evenly over as many.
 *
 * @example effectiveRoles([0, 8, 1, 1, 2, 1]) // 1.9: three roles, one of them with 8 of 10 titles
 */
export const effectiveRoles = (pairs: readonly number[]): number => {
  // Most words are in one role, and most roles list a word once (log 1 = 0): the index's
  // weights are all made anew after each change, so the logarithms are spared where they can be.
  if (pairs.length <= 2) return pairs.length / 2;
  let titles = 0;
  let weighted = 0;
  for (let k = 1; k < pairs.length; k += 2) {
    const count = pairs[k] as number;
    titles += count;
    if (count > 1) weighted += count * Math.log(count);
  }
  return weighted === 0 ? pairs.length / 2 : Math.exp(Math.log(titles) - weighted / titles);
};

/** Weight of how many of the role's titles share the query's head noun. */
const HEAD_SHARE_WEIGHT = 0.2;
export const HEAD_SHARE_EXPONENT = 0.3;
/**
 * Added when one of the role's titles is the query word for word (after normalization): a
 * title the taxonomy lists verbatim beats any number of near misses in another role.
 */
const EXACT_TITLE_BONUS = 1;
/**
 * Added when a role's best title is its own name: an occupation's name says what it is, where
 * an alternate title may be a quirk of the source ("Photographic Process Workers" listing
 * "full stack dev").
 */
export const OWN_NAME_BONUS = 0.03;
/**
 * Taken from a role whose own name sets it apart by rank or speciality with a word the query
 * does not use ("Specialist Nurse", "Head Chef" for "Nurse", "Chef"): a title that does not say
 * so names the role every such variant narrows, as a coder files a bare "Nurse" under general
 * nursing.
 */
export const NARROWER_NAME_PENALTY = 0.2;
/**
 * Words a name uses to set a role apart from the plain one by rank or speciality, as the
 * normalizer spells them.
 */
export const NARROWING_WORDS: readonly string[] = [
  'specialist',
  'specialized',
  'advanced',
  'senior',
  'head',
  'principal',
  'expert',
  'lead',
];
/**
 * Added in proportion to the share of the query's weight whose words the role's own name uses,
 * whichever title matched best: "Yarn Weigher" is nearer "Weighers, Measurers, Checkers, and
 * Samplers, Recordkeeping" than a role that lists a "Weigher" but names other work.
 */
export const NAME_WORDS_WEIGHT = 0.1;
/**
 * A role whose best title is at least this similar to the query (weighted Dice, 1 for the same
 * words) credits the roles its crosswalk names with this weight times the similarity.
 */
export const CROSSWALK_MIN_SIMILARITY = 0.9;
export const CROSSWALK_WEIGHT = 2.5;
/** Seniority words taken out of the core and bracketed extras weigh this share of a word. */
export const SET_ASIDE_WEIGHT = 0.3;
/** A query word unknown to the index weighs this share of the rarest word's weight. */
export const UNKNOWN_WORD_SHARE = 0.5;
/**
 * A match must explain most of the role phrase: the words its best title shares with the
 * phrase must carry at least this share of the phrase's weight, and a phrase of two words or
 * more must share two of them ("Truck Driver" shares only "driver" with "Device Driver
 * Engineer"). A match that does not keeps its calibrated score up to UNEXPLAINED_CEILING, which
 * is below the default threshold: still ranked, in its order, never a confident answer.
 */
export const EXPLAINED_SHARE = 0.5;
/**
 * On held-out taxonomy titles a match the rule turns down is right about as often as an
 * explained one of the same calibrated score, so below the ceiling its score stays what the
 * curve says; scaling it down instead put 56%-right matches under 44%-right ones.
 */
const UNEXPLAINED_CEILING = 0.45;
export const unexplained = (score: number): number => Math.min(score, UNEXPLAINED_CEILING);
/** Typo candidates considered per query word. */
export const TYPO_CANDIDATES = 3;

/**
 * Combines the evidence one role gathered for a query (each part in 0..1) into the raw score
 * used for ranking: the weighted overlap (Dice) of the query with the role's best and
 * second-best titles, the coverage of the query's words by the role's titles, the share of its
 * titles with the query's head noun, and whether one of its titles is the query word for word.
 * Positional, not an object: it runs once per candidate role.
 *
 * @example roleScore(1, 0.5, 1, 1, 1) // 4.1: the exact title, in a role that covers every word
 */
export const roleScore = (
  best: number,
  second: number,
  coverage: number,
  headShare: number,
  exact: number,
): number =>
  best +
  SECOND_TITLE_WEIGHT * second +
  COVERAGE_WEIGHT * coverage +
  HEAD_SHARE_WEIGHT * headShare +
  EXACT_TITLE_BONUS * exact;
