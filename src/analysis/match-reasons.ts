import type { GuideSection } from './role-profiles.js';

/** What the problem said, and what it was understood to mean (no meaning for a plain word). */
export interface Reading {
  means?: string;
  said: readonly string[];
}

/** The part of a role a problem matched: a part of its guide, or what the role is hired for. */
export interface MatchedPart {
  section: GuideSection | 'concept';
  /** The part's title, or its text where it has none worth quoting whole. */
  name?: string;
}

const quote = (s: string) => `“${s}”`;

/** "a, b and c": the way a sentence lists things. */
const listed = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/**
 * What was heard: the meanings understood, each with the words that said it; plain words only
 * when no meaning carried the match, since a word understood as nothing explains little.
 */
const heard = (readings: readonly Reading[]): string => {
  const understood = readings.filter((r) => r.means !== undefined && r.said.length > 0);
  if (understood.length > 0) {
    return `You described ${listed(understood.map((r) => `${r.means} (${r.said.map(quote).join(', ')})`))}`;
  }
  const words = [...new Set(readings.flatMap((r) => r.said))];
  return `You wrote ${listed(words.map(quote))}`;
};

const placeOf = ({ section, name }: MatchedPart): string => {
  // A quoted sentence keeps no full stop of its own: the reason ends with one.
  const named = name === undefined ? '' : ` ${quote(name.replace(/[.!?]+$/, ''))}`;
  switch (section) {
    case 'sign':
      return `the sign${named}`;
    case 'benefit':
      return `the reason to hire${named}`;
    case 'responsibility':
      return `this role’s work${named}`;
    case 'skill':
      return `the skill${named}`;
    case 'summary':
      return 'what this role does';
    case 'title':
      return 'this role’s name';
    case 'concept':
      return 'work this role is hired for';
  }
};

/**
 * Why a part of a role matched a problem, as one sentence a recruiter can read: what was
 * understood, in the problem's own words, and which part of the role it matches. The site, the
 * API and the command line all show this sentence.
 * @example matchReason([{ means: 'outages and crashes', said: ['crashing'] }], { section: 'sign', name: 'Slow pages' })
 * // 'You described outages and crashes (“crashing”), which matches the sign “Slow pages”.'
 */
export const matchReason = (readings: readonly Reading[], part: MatchedPart): string =>
  `${heard(readings)}, which matches ${placeOf(part)}.`;
