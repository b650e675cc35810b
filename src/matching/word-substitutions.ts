import type { WordCandidate } from './fuzzy-words.js';

/**
 * A pair of words stands for another when at least this many roles of one taxonomy list two
 * titles differing only in them ("machine operator", "machine operative"): in one role it is
 * more likely two jobs the role happens to hold than two ways to name one.
 */
const MIN_PAIR_ROLES = 2;
/** Roles a pair needs to count as a habit of the taxonomy's labels (see MIN_RECURRING_SHARE). */
const HABIT_ROLES = 3;
/**
 * A taxonomy's pairs are used only when at least this share of its one-word differences
 * between titles of a role recur in HABIT_ROLES roles: then its labels vary a few words
 * by habit (ESCO: operator, operative, worker; manager, supervisor; 46% recur). O*NET's
 * alternate titles differ in words particular to each occupation (7% recur) and the
 * built-in library's are too few to tell (20%): there the pairs are left out, so that their
 * answers do not move on so thin a pattern.
 */
const MIN_RECURRING_SHARE = 0.3;
/** Substitutes kept per word, those most roles show first. */
const SUBSTITUTES_PER_WORD = 3;
/** Credit of a substitute against the word itself: evidence, but less than the word. */
const SUBSTITUTE_CREDIT = 0.7;
/** Word ids stay below this, so that two of them and a place bit make one exact number. */
const PAIR_BASE = 2 ** 26;

/**
 * Per unordered pair of word ids in one place of the titles ((smaller id × PAIR_BASE + larger
 * id) × 2, plus 1 when the words are the titles' last, their head), the roles listing it,
 * in the order the pairs were first counted. A snapshot holds the pairs and counts as two
 * flat arrays, which loading keeps as they are: O*NET's 170,000 pairs rebuilt into a Map took
 * each process that loads the index some 50 ms of CPU, though only an edit counts into them.
 * The Map is made from the arrays on the first count.
 */
class PairCounts {
  private counted: Map<number, number> | undefined;

  constructor(
    private readonly loadedPairs: Float64Array = new Float64Array(0),
    private readonly loadedCounts: Int32Array = new Int32Array(0),
  ) {}

  /** The counts, to be changed in place. */
  get roles(): Map<number, number> {
    if (this.counted === undefined) {
      this.counted = new Map();
      for (let i = 0; i < this.loadedPairs.length; i++) {
        this.counted.set(this.loadedPairs[i] as number, this.loadedCounts[i] as number);
      }
    }
    return this.counted;
  }

  /** Visits each pair with its count, in the order the pairs were first counted. */
  forEach(visit: (pair: number, count: number) => void): void {
    if (this.counted !== undefined) {
      for (const [pair, count] of this.counted) visit(pair, count);
      return;
    }
    for (let i = 0; i < this.loadedPairs.length; i++) {
      visit(this.loadedPairs[i] as number, this.loadedCounts[i] as number);
    }
  }

  /** The pairs and their counts as the two flat arrays a snapshot holds. */
  toState(): { pairs: Float64Array; counts: Int32Array } {
    if (this.counted === undefined) return { pairs: this.loadedPairs, counts: this.loadedCounts };
    return {
      pairs: Float64Array.from(this.counted.keys()),
      counts: Int32Array.from(this.counted.values()),
    };
  }
}

/** One taxonomy's pairs (see WordSubstitutions). */
interface TaxonomyPairs {
  pairs: PairCounts;
  /** Roles counted per pair, summed over the pairs. */
  instances: number;
  /** The same sum over the pairs at HABIT_ROLES or more. */
  recurring: number;
}

/** A taxonomy's pairs as a snapshot holds them. */
interface TaxonomyPairsState {
  pairs: Float64Array;
  counts: Int32Array;
  instances: number;
  recurring: number;
}

/**
 * Words that one taxonomy's labels use for one another, learned from the index's own titles:
 * two titles of one role that differ in a single word make a pair, and a pair that recurs in
 * enough roles makes each word a stand-in for the other, as a typo's neighbour is. Counted as
 * roles are added and dropped, so an edit patches the counts; the substitutes themselves are
 * made anew on the next refresh after a change, from the recurring pairs only.
 */
export class WordSubstitutions {
  private readonly taxonomies = new Map<string, TaxonomyPairs>();
  /**
   * Per word and place (id × 2, plus 1 for the head), itself at full credit then its
   * substitutes; remade by refresh().
   */
  private learned = new Map<number, WordCandidate[]>();
  /** The taxonomies whose pairs are used; remade by refresh(). */
  private using = new Set<string>();
  private stale = true;

