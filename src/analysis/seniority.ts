/** Career levels, lowest first. */
export const seniorityLevels = [
  'intern',
  'junior',
  'mid',
  'senior',
  'lead',
  'staff',
  'principal',
  'director',
  'executive',
] as const;
export type SeniorityLevel = (typeof seniorityLevels)[number];

export interface YearsOfExperience {
  min: number;
  max?: number;
  /** The words that said so. */
  text: string;
}

export interface Seniority {
  level: SeniorityLevel | null;
  /** Where the level was read: the title's words, or the years of experience asked for. */
  source: 'title' | 'experience' | null;
  /** The title words that set the level. */
  titleWords: string[];
  years: YearsOfExperience | null;
}

/** Title words for each level; the highest level named wins ("Senior Staff" is staff). */
const TITLE_WORDS: [SeniorityLevel, RegExp][] = [
  ['executive', /\b(chief|cto|cio|ciso|cpo|c-level|vp|svp|evp|vice president)\b/gi],
  ['director', /\b(director|head of)\b/gi],
  ['principal', /\b(principal|distinguished|fellow)\b/gi],
  ['staff', /\bstaff\b/gi],
  ['lead', /\b(lead|leader)\b/gi],
  ['senior', /\b(senior|sr\.?|snr|experienced|iii|iv)(?=\s|$|[^\w])/gi],
  ['mid', /\b(mid|mid-level|midlevel|intermediate|ii)(?=\s|$|[^\w])/gi],
  ['junior', /\b(junior|jr\.?|entry[- ]level|graduate|grad|associate|beginner)(?=\s|$|[^\w])/gi],
  [
    'intern',
    /\b(intern|internship|trainee|apprentice|apprenticeship|working student|placement)\b/gi,
  ],
];

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
const YEARS = new RegExp(
  `${NUMBER}\\s{0,2}\\+?\\s{0,2}(?:(?:-|–|to)\\s{0,2}${NUMBER}\\s{0,2}\\+?\\s{0,2})?(?:years?|yrs?)['’]?(?:\\s{1,2}of)?[^.\\n]{0,60}?\\bexperience`,
  'i',
);

const toNumber = (s: string) => NUMBER_WORDS[s.toLowerCase()] ?? Number(s);

/** Years of experience a posting asks for: "5+ years of experience", "3-5 years' experience". */
export const yearsOfExperience = (text: string): YearsOfExperience | null => {
  const m = YEARS.exec(text);
  if (!m) return null;
  const min = toNumber(m[1]!);
  const max = m[2] ? toNumber(m[2]) : undefined;
  return { min, ...(max !== undefined && max > min ? { max } : {}), text: m[0] };
};

const levelFromYears = (min: number): SeniorityLevel => {
  if (min < 2) return 'junior';
  if (min < 5) return 'mid';
  if (min < 10) return 'senior';
  return 'staff';
};

/**
 * The level of a posting: from its title's words when they name one, else from the years of
 * experience its text asks for.
 * @example detectSeniority('Sr. Data Engineer', '').level === 'senior'
 * @example detectSeniority('Data Engineer', 'You have 2-4 years of experience').level === 'mid'
 */
export const detectSeniority = (title: string | undefined, body: string): Seniority => {
  const years = yearsOfExperience(body);
  for (const [level, pattern] of TITLE_WORDS) {
    const found = title?.match(pattern);
    if (found) return { level, source: 'title', titleWords: [...new Set(found)], years };
  }
  if (years)
    return { level: levelFromYears(years.min), source: 'experience', titleWords: [], years };
  return { level: null, source: null, titleWords: [], years: null };
};

/** True when the title's level and the years asked for disagree (a "junior" needing 6 years). */
export const seniorityConflict = (s: Seniority): boolean => {
  if (s.source !== 'title' || !s.years || !s.level) return false;
  const rank = seniorityLevels.indexOf(s.level);
  if (rank <= seniorityLevels.indexOf('junior')) return s.years.min >= 4;
  if (rank >= seniorityLevels.indexOf('senior') && rank <= seniorityLevels.indexOf('principal')) {
    return (s.years.max ?? s.years.min) <= 1;
  }
  return false;
};
