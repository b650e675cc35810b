import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MatchOptions, TitleSource } from './match.types.js';
import { QueryScorer, type ScorerQuery } from './query-scorer.js';
import { normalizeTitleText } from './text-normalizer.js';
import { TitleStore } from './title-store.js';

const letters = (n: number): string =>
  [...n.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('');

/** "Operator" in 500 titles, more than the scorer walks title by title: a common word. */
const ROLES: TitleSource[] = [
  ...Array.from({ length: 500 }, (_, i) => ({
    taxonomy: 'big',
    code: `b${i}`,
    name: `Operator ${letters(i + 1000)}`,
    titles: [],
  })),
  { taxonomy: 'big', code: 'wo', name: 'Welding Operator', titles: ['Welder'] },
  { taxonomy: 'big', code: 'wi', name: 'Welding Inspector', titles: [] },
  { taxonomy: 'big', code: 'ci', name: 'Crane Inspector', titles: ['Crane Operator'] },
];

const queryOf = (title: string): ScorerQuery => {
  const tokens = normalizeTitleText(title);
  return { tokens, setAside: [], exact: [tokens.join(' ')] };
};

const OPTIONS: MatchOptions = { top: 10, minScore: 0 };

const build = (): { store: TitleStore; scorer: QueryScorer } => {
  const store = new TitleStore();
  for (const role of ROLES) store.upsert(role);
  return { store, scorer: new QueryScorer(store) };
};

/** The titles whose score is not zero. */
const scored = (store: TitleStore): number[] => {
  const titles: number[] = [];
  for (let title = 0; title < store.records.capacity; title++) {
    if (store.records.score(title) !== 0) titles.push(title);
  }
  return titles;
};

describe('QueryScorer', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('leaves every title score at zero after a query', () => {
    const { store, scorer } = build();
    for (const title of ['Welding Operator', 'Crane Operator', 'Operator', 'Inspector Welder']) {
      expect(scorer.rank(queryOf(title), OPTIONS).length).toBeGreaterThan(0);
      expect(scored(store)).toEqual([]);
    }
  });

  it('leaves the scores at zero, and the next queries unchanged, when a query stops midway', () => {
    const { store, scorer } = build();
    const fresh = build().scorer;
    let scoredWhenThrown: number[] = [];
    // A common word's title set is asked for after the rare words have scored their titles.
    vi.spyOn(store, 'titlesWith').mockImplementationOnce(() => {
      scoredWhenThrown = scored(store);
      throw new Error('stopped midway');
    });
    expect(() => scorer.rank(queryOf('Welding Operator'), OPTIONS)).toThrow('stopped midway');
    expect(scoredWhenThrown.length).toBeGreaterThan(0);
    expect(scored(store)).toEqual([]);
    for (const title of ['Welding Inspector', 'Welding Operator', 'Crane Operator']) {
      expect(scorer.rank(queryOf(title), OPTIONS)).toEqual(fresh.rank(queryOf(title), OPTIONS));
    }
  });
});
