import { KeyedLists } from './keyed-lists.js';

/** Words shorter than this get no typo tolerance: too many short words are one edit apart. */
const MIN_TYPO_LENGTH = 5;
/** From this length on, two edits are forgiven. */
const TWO_TYPO_LENGTH = 9;
/** Words this long are also indexed by trigram, for two edits and look-alikes. */
const LONG_WORD = 8;
/** Look-alikes are only searched among words at most this much longer or shorter. */
const LOOKALIKE_LENGTH_SPREAD = 2;
/** Trigram overlap (Dice) a look-alike needs, and the credit per unit of overlap it earns. */
const LOOKALIKE_MIN_DICE = 0.5;
const LOOKALIKE_CREDIT = 0.6;
/** Credit of a word one or two edits away from the query word. */
export const ONE_EDIT_CREDIT = 0.85;
const TWO_EDIT_CREDIT = 0.7;

const MAX_INDEXED_LENGTH = 63;
/** Word lengths a trigram key tells apart: every indexed length is below it. */
const GRAM_LENGTHS = MAX_INDEXED_LENGTH + 1;

/** A word of the index that a query word may stand for, and how much to trust it. */
export interface WordCandidate {
  id: number;
  credit: number;
}

/** How many edits a word of this length may carry and still be recognised. */
export const allowedEdits = (length: number): number =>
  length >= TWO_TYPO_LENGTH ? 2 : length >= MIN_TYPO_LENGTH ? 1 : 0;

const charCode = (c: number): number => {
  if (c >= 97 && c <= 122) return c - 96;
  if (c >= 48 && c <= 57) return c - 21;
  return 37;
};

/**
 * The word's letter trigrams (with ^ and $ marking its ends) as small integers, written into
 * `out`; returns how many there are.
 */
const gramCodes = (word: string, out: number[]): number => {
  const n = word.length + 2;
  const at = (i: number): number =>
    i === 0 ? 38 : i === n - 1 ? 39 : charCode(word.charCodeAt(i - 1));
  let count = 0;
  for (let i = 0; i + 3 <= n; i++) {
    const code = (at(i) * 40 + at(i + 1)) * 40 + at(i + 2);
    let repeated = false;
    for (let j = 0; j < count && !repeated; j++) repeated = out[j] === code;
    if (!repeated) out[count++] = code;
  }
  return count;
};

const HASH_BASE = 0x01000193;
const prefixHash = new Int32Array(MAX_INDEXED_LENGTH + 2);
const suffixHash = new Int32Array(MAX_INDEXED_LENGTH + 2);
const basePower = new Int32Array(MAX_INDEXED_LENGTH + 2);
basePower[0] = 1;
for (let i = 1; i < basePower.length; i++) {
  basePower[i] = Math.imul(basePower[i - 1] as number, HASH_BASE);
}
const keys = new Int32Array(MAX_INDEXED_LENGTH + 2);

