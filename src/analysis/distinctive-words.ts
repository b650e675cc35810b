import type { FeatureSource } from './features.js';
import type { RoleProfile, RoleProfiles } from './role-profiles.js';
import { insideAnySpan } from './span-cover.js';
import type { TermHit } from './term-spotter.js';

/**
 * How much a guide must weigh a word (its count there times its rarity across guide items) for
 * the word to speak for the role: two mentions of a word found in fewer than one item in fifty,
 * or more mentions of a commoner one. A word said once in passing ("company", "fast") does not.
 */
const WEIGHTY = 8;

const averagesOf = new WeakMap<readonly RoleProfile[], Map<string, number>>();

/** How often the guides that use a word use it, on average: read once per set of guides. */
const averageUse = (profiles: readonly RoleProfile[]): Map<string, number> => {
  const known = averagesOf.get(profiles);
  if (known) return known;
  const uses = new Map<string, { guides: number; total: number }>();
  for (const { whole } of profiles) {
    for (const [feature, count] of whole) {
      const use = uses.get(feature) ?? { guides: 0, total: 0 };
      uses.set(feature, { guides: use.guides + 1, total: use.total + count });
    }
  }
  const averages = new Map([...uses].map(([f, u]) => [f, u.total / u.guides]));
  averagesOf.set(profiles, averages);
  return averages;
};

/** Words the text says only inside a glossary term it names: the term is the evidence. */
const wordsInsideTerms = (sources: readonly FeatureSource[], hits: readonly TermHit[]) => {
  const inside = insideAnySpan(hits);
  const outside = new Set(sources.filter((s) => !inside(s)).map((s) => s.feature));
  return new Set(sources.map((s) => s.feature).filter((f) => !outside.has(f)));
};

/**
 * Of the words a text shares with a guide, those that speak for its role: the guide weighs them,
 * and says them more often than the other guides that use them do ("developers" is every
 * developer guide's word, "analysts" the data analyst's). Words said only inside a named glossary
 * term ("js" of Node.js) are left to that term, which the evidence names already.
 * @example distinctiveWords(profiles)(sources, hits)(backend, ['w:reliabl', 'w:company'])
 */
export const distinctiveWords =
  ({ profiles, idf }: Pick<RoleProfiles, 'profiles' | 'idf'>) =>
  (sources: readonly FeatureSource[], hits: readonly TermHit[]) => {
    const named = wordsInsideTerms(sources, hits);
    const averages = averageUse(profiles);
    return (profile: RoleProfile, shared: readonly string[]): string[] =>
      shared.filter((feature) => {
        const count = profile.whole.get(feature) ?? 0;
        return (
          feature.startsWith('w:') &&
          !named.has(feature) &&
          count * (idf.get(feature) ?? 0) >= WEIGHTY &&
          count >= (averages.get(feature) ?? Infinity)
        );
      });
  };