  /**
   * Counts the pairs a role's titles (each its word ids in order) make, once per role: `sign`
   * 1 when the role is added, -1 when it is dropped.
   */
  count(taxonomy: string, titles: ReadonlyArray<ArrayLike<number>>, sign: 1 | -1): void {
    const pairs = pairsOf(titles);
    if (pairs.size === 0) return;
    let counts = this.taxonomies.get(taxonomy);
    if (counts === undefined) {
      counts = { pairs: new PairCounts(), instances: 0, recurring: 0 };
      this.taxonomies.set(taxonomy, counts);
    }
    const roles = counts.pairs.roles;
    for (const pair of pairs) {
      const before = roles.get(pair) ?? 0;
      const after = before + sign;
      if (after === 0) roles.delete(pair);
      else roles.set(pair, after);
      counts.instances += sign;
      counts.recurring += (after >= HABIT_ROLES ? after : 0) - (before >= HABIT_ROLES ? before : 0);
    }
    if (counts.instances === 0) this.taxonomies.delete(taxonomy);
    this.stale = true;
  }

  /**
   * The word at full credit then its substitutes in that place, the head or before it;
   * undefined for a word without any. A word stands for different words in the two places:
   * ESCO's titles put "assistant" for "senior" and "trainee" before a trade ("assistant
   * accountant") and for "clerk" and "associate" as the head.
   */
  of(id: number, atHead: boolean): WordCandidate[] | undefined {
    return this.learned.get(id * 2 + (atHead ? 1 : 0));
  }

  /**
   * Whether the substitutes stand in for words in this taxonomy's titles: only where its own
   * labels showed the habit, so that ESCO's "supervisor" for "manager" does not reach the
   * titles of an index's other taxonomies.
   */
  appliesTo(taxonomy: string): boolean {
    return this.using.has(taxonomy);
  }

  /**
   * Makes the substitutes anew if a count changed. Ties between substitutes are broken by the
   * word (`wordOf`), not its id, so that an index patched by edits answers as one built anew.
   */
  refresh(wordOf: (id: number) => string | undefined): void {
    if (!this.stale) return;
    const roles = new Map<number, Map<number, number>>();
    const add = (word: number, other: number, count: number): void => {
      let others = roles.get(word);
      if (others === undefined) roles.set(word, (others = new Map<number, number>()));
      others.set(other, (others.get(other) ?? 0) + count);
    };
    this.using = new Set();
    for (const [taxonomy, counts] of this.taxonomies) {
      if (counts.recurring < MIN_RECURRING_SHARE * counts.instances) continue;
      this.using.add(taxonomy);
      counts.pairs.forEach((pair, count) => {
        if (count < MIN_PAIR_ROLES) return;
        const place = pair % 2;
        const words = Math.floor(pair / 2);
        const low = Math.floor(words / PAIR_BASE);
        const high = words % PAIR_BASE;
        add(low * 2 + place, high, count);
        add(high * 2 + place, low, count);
      });
    }
    this.learned = new Map();
    for (const [key, others] of roles) {
      const best = [...others]
        .sort(([a, x], [b, y]) => y - x || (wordOf(a) ?? '').localeCompare(wordOf(b) ?? ''))
        .slice(0, SUBSTITUTES_PER_WORD);
      this.learned.set(key, [
        { id: Math.floor(key / 2), credit: 1 },
        ...best.map(([id]) => ({ id, credit: SUBSTITUTE_CREDIT })),
      ]);
    }
    this.stale = false;
  }

  /** The counts as plain data for a snapshot; the substitutes are made anew when read. */
  toState(): object {
    const taxonomies = new Map<string, TaxonomyPairsState>();
    for (const [taxonomy, { pairs, instances, recurring }] of this.taxonomies) {
      taxonomies.set(taxonomy, { ...pairs.toState(), instances, recurring });
    }
    return { taxonomies };
  }

  /** Substitutions holding what toState() took. */
  static fromState(state: { taxonomies?: Map<string, TaxonomyPairsState> }): WordSubstitutions {
    const substitutions = new WordSubstitutions();
    for (const [taxonomy, { pairs, counts, instances, recurring }] of state.taxonomies ?? []) {
      substitutions.taxonomies.set(taxonomy, {
        pairs: new PairCounts(pairs, counts),
        instances,
        recurring,
      });
    }
    return substitutions;
  }
}

/**
 * The unordered pairs of words in which two of the titles differ, the rest of both the same,
 * each with whether the place is the titles' head: titles are grouped by their words with one
 * place left out, and the words at that place within a group pair up.
 */
const pairsOf = (titles: ReadonlyArray<ArrayLike<number>>): Set<number> => {
  const byRest = new Map<string, { head: boolean; words: number[] }>();
  for (const title of titles) {
    if (title.length < 2) continue;
    const words = Array.from(title);
    for (let at = 0; at < words.length; at++) {
      const rest = `${at}:${words.slice(0, at).join(' ')}|${words.slice(at + 1).join(' ')}`;
      const group = byRest.get(rest);
      if (group === undefined)
        byRest.set(rest, { head: at === words.length - 1, words: [words[at] as number] });
      else group.words.push(words[at] as number);
    }
  }
  const pairs = new Set<number>();
  for (const { head, words } of byRest.values()) {
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        const a = words[i] as number;
        const b = words[j] as number;
        if (a !== b) pairs.add((Math.min(a, b) * PAIR_BASE + Math.max(a, b)) * 2 + (head ? 1 : 0));
      }
    }
  }
  return pairs;
};