/** A small non-negative integer (a V8 small integer, cheap as a Map key) for a hash and a length. */
const finish = (hash: number, length: number): number => {
  let h = (hash ^ Math.imul(length, 0x9e3779b1)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & 0x3fffffff;
};

/**
 * Keys of the word with its i-th letter deleted, for every i, and at [length] the key of the
 * word itself: equal strings get equal keys, so a deletion of one word finds the other word or
 * its deletions. Computed from prefix and suffix hashes in one pass, with no string built;
 * the returned array is reused by the next call.
 */
const deletionKeys = (word: string): Int32Array => {
  const n = word.length;
  prefixHash[0] = 0;
  for (let i = 0; i < n; i++) {
    prefixHash[i + 1] = (Math.imul(prefixHash[i] as number, HASH_BASE) + word.charCodeAt(i)) | 0;
  }
  suffixHash[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    suffixHash[i] =
      (Math.imul(word.charCodeAt(i), basePower[n - 1 - i] as number) +
        (suffixHash[i + 1] as number)) |
      0;
  }
  for (let i = 0; i < n; i++) {
    const value = Math.imul(prefixHash[i] as number, basePower[n - 1 - i] as number);
    keys[i] = finish((value + (suffixHash[i + 1] as number)) | 0, n - 1);
  }
  keys[n] = finish(prefixHash[n] as number, n);
  return keys;
};

/** Rows reused by every editDistance call: it runs for each typo candidate of each query. */
let rowA = new Int32Array(72);
let rowB = new Int32Array(72);
let rowC = new Int32Array(72);

/**
 * Optimal-string-alignment distance (insert, delete, substitute, swap neighbours), stopping
 * early once it must exceed `max`.
 *
 * @example editDistance('enginer', 'engineer', 2) // 1
 */
export const editDistance = (a: string, b: string, max: number): number => {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  if (rowA.length < width) {
    rowA = new Int32Array(width * 2);
    rowB = new Int32Array(width * 2);
    rowC = new Int32Array(width * 2);
  }
  let before = rowA;
  let previous = rowB;
  let current = rowC;
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (ai === bj ? 0 : 1),
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        value = Math.min(value, (before[j - 2] as number) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] as number;
};

/**
 * The words of the index arranged to find what a misspelt or unknown word was meant to be
 * without comparing it to every word: one-edit neighbours through each word's one-letter
 * deletions (two words one edit apart share a deletion, or one is a deletion of the other),
 * two-edit neighbours and look-alikes of long words through letter trigrams. Words are only
 * added; a word no title uses any more is filtered out by the caller.
 */
export class FuzzyWords {
  /**
   * Key of a word, or of the word with one letter deleted (see deletionKeys) → the ids of the
   * words it came from. A key two strings happen to share only adds a candidate that the edit
   * distance then rejects.
   */
  private byDeletion = new KeyedLists();
  /** Trigram code × GRAM_LENGTHS + word length → ids of the long words of that length with it. */
  private byGram = new KeyedLists();
  private words: string[] = [];
  private counts = new Int32Array(1024);
  private readonly touched: number[] = [];
  private readonly grams: number[] = [];
  /**
   * The current similar() call's words within reach, as (id, edits) pairs in the order found:
   * few, so a scan finds one again sooner than a Map made per call, which also cost its
   * allocation and the sort of its entries.
   */
  private readonly found: number[] = [];

  /** The words and their keys as plain data for a snapshot; the scratch arrays are not kept. */
  toState(): object {
    return {
      words: this.words,
      byDeletion: this.byDeletion.toState(),
      byGram: this.byGram.toState(),
    };
  }

  /** Words holding what toState() took. */
  static fromState(state: { words?: string[]; byDeletion?: object; byGram?: object }): FuzzyWords {
    const fuzzy = new FuzzyWords();
    fuzzy.words = state.words ?? [];
    fuzzy.byDeletion = KeyedLists.fromState(state.byDeletion ?? {});
    fuzzy.byGram = KeyedLists.fromState(state.byGram ?? {});
    return fuzzy;
  }

  /** The word an id was added for. */
  wordOf(id: number): string | undefined {
    return this.words[id];
  }

  add(id: number, word: string): void {
    this.words[id] = word;
    if (word.length < MIN_TYPO_LENGTH - 1 || word.length > MAX_INDEXED_LENGTH) return;
    const keys = deletionKeys(word);
    // A word may lose either of two equal letters to the same key: its id is listed once.
    for (let i = 0; i <= word.length; i++) this.byDeletion.push(keys[i] as number, id);
    if (word.length < LONG_WORD) return;
    const count = gramCodes(word, this.grams);
    for (let g = 0; g < count; g++) {
      this.byGram.push((this.grams[g] as number) * GRAM_LENGTHS + word.length, id);
    }
  }

  /**
   * Index words within the allowed edit distance of `word` (one edit from five letters, two
   * from nine), best first, at most `limit`. When there is none, the long word that looks most
   * alike by trigrams (a different ending, a missing syllable), at a lower credit.
   *
   * @example fuzzy.similar('enginer', 3) // [{ id: <id of 'engineer'>, credit: 0.85 }]
   */
  similar(word: string, limit: number): WordCandidate[] {
    if (word.length < MIN_TYPO_LENGTH - 1 || word.length > MAX_INDEXED_LENGTH) return [];
    const { found } = this;
    found.length = 0;
    this.oneEdit(word);
    // Two-edit neighbours and look-alikes only matter when nothing is one edit away.
    const lookalike =
      found.length === 0 && word.length >= LONG_WORD - 1 ? this.twoEdits(word) : undefined;
    if (found.length === 0) {
      return lookalike !== undefined && lookalike.dice >= LOOKALIKE_MIN_DICE
        ? [{ id: lookalike.id, credit: lookalike.dice * LOOKALIKE_CREDIT }]
        : [];
    }
    // Fewest edits first (one, then two), each in the order found.
    const candidates: WordCandidate[] = [];
    for (let edits = 1; edits <= 2; edits++) {
      for (let k = 0; k < found.length && candidates.length < limit; k += 2) {
        if (found[k + 1] !== edits) continue;
        const credit = edits === 1 ? ONE_EDIT_CREDIT : TWO_EDIT_CREDIT;
        candidates.push({ id: found[k] as number, credit });
      }
    }
    return candidates;
  }

  private accept(word: string, id: number): void {
    const { found } = this;
    for (let k = 0; k < found.length; k += 2) if (found[k] === id) return;
    const candidate = this.words[id] as string;
    const allowed = allowedEdits(Math.max(word.length, candidate.length));
    if (allowed === 0 || candidate === word) return;
    const edits = editDistance(word, candidate, allowed);
    if (edits <= allowed) found.push(id, edits);
  }

  /**
   * Two words one edit apart share a key: one is the other with a letter deleted, or both are
   * after deleting one letter each (a substitution, or a swap of neighbours).
   */
  private oneEdit(word: string): void {
    const keys = deletionKeys(word);
    for (let i = 0; i <= word.length; i++) {
      const ids = this.byDeletion.get(keys[i] as number);
      for (let k = 0; k < ids.length; k++) this.accept(word, ids[k] as number);
    }
  }

  /** Long words two edits away, through shared trigrams; returns the closest look-alike. */
  private twoEdits(word: string): { id: number; dice: number } {
    const gramCount = gramCodes(word, this.grams);
    // An edit spoils at most three trigrams (a swap of neighbours four, rarely twice).
    const needed = Math.max(1, gramCount - 6);
    if (this.counts.length < this.words.length) {
      this.counts = new Int32Array(Math.max(this.words.length, this.counts.length * 2));
    }
    const { counts, touched } = this;
    const minLength = Math.max(LONG_WORD, word.length - LOOKALIKE_LENGTH_SPREAD);
    const maxLength = Math.min(MAX_INDEXED_LENGTH, word.length + LOOKALIKE_LENGTH_SPREAD);
    for (let g = 0; g < gramCount; g++) {
      const gram = (this.grams[g] as number) * GRAM_LENGTHS;
      for (let length = minLength; length <= maxLength; length++) {
        const list = this.byGram.get(gram + length);
        for (let k = 0; k < list.length; k++) {
          const id = list[k] as number;
          if (counts[id] === 0) touched.push(id);
          counts[id] = (counts[id] as number) + 1;
        }
      }
    }
    let best = { id: -1, dice: 0 };
    for (const id of touched) {
      const shared = counts[id] as number;
      counts[id] = 0;
      const candidate = this.words[id] as string;
      const dice = (2 * shared) / (gramCount + candidate.length);
      // A look-alike differs in its ending or a syllable, not from its first letter on: what
      // shares only an ending ("confirmation", "information") is another word.
      if (dice > best.dice && candidate.charCodeAt(0) === word.charCodeAt(0)) best = { id, dice };
      if (shared >= needed && Math.abs(candidate.length - word.length) <= 2) {
        this.accept(word, id);
      }
    }
    touched.length = 0;
    return best;
  }
}
