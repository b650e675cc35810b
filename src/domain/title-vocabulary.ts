import { Type } from 'typebox';

/**
 * What a job title says besides the role: how senior the holder is, the employer's own level,
 * where and how the work is done. Title normalization (matching) and job-description analysis
 * both speak this vocabulary, so /v1/normalize and /v1/analyze answer alike about one title.
 */

/**
 * Seniority a title can state, lowest first. The individual-contributor ladder comes first,
 * as most career frameworks write it (intern, junior, mid, senior, staff, principal,
 * distinguished), with lead placed just above senior: a lead's scope is one team, a staff
 * engineer's several. The leadership ladder follows (head, director, vp, chief) and sits
 * above it, so a title naming words of both is read by its leadership word: "Senior Director"
 * is a director. "Manager" is no seniority: it names roles (Product Manager, Office Manager).
 */
export const seniorities = [
  'intern',
  'junior',
  'mid',
  'senior',
  'lead',
  'staff',
  'principal',
  'distinguished',
  'head',
  'director',
  'vp',
  'chief',
] as const;
export type Seniority = (typeof seniorities)[number];

export const SenioritySchema = Type.Enum(seniorities, {
  description: `How senior the title says the holder is, lowest first: ${seniorities.join(', ')}.`,
});

/**
 * Where a seniority sits on the ladder: a higher rank is more senior.
 * @example seniorityRank('staff') > seniorityRank('lead') // true
 */
export const seniorityRank = (seniority: Seniority): number => seniorities.indexOf(seniority);

/**
 * How titles write the lead of a team, as a pattern source: apart, hyphenated or joined
 * ("Team Lead", "Tech-Lead", "Teamlead"), and as German and Dutch join it ("Teamleiter"). The
 * title parser reads it as the lead seniority, and job-description analysis as a job word, so
 * that a posting's title line is found as its title is read.
 */
export const teamLeadPhrase = String.raw`(?:team|tech|technical)[\s-]?lead(?:er)?|team[\s-]?lei[dt]er(?:in)?`;

/**
 * The genders a posting is open to ("m/w/d", "(f/m/x)", "H/F", "all genders"), as the law asks
 * some countries' postings to say, as a pattern source: never part of the role, whether the
 * title parser meets it in a posting title or the guide importer in a page title.
 */
export const gendersPhrase = String.raw`[mwfdhx](?:\s*\/\s*[mwfdhx]){1,2}|all\s+genders?`;

/** Where the work is done. One spelling everywhere: `onsite`, never "on-site". */
export const workModes = ['remote', 'hybrid', 'onsite'] as const;
export type WorkMode = (typeof workModes)[number];

/**
 * How titles and postings write each work mode, as pattern sources: one list, read whole by
 * the title parser ("Remote", "On-site" as a segment) and as words anywhere by job-description
 * analysis, so that /v1/normalize and /v1/analyze know the same phrases.
 */
export const workModePhrases: Readonly<Record<WorkMode, string>> = {
  remote: String.raw`remote|work(?:ing)?\s+from\s+home|wfh|home[\s-]?based|telecommut(?:e|ing)|telework(?:ing)?|fully\s+distributed|distributed\s+team`,
  hybrid: String.raw`hybrid(?:\s+remote)?`,
  onsite: String.raw`on[\s-]?site|in[\s-]?office|office[\s-]?based|in[\s-]?person|in\s+the\s+office|from\s+our\s+office`,
};

export const WorkModeSchema = Type.Enum(workModes, {
  description: `Where the work is done: ${workModes.join(', ')}.`,
});

/** The working hours a title names: "Night Shift", "2nd shift" (evening), "Overnight". */
const shifts = ['day', 'evening', 'night', 'weekend', 'rotating'] as const;
export type Shift = (typeof shifts)[number];

export const ShiftSchema = Type.Enum(shifts, {
  description: `The shift the title names: ${shifts.join(', ')} ("2nd shift" is evening, "3rd shift" night).`,
});

/** The terms of employment a title names: "Contract", "Temp", "Contract to Hire", "FTC". */
const contractTypes = [
  'permanent',
  'contract',
  'contract-to-hire',
  'fixed-term',
  'temporary',
  'freelance',
  'part-time',
  'full-time',
] as const;
export type ContractType = (typeof contractTypes)[number];

export const ContractTypeSchema = Type.Enum(contractTypes, {
  description: `The terms of employment the title names: ${contractTypes.join(', ')}.`,
});

/**
 * What a title says besides the role. `level` is the employer's own numbering as written
 * ("II", "L5", "Level 2"): it is never turned into a seniority, because what a number means
 * differs between employers (one's "Engineer III" is senior, another's mid-level). `location`
 * is the place or places the title names ("Austin, TX", "Berlin or Munich").
 * The rest are qualifiers after or around the role phrase: "Role, Team", "Role - Night Shift",
 * "Role (Go) | Contract".
 */
export interface TitleFacts {
  seniority?: Seniority;
  level?: string;
  workMode?: WorkMode;
  location?: string;
  /** The team, product or domain the title names beside the role ("Payments", "Checkout"). */
  team?: string;
  /** Technologies the title names beside the role ("Go", "React", "AWS"). */
  technologies?: string[];
  shift?: Shift;
  contract?: ContractType;
}
