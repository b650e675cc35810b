import { seniorityRank, type Seniority } from '../domain/index.js';

export interface YearsOfExperience {
  min: number;
  max?: number;
  /** The words that said so. */
  text: string;
}

/** How senior a posting is: what its title says, else what the years asked for suggest. */
export interface PostingSeniority {
  level: Seniority | null;
  /** Where the level was read: the title, or the years of experience asked for. */
  source: 'title' | 'experience' | null;
  years: YearsOfExperience | null;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
};
const NUMBER = `(\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})`;
// Hurried postings put the plus after the unit and shorten experience: "3yrs+ exp".
const YEARS = new RegExp(
  `${NUMBER}\\s{0,2}\\+?\\s{0,2}(?:(?:-|–|to)\\s{0,2}${NUMBER}\\s{0,2}\\+?\\s{0,2})?(?:years?|yrs?)['’]?\\+?(?:\\s{1,2}of)?[^.\\n]{0,60}?\\b(?:experience|exp\\b)`,
  'i',
);

/**
 * Years asked for without the word experience: "6+ years in infrastructure", "3-5 years
 * building APIs", "at least 4 years as a tester". A plus, a range or "at least" must say it is
 * a requirement, and a word of doing must follow ("a 2-year contract" asks for nothing).
 */
const YEARS_DOING = new RegExp(
  `(?:(?:at\\s+least|minimum(?:\\s+of)?|min\\.?|over)\\s+${NUMBER}\\s{0,2}\\+?|${NUMBER}\\s{0,2}(?:\\+|(?:-|–|to)\\s{0,2}${NUMBER}\\s{0,2}\\+?))\\s{0,2}(?:years?|yrs?)['’]?\\s{1,2}(?:in|of|with|working|building|as|doing|developing|designing|writing|running|leading|managing|using|delivering|supporting|hands[\\s-]on)\\b`,
  'i',
);

const toNumber = (s: string) => NUMBER_WORDS[s.toLowerCase()] ?? Number(s);

/**
 * Years of experience a posting asks for: "5+ years of experience", "3-5 years' experience",
 * "6+ years in infrastructure".
 */
export const yearsOfExperience = (text: string): YearsOfExperience | null => {
  const full = YEARS.exec(text);
  // YEARS captures the least years then the most; YEARS_DOING the least after "at least" or
  // before a range, then the most.
  const m = full ?? YEARS_DOING.exec(text);
  if (!m) return null;
  const [least, most] = full ? [m[1], m[2]] : [m[1] ?? m[2], m[3]];
  const min = toNumber(least!);
  const max = most ? toNumber(most) : undefined;
  return { min, ...(max !== undefined && max > min ? { max } : {}), text: m[0] };
};

const levelFromYears = (min: number): Seniority => {
  if (min < 2) return 'junior';
  if (min < 5) return 'mid';
  if (min < 10) return 'senior';
  return 'staff';
};

/**
 * The level of a posting: the seniority its title states (as the title parser of
 * /v1/normalize reads it), else the one the years of experience its text asks for suggest.
 * @example detectSeniority('senior', '').level === 'senior'
 * @example detectSeniority(undefined, 'You have 2-4 years of experience').level === 'mid'
 */
export const detectSeniority = (
  fromTitle: Seniority | undefined,
  body: string,
): PostingSeniority => {
  const years = yearsOfExperience(body);
  if (fromTitle) return { level: fromTitle, source: 'title', years };
  if (years) return { level: levelFromYears(years.min), source: 'experience', years };
  return { level: null, source: null, years: null };
};

/**
 * True when the title's level and the years asked for disagree: a junior (or intern) asked for
 * four years or more, or a senior to distinguished individual contributor for a year or less.
 * The leadership levels are not checked: the years they ask for vary too widely to tell.
 */
export const seniorityConflict = (s: PostingSeniority): boolean => {
  if (s.source !== 'title' || !s.years || !s.level) return false;
  const rank = seniorityRank(s.level);
  if (rank <= seniorityRank('junior')) return s.years.min >= 4;
  if (rank >= seniorityRank('senior') && rank <= seniorityRank('distinguished')) {
    return (s.years.max ?? s.years.min) <= 1;
  }
  return false;
};
