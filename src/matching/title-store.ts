import { FuzzyWords, type WordCandidate } from './fuzzy-words.js';
import type { TitleSource } from './match.types.js';
import { effectiveRoles, HEAD_BOOST, HEAD_SHARE_EXPONENT, wordCoverage } from './scoring.js';
import { SignatureTable } from './signature-table.js';
import { TechnologyOwners } from './technology-owners.js';
import { normalizeTitleText } from './text-normalizer.js';
import { TitleRecords } from './title-records.js';
import { growInt } from './typed-arrays.js';
import { WordSubstitutions } from './word-substitutions.js';

/** One indexed role. */
export interface SourceRecord {
  taxonomy: string;
  code: string;
  name: string;
  titleIds: number[];
}

/** A common word's two shortest titles in each role using it, shortest first. */
export interface ShortestTitles {
  headed: Int32Array;
  other: Int32Array;
  /**
   * Their norms, in the same order: read in sequence, where reading each title's record would
   * cost a cache miss.
   */
  headedNorms: Float64Array;
  otherNorms: Float64Array;
  /** Their roles' slots, in the same order and for the same reason. */
  headedRoles: Int32Array;
  otherRoles: Int32Array;
}

/** Local copy for the hot loops: some loaders compile imports into property getters. */
const headBoost = HEAD_BOOST;
const NEIGHBOUR_CACHE_LIMIT = 100_000;
/**
 * Near words kept per word looked up: more than a query uses (TYPO_CANDIDATES), so that it can
 * choose among equally near ones by how many titles use them now, which edits change.
 */
const NEIGHBOURS_KEPT = 10;

/** A word's bit in a summary of a title's words (see nameWordBitsOf): one of 31. */
export const wordBit = (id: number): number => 1 << (id % 31);
const NAME_BITS_MADE = 1 << 31;

const keyOf = (taxonomy: string, code: string): string => `${taxonomy}\u0000${code}`;

/** Removes one source's pair from a flat (slot, count) posting list. */
const withoutSlot = (pairs: number[], slot: number): number[] => {
  const kept: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    if (pairs[i] !== slot) kept.push(pairs[i] as number, pairs[i + 1] as number);
  }
  return kept;
};

/**
 * One capitalized word in brackets ("Parachutist (Officer)", "Aviation Warfare Systems
 * Operator (Helicopter)") says which kind of the job is meant, not another name for it: an
 * abbreviation ("(RN)", "(Dr)", "(CPhT)") or a short form of several words is.
 */
const QUALIFYING_WORD = /^[A-Z][a-z]{2,}$/;

/** "Title (Alias)": the title and the bracketed alias are each a way to say the role. */
const variantsOf = (title: string): string[] => {
  const variants: string[] = [];
  const outside = title.replace(/\([^()]*\)|\[[^\]]*\]/g, ' ').trim();
  if (outside.length > 0) variants.push(outside);
  for (const match of title.matchAll(/\(([^()]*)\)|\[([^\]]*)\]/g)) {
    const inner = (match[1] ?? match[2] ?? '').trim();
    if (inner.length > 0 && !QUALIFYING_WORD.test(inner)) variants.push(inner);
  }
  return variants;
};

/**
 * The index's data: roles and their titles as token ids, the postings from each token to the
 * titles and roles that use it, and the weights derived from them. Every change goes through
 * upsert and remove, which patch the postings and counts of the role's words. A weight is made
 * when a query first reads it after a change, so that a change costs what the role's titles
 * touch, however large the index: see refresh(). QueryScorer reads them through the accessors
 * below, and writes only the title scores in records.
 */
export class TitleStore {
  private readonly sources: Array<SourceRecord | undefined> = [];
  /**
   * Per live role slot, the id of its name's title (set by upsert). Ranking asks it of every
   * candidate role; a flat array spares it the walk through the role's record.
   */
  private nameTitles: Int32Array = new Int32Array(256);
  /**
   * Per role slot, a summary of its name's words (bit id % 31 set for each) with the sign bit
   * marking it made, or 0 until first read: a query passes over the roles whose name has none
   * of its words without reading the name (see nameWordBitsOf).
   */
  private nameWordBits: Int32Array = new Int32Array(256);
  /** Per role slot, its number of titles, or 0 until titleCountOf first reads it. */
  private titleCounts: Int32Array = new Int32Array(256);
  /** Per role slot, kindReachOf's answer plus one, or 0 until first read. */
  private kindReach: Int32Array = new Int32Array(256);
  private readonly slotByKey = new Map<string, number>();
  /** Per role slot, the keys of the roles its crosswalk names (set by upsert). */
  private readonly crosswalkKeys: Array<string[] | undefined> = [];
  /**
   * Per role slot, the slots of the indexed roles its crosswalk names, resolved in the epoch
   * crosswalkEpochs holds (see crosswalkOf): a crosswalk may name a role indexed after it.
   */
  private readonly crosswalkSlots: Array<Int32Array | undefined> = [];
  private crosswalkEpochs: Int32Array = new Int32Array(256);
  /** How many roles have a crosswalk. */
  private crosswalkRoles = 0;
  private readonly freeSlots: number[] = [];

  /**
   * Per title, its record: score, norm, role and head (see TitleRecords for the layout). The
   * scores belong to the one QueryScorer of this store.
   */
  readonly records = new TitleRecords();
  /** Per role, the technologies its guide lists (see TechnologyOwners). */
  readonly technologies = new TechnologyOwners();
  private readonly titleText: Array<string | undefined> = [];
  /**
   * Every title's word ids, one title after another: a live title's are the tokenLengths[title]
   * ids from tokenStarts[title]. Flat, so that a snapshot holds three arrays rather than a list
   * per title. A title added later is appended, and a dropped title's ids stay behind unread:
   * a few per title an edit drops, until the index is next built.
   */
  private tokenPool: Int32Array = new Int32Array(4096);
  private tokenPoolLength = 0;
  private tokenStarts: Int32Array = new Int32Array(1024);
  private tokenLengths: Int32Array = new Int32Array(1024);
  /**
   * Per title, its normalized token sequence, and from one to a title with it: each of a role's
   * titles has a signature of its own, so the titles with a signature stand for the roles
   * listing it.
   */
  private readonly signatures = new SignatureTable();
  /**
   * Per title, the next title with the same signature, in a ring: the titles of a signature
   * are read by walking it from the one the table keeps, and need no list of their own.
   */
  private nextListing: Int32Array = new Int32Array(1024);
  private readonly freeTitles: number[] = [];
  /** Titles the source keeps hidden: matched, and marked so when they are the best. */
  private readonly hiddenTitles = new Set<number>();
  private liveTitles = 0;

  private readonly tokenIds = new Map<string, number>();
  private readonly titleDf: number[] = [];
  /** Per token, the titles using it, each as (title id × 2 + 1 if the token is its head). */
  private readonly postings: number[][] = [];
  /** Per token, flat pairs of (role slot, number of that role's titles using it). */
  private readonly sourcePostings: number[][] = [];
  /** Per token, flat pairs of (role slot, number of that role's titles headed by it). */
  private readonly headPostings: number[][] = [];
  private readonly fuzzy = new FuzzyWords();
  private readonly substitutions = new WordSubstitutions();
  private readonly neighbourCache = new Map<string, WordCandidate[]>();
  private neighbourCacheVocabulary = 0;

  /**
   * The weights' generation: refresh() starts a new one after a change. A weight that may
   * depend on any change (a title's norm moves with the number of titles, through its words'
   * IDF) keeps the epoch it was made in, and is made again when read in a later one.
   */
  private epoch = 0;
  private weightsStale = true;
  /** Per word, its IDF over titles and over roles: every change moves them (see refreshWeights). */
  private titleIdf: Float64Array = new Float64Array(0);
  private roleIdf: Float64Array = new Float64Array(0);
  /**
   * Parallel to sourcePostings: what each pair adds to the role's coverage. Undefined for a
   * word whose pairs changed since a query last read them (see coverageOf).
   */
  private readonly coverage: Array<Float64Array | undefined> = [];
  /** Parallel to headPostings: the role's head share for that token; as coverage. */
  private readonly headShare: Array<Float64Array | undefined> = [];
  /** Per common word, the shortest titles per role (see shortestTitles); emptied by refresh(). */
  private readonly shortestCache = new Map<number, ShortestTitles>();
  /** Per word, the role names it heads (see namesHeadedBy); emptied by refresh(). */
  private readonly headedNamesCache = new Map<number, Int32Array>();
  /** Per word, what boundNeighboursOf's finder gave; emptied by refresh(). */
  private readonly boundNeighbourCache = new Map<number, readonly number[]>();
  /** Per common word, the set of titles using it (see titlesWith); emptied by refresh(). */
  private readonly titleSetCache = new Map<number, Int32Array>();
  /** Per substitute, the same of the taxonomies it applies to (see substituteTitlesWith). */
  private readonly substituteSetCache = new Map<number, Int32Array>();
  /**
   * Per role slot, 1 where substitutes stand in for words in its titles (see
   * substitutesApplyTo), made by refresh(): substituteTitlesWith asks it of every title of a
   * word, and the role's taxonomy is a pointer away and then a string to hash.
   */
  private substituteSlots: Uint8Array = new Uint8Array(0);
  private pairOfSlot: Int32Array = new Int32Array(256);

  get roleCount(): number {
    return this.slotByKey.size;
  }

  /** Number of indexed titles. */
  get titleCount(): number {
    return this.liveTitles;
  }

  /**
   * How many words have ever been given an id. A word keeps its id for good, so an id looked
   * up while this stands still is still the word's, and a word not found is still unknown.
   */
  get wordCount(): number {
    return this.titleDf.length;
  }

  /** Every title id is below this: the length of an array with a slot per title. */
  get titleCapacity(): number {
    return this.titleText.length;
  }

  /** Every role slot is below this: the length of an array with a slot per role. */
  get roleCapacity(): number {
    return this.sources.length;
  }

  /** The role at a slot in use. */
  roleAt(slot: number): SourceRecord {
    return this.sources[slot] as SourceRecord;
  }

  /** How many titles the role lists; read from a flat array, as its record is a cache miss away. */
  titleCountOf(slot: number): number {
    this.titleCounts = growInt(this.titleCounts, slot + 1);
    let count = this.titleCounts[slot] as number;
    if (count === 0) {
      count = this.roleAt(slot).titleIds.length;
      this.titleCounts[slot] = count;
    }
    return count;
  }

  /**
   * How many words open the role's name up to and including the first one that every title of
   * the role uses, among the words before the name's head; 0 when there is none. Counted from
   * the role's own titles when first read after the role last changed.
   */
  kindReachOf(slot: number): number {
    this.kindReach = growInt(this.kindReach, slot + 1);
    let stored = this.kindReach[slot] as number;
    if (stored === 0) {
      const name = this.nameTitles[slot] as number;
      const tokens = name < 0 ? [] : [...this.tokensOf(name)];
      const { titleIds } = this.roleAt(slot);
      const beforeHead = tokens.slice(0, tokens.indexOf(this.records.head(name)));
      const first = beforeHead.findIndex((word) =>
        titleIds.every((title) => this.titleUses(title, word)),
      );
      stored = first + 2;
      this.kindReach[slot] = stored;
    }
    return stored - 1;
  }

  /** A live title's text, as the role lists it. */
  textOf(title: number): string {
    return this.titleText[title] as string;
  }

  /** The roles with a title whose normalized token sequence is `signature`, if any. */
  rolesListing(signature: string): readonly number[] | undefined {
    const first = this.signatures.titleWith(signature);
    if (first < 0) return undefined;
    const roles: number[] = [];
    let title = first;
    do {
      roles.push(this.records.role(title));
      title = this.nextListing[title] as number;
    } while (title !== first);
    return roles;
  }

  /** The role whose own name has the normalized token sequence `signature`, or -1. */
  roleNamed(signature: string): number {
    const first = this.signatures.titleWith(signature);
    if (first < 0) return -1;
    let title = first;
    do {
      const slot = this.records.role(title);
      if (this.nameTitles[slot] === title) return slot;
      title = this.nextListing[title] as number;
    } while (title !== first);
    return -1;
  }

  /** The id of an index word; undefined for a word never indexed. */
  tokenIdOf(token: string): number | undefined {
    return this.tokenIds.get(token);
  }

  /** The index word of an id. */
  wordOf(id: number): string | undefined {
    return this.fuzzy.wordOf(id);
  }

  /** Whether the title is one its source keeps hidden. */
  isHidden(title: number): boolean {
    return this.hiddenTitles.has(title);
  }

  /** Whether the title is the role's own name (its first title). */
  isNameTitle(slot: number, title: number): boolean {
    return this.nameTitles[slot] === title;
  }

  /** The title id of the role's own name (its first title), or -1 for a role without one. */
  nameTitleOf(slot: number): number {
    return this.nameTitles[slot] as number;
  }

  /**
   * The summary of the words of the role's name (see wordBit): a word whose bit it lacks is
   * not in the name. Made when first read after the role last changed.
   */
  nameWordBitsOf(slot: number): number {
    this.nameWordBits = growInt(this.nameWordBits, slot + 1);
    let bits = this.nameWordBits[slot] as number;
    if (bits === 0) {
      bits = NAME_BITS_MADE;
      const name = this.nameTitles[slot] as number;
      if (name >= 0) for (const id of this.tokensOf(name)) bits |= wordBit(id);
      this.nameWordBits[slot] = bits;
    }
    return bits;
  }

  /** How many roles list the live title (its normalized text). */
  listingsOf(title: number): number {
    let listings = 1;
    for (
      let t = this.nextListing[title] as number;
      t !== title;
      t = this.nextListing[t] as number
    ) {
      listings++;
    }
    return listings;
  }

  /** The indexed roles the role's crosswalk names; undefined when it names none. */
  crosswalkOf(slot: number): Int32Array | undefined {
    const keys = this.crosswalkKeys[slot];
    if (keys === undefined) return undefined;
    if (this.crosswalkEpochs[slot] !== this.epoch) {
      const found = keys.flatMap((key) => this.slotByKey.get(key) ?? []);
      this.crosswalkSlots[slot] = found.length > 0 ? Int32Array.from(found) : undefined;
      this.crosswalkEpochs[slot] = this.epoch;
    }
    return this.crosswalkSlots[slot];
  }

  /** Whether some role has a crosswalk: without one, no role credits another. */
  get hasCrosswalks(): boolean {
    return this.crosswalkRoles > 0;
  }

  /** The word ids of a live title, head last. */
  tokensOf(title: number): Int32Array {
    const start = this.tokenStarts[title] as number;
    return this.tokenPool.subarray(start, start + (this.tokenLengths[title] as number));
  }

  /**
   * How many distinct words a live title has: tokensOf(title).length without the view, which
   * costs an allocation where ranking asks this of most roles it weighs.
   */
  tokenCountOf(title: number): number {
    return this.tokenLengths[title] as number;
  }

  /** The id of a live title's first word (tokensOf(title)[0]); read only when it has one. */
  firstTokenOf(title: number): number {
    return this.tokenPool[this.tokenStarts[title] as number] as number;
  }

  /** Whether a live title uses the token. */
  titleUses(title: number, token: number): boolean {
    // A plain loop: a title has a handful of tokens, and the built-in includes() of a typed
    // array costs more to call than such a scan takes.
    const { tokenPool } = this;
    const end = (this.tokenStarts[title] as number) + (this.tokenLengths[title] as number);
    for (let i = this.tokenStarts[title] as number; i < end; i++) {
      if (tokenPool[i] === token) return true;
    }
    return false;
  }

  /** Whether some live title ends in the word. */
  isTitleHead(token: string | undefined): boolean {
    const id = token === undefined ? undefined : this.tokenIds.get(token);
    return id !== undefined && (this.headPostings[id] as number[]).length > 0;
  }

  /** Whether some live title ends in the word of this id. */
  headsTitles(id: number): boolean {
    return (this.headPostings[id] as number[]).length > 0;
  }

  /** Whether some live title uses the word. */
  knows(token: string): boolean {
    const id = this.tokenIds.get(token);
    return id !== undefined && (this.titleDf[id] as number) > 0;
  }

  /** How many live titles use the token: 0 once every title using it is gone. */
  titleDfOf(token: number): number {
    return this.titleDf[token] as number;
  }

  /** The token's weight among titles (its IDF over titles), as of the last refresh(). */
  titleIdfOf(token: number): number {
    return this.titleIdf[token] as number;
  }

  /** The token's weight among roles (its IDF over roles), as of the last refresh(). */
  roleIdfOf(token: number): number {
    return this.roleIdf[token] as number;
  }

  /** A live title's weight, as of the last refresh() (see refreshWeights). */
  normOf(title: number): number {
    return this.records.norm(title);
  }

  /** The titles using the token, each as (title id × 2 + 1 if the token is its head). */
  titlePostingsOf(token: number): readonly number[] {
    return this.postings[token] as number[];
  }

  /** Flat pairs of (role slot, number of that role's titles using the token). */
  rolePostingsOf(token: number): readonly number[] {
    return this.sourcePostings[token] as number[];
  }

  /** Per pair of rolePostingsOf (the pair at k has its value at k >> 1), its coverage. */
  coverageOf(token: number): Float64Array {
    return (this.coverage[token] ??= this.coverages(
      this.sourcePostings[token] as number[],
      this.titleDf[token] as number,
    ));
  }

  /** Flat pairs of (role slot, number of that role's titles headed by the token). */
  headPostingsOf(token: number): readonly number[] {
    return this.headPostings[token] as number[];
  }

  /** Per pair of headPostingsOf (the pair at k has its value at k >> 1), its head share. */
  headShareOf(token: number): Float64Array {
    return (this.headShare[token] ??= this.shares(
      this.headPostings[token] as number[],
      HEAD_SHARE_EXPONENT,
    ));
  }

  /** Adds a role, or replaces its name and titles if it is already indexed. */
  upsert(source: TitleSource): void {
    const key = keyOf(source.taxonomy, source.code);
    const existing = this.slotByKey.get(key);
    if (existing !== undefined) this.dropTitles(existing);
    const slot = existing ?? this.freeSlots.pop() ?? this.sources.length;
    const record: SourceRecord = {
      taxonomy: source.taxonomy,
      code: source.code,
      name: source.name,
      titleIds: [],
    };
    this.sources[slot] = record;
    this.slotByKey.set(key, slot);
    this.setCrosswalk(
      slot,
      source.crosswalk?.map((c) => keyOf(c.taxonomy, c.code)),
    );
    this.technologies.set(slot, source.technologies ?? []);
    const seen = new Set<string>();
    const shown = 1 + source.titles.length;
    const all = [source.name, ...source.titles, ...(source.hiddenTitles ?? [])];
    for (let i = 0; i < all.length; i++) {
      const title = all[i] as string;
      for (const variant of variantsOf(title)) {
        const tokens = normalizeTitleText(variant);
        const signature = tokens.join(' ');
        if (tokens.length === 0 || seen.has(signature)) continue;
        seen.add(signature);
        const id = this.addTitle(slot, record, title, tokens);
        this.list(id, signature);
        if (i >= shown) this.hiddenTitles.add(id);
        else this.hiddenTitles.delete(id);
      }
    }
    this.nameTitles = growInt(this.nameTitles, slot + 1);
    this.nameTitles[slot] = record.titleIds[0] ?? -1;
    if (slot < this.nameWordBits.length) this.nameWordBits[slot] = 0;
    if (slot < this.titleCounts.length) this.titleCounts[slot] = 0;
    if (slot < this.kindReach.length) this.kindReach[slot] = 0;
    this.substitutions.count(
      record.taxonomy,
      record.titleIds.map((id) => this.tokensOf(id)),
      1,
    );
    const tokenCounts = new Map<number, number>();
    const headCounts = new Map<number, number>();
    for (const id of record.titleIds) {
      for (const token of this.tokensOf(id))
        tokenCounts.set(token, (tokenCounts.get(token) ?? 0) + 1);
      const head = this.records.head(id);
      headCounts.set(head, (headCounts.get(head) ?? 0) + 1);
    }
    for (const [token, count] of tokenCounts) {
      (this.sourcePostings[token] as number[]).push(slot, count);
      this.coverage[token] = undefined;
    }
    for (const [token, count] of headCounts) {
      (this.headPostings[token] as number[]).push(slot, count);
      this.headShare[token] = undefined;
    }
    this.weightsStale = true;
  }

  /** Puts the title in the ring of its signature's titles. */
  private list(title: number, signature: string): void {
    const listed = this.signatures.titleWith(signature);
    if (listed < 0) {
      this.nextListing[title] = title;
    } else {
      this.nextListing[title] = this.nextListing[listed] as number;
      this.nextListing[listed] = title;
    }
    this.signatures.add(title, signature);
  }

  /** Takes the title out of the ring of its signature's titles. */
  private unlist(title: number): void {
    const next = this.nextListing[title] as number;
    if (next === title) {
      this.signatures.remove(title, -1);
      return;
    }
    let before = next;
    while (this.nextListing[before] !== title) before = this.nextListing[before] as number;
    this.nextListing[before] = next;
    this.signatures.remove(title, next);
  }

  /** Sets the keys a role's crosswalk names, keeping count of the roles with one. */
  private setCrosswalk(slot: number, keys: string[] | undefined): void {
    if (this.crosswalkKeys[slot] !== undefined) this.crosswalkRoles--;
    if (keys !== undefined) this.crosswalkRoles++;
    this.crosswalkKeys[slot] = keys;
  }

  /** Removes a role; returns whether it was indexed. */
  remove(taxonomy: string, code: string): boolean {
    const key = keyOf(taxonomy, code);
    const slot = this.slotByKey.get(key);
    if (slot === undefined) return false;
    this.dropTitles(slot);
    this.sources[slot] = undefined;
    this.setCrosswalk(slot, undefined);
    this.technologies.drop(slot);
    this.nameTitles[slot] = -1;
    if (slot < this.nameWordBits.length) this.nameWordBits[slot] = 0;
    if (slot < this.titleCounts.length) this.titleCounts[slot] = 0;
    if (slot < this.kindReach.length) this.kindReach[slot] = 0;
    this.slotByKey.delete(key);
    this.freeSlots.push(slot);
    this.weightsStale = true;
    return true;
  }

  private addTitle(slot: number, record: SourceRecord, text: string, tokens: string[]): number {
    const id = this.freeTitles.pop() ?? this.titleText.length;
    this.records.grow(id + 1);
    this.tokenStarts = growInt(this.tokenStarts, id + 1);
    this.tokenLengths = growInt(this.tokenLengths, id + 1);
    this.nextListing = growInt(this.nextListing, id + 1);
    const unique = [...new Set(tokens.map((t) => this.idFor(t)))];
    const head = this.idFor(tokens[tokens.length - 1] as string);
    this.records.setRole(id, slot);
    this.records.setHead(id, head);
    this.titleText[id] = text;
    this.tokenPool = growInt(this.tokenPool, this.tokenPoolLength + unique.length);
    this.tokenPool.set(unique, this.tokenPoolLength);
    this.tokenStarts[id] = this.tokenPoolLength;
    this.tokenLengths[id] = unique.length;
    this.tokenPoolLength += unique.length;
    for (const token of unique) {
      (this.postings[token] as number[]).push(id * 2 + (token === head ? 1 : 0));
      this.titleDf[token] = (this.titleDf[token] as number) + 1;
    }
    record.titleIds.push(id);
    this.liveTitles++;
    return id;
  }

  private dropTitles(slot: number): void {
    const record = this.sources[slot];
    if (record === undefined) return;
    this.substitutions.count(
      record.taxonomy,
      record.titleIds.map((id) => this.tokensOf(id)),
      -1,
    );
    const dropped = new Set(record.titleIds);
    const tokens = new Set(record.titleIds.flatMap((id) => [...this.tokensOf(id)]));
    const heads = new Set(record.titleIds.map((id) => this.records.head(id)));
    for (const token of tokens) {
      const kept = (this.postings[token] as number[]).filter((entry) => !dropped.has(entry >> 1));
      this.postings[token] = kept;
      this.titleDf[token] = kept.length;
      this.sourcePostings[token] = withoutSlot(this.sourcePostings[token] as number[], slot);
      this.coverage[token] = undefined;
    }
    for (const token of heads) {
      this.headPostings[token] = withoutSlot(this.headPostings[token] as number[], slot);
      this.headShare[token] = undefined;
    }
    for (const id of record.titleIds) {
      this.titleText[id] = undefined;
      this.tokenLengths[id] = 0;
      this.unlist(id);
      this.freeTitles.push(id);
    }
    this.liveTitles -= record.titleIds.length;
    record.titleIds = [];
  }

  /** The id of a word, given one if it is new. */
  private idFor(token: string): number {
    let id = this.tokenIds.get(token);
    if (id === undefined) {
      id = this.titleDf.length;
      this.tokenIds.set(token, id);
      this.titleDf.push(0);
      this.postings.push([]);
      this.sourcePostings.push([]);
      this.headPostings.push([]);
      this.fuzzy.add(id, token);
    }
    return id;
  }

  /** Per pair of a word: the share of the role's titles with the word, raised to `power`. */
  /**
   * Per pair of a word's role postings, what it adds to the role's coverage (see
   * wordCoverage). The word's title count only moves with its pairs, which drop the cache.
   */
  private coverages(pairs: number[], titlesWith: number): Float64Array {
    const values = new Float64Array(pairs.length / 2);
    for (let k = 0; k < pairs.length; k += 2) {
      const titles = (this.sources[pairs[k] as number] as SourceRecord).titleIds.length;
      values[k / 2] = wordCoverage(pairs[k + 1] as number, titles, titlesWith);
    }
    return values;
  }

  private shares(pairs: number[], power: number): Float64Array {
    const values = new Float64Array(pairs.length / 2);
    for (let k = 0; k < pairs.length; k += 2) {
      const titles = (this.sources[pairs[k] as number] as SourceRecord).titleIds.length;
      values[k / 2] = ((pairs[k + 1] as number) / titles) ** power;
    }
    return values;
  }

  /**
   * Starts a new epoch if a change was made since the last query, so that every weight a change
   * may have moved is made again when next read; grows the arrays kept per title and per role.
   * Costs nothing that grows with the index: a query pays for the weights it reads.
   */
  refresh(): void {
    if (!this.weightsStale) return;
    this.epoch++;
    this.crosswalkEpochs = growInt(this.crosswalkEpochs, this.sources.length);
    this.pairOfSlot = growInt(this.pairOfSlot, this.sources.length + 1);
    this.refreshWeights();
    this.substitutions.refresh((id) => this.fuzzy.wordOf(id));
    this.substituteSlots = Uint8Array.from(this.sources, (source) =>
      source !== undefined && this.substitutions.appliesTo(source.taxonomy) ? 1 : 0,
    );
    this.shortestCache.clear();
    this.headedNamesCache.clear();
    this.boundNeighbourCache.clear();
    this.titleSetCache.clear();
    this.substituteSetCache.clear();
    this.weightsStale = false;
  }

  /**
   * Every word's IDF, counting the roles using it by how its titles spread over them (see
   * effectiveRoles), and every live title's weight made anew (its words' weights among titles
   * summed, the head's boosted, kept as float32, see TitleRecords). A change moves every IDF
   * through the number of titles and roles, so every norm; made here in one pass over the
   * words and titles (a few milliseconds for O*NET) rather than on each read, which the
   * scorer's loops would pay.
   */
  private refreshWeights(): void {
    const words = this.titleDf.length;
    const titles = Math.max(1, this.liveTitles);
    const roles = Math.max(1, this.slotByKey.size);
    const idf = new Float64Array(words);
    this.roleIdf = new Float64Array(words);
    for (let token = 0; token < words; token++) {
      const df = this.titleDf[token] as number;
      if (df === 0) continue;
      const pairs = this.sourcePostings[token] as number[];
      const spread = effectiveRoles(pairs);
      // Among titles too: a word's titles count as its effective roles times its titles per
      // listing role, so titles mostly of one role weigh as if the others did not list it.
      idf[token] = Math.log(1 + (titles * (pairs.length / 2)) / (df * spread));
      this.roleIdf[token] = Math.log(1 + roles / spread);
    }
    this.titleIdf = idf;
    const { records } = this;
    const { tokenPool, tokenStarts, tokenLengths } = this;
    for (let title = 0; title < this.titleText.length; title++) {
      if (this.titleText[title] === undefined) continue;
      const head = records.head(title);
      const start = tokenStarts[title] as number;
      const end = start + (tokenLengths[title] as number);
      let norm = 0;
      for (let i = start; i < end; i++) {
        const token = tokenPool[i] as number;
        norm += (idf[token] as number) * (token === head ? headBoost : 1);
      }
      records.setNorm(title, norm);
    }
  }

  /**
   * A known word at full credit, then the words its taxonomy's titles use for it (see
   * WordSubstitutions), as of the last refresh(); undefined for a word without any.
   */
  substitutesOf(id: number, atHead: boolean): WordCandidate[] | undefined {
    return this.substitutions.of(id, atHead);
  }

  /** Whether substitutes stand in for words in the titles of the role at this slot. */
  substitutesApplyTo(slot: number): boolean {
    return this.substituteSlots[slot] === 1;
  }

  /** Typo neighbours of an unknown word, cached: the same words come back query after query. */
  neighboursOf(token: string): WordCandidate[] {
    if (this.neighbourCacheVocabulary !== this.titleDf.length) {
      this.neighbourCache.clear();
      this.neighbourCacheVocabulary = this.titleDf.length;
    }
    let found = this.neighbourCache.get(token);
    if (found === undefined) {
      found = this.fuzzy.similar(token, NEIGHBOURS_KEPT);
      if (this.neighbourCache.size >= NEIGHBOUR_CACHE_LIMIT) this.neighbourCache.clear();
      this.neighbourCache.set(token, found);
    }
    return found;
  }

  /**
   * Per role using the word, its two shortest titles headed by it and its two shortest others:
   * the most a role's best and second-best titles can be among titles no rarer word touched.
   */
  shortestTitles(id: number): ShortestTitles {
    const cached = this.shortestCache.get(id);
    if (cached !== undefined) return cached;
    const pairs = this.sourcePostings[id] as number[];
    const { pairOfSlot, records } = this;
    for (let k = 0; k < pairs.length; k += 2) pairOfSlot[pairs[k] as number] = k >> 1;
    const shortest = new Int32Array(pairs.length).fill(-1);
    const runnerUp = new Int32Array(pairs.length).fill(-1);
    for (const entry of this.postings[id] as number[]) {
      const title = entry >> 1;
      const slot = records.role(title);
      const at = 2 * (pairOfSlot[slot] as number) + (entry & 1 ? 0 : 1);
      const current = shortest[at] as number;
      if (current < 0 || this.normOf(title) < this.normOf(current)) {
        runnerUp[at] = current;
        shortest[at] = title;
      } else {
        const second = runnerUp[at] as number;
        if (second < 0 || this.normOf(title) < this.normOf(second)) runnerUp[at] = title;
      }
    }
    const byLength = (titles: number[]): Int32Array =>
      Int32Array.from(titles.sort((a, b) => this.normOf(a) - this.normOf(b)));
    const headed: number[] = [];
    const other: number[] = [];
    for (const titles of [shortest, runnerUp]) {
      titles.forEach((title, at) => {
        if (title >= 0) (at % 2 === 0 ? headed : other).push(title);
      });
    }
    const sorted = { headed: byLength(headed), other: byLength(other) };
    const norms = (titles: Int32Array): Float64Array =>
      Float64Array.from(titles, (title) => this.normOf(title));
    const roles = (titles: Int32Array): Int32Array => titles.map((title) => records.role(title));
    const found = {
      ...sorted,
      headedNorms: norms(sorted.headed),
      otherNorms: norms(sorted.other),
      headedRoles: roles(sorted.headed),
      otherRoles: roles(sorted.other),
    };
    this.shortestCache.set(id, found);
    return found;
  }

  /**
   * The word's bound neighbours as `find` reads them from the titles (see bound-words.ts), kept
   * until the index changes: a query asks it of every word it knows, and a word's titles are
   * read again each time, several cache misses a title. Not kept while a change waits for
   * refresh(), which would then leave the old neighbours in place.
   */
  boundNeighboursOf(id: number, find: (id: number) => readonly number[]): readonly number[] {
    if (this.weightsStale) return find(id);
    let neighbours = this.boundNeighbourCache.get(id);
    if (neighbours === undefined) {
      neighbours = find(id);
      this.boundNeighbourCache.set(id, neighbours);
    }
    return neighbours;
  }

  /** The name titles of the roles whose own name the word heads ("clerk" of "file clerk"). */
  namesHeadedBy(id: number): Int32Array {
    let names = this.headedNamesCache.get(id);
    if (names === undefined) {
      const found: number[] = [];
      for (const entry of this.postings[id] as number[]) {
        const title = entry >> 1;
        if (entry & 1 && this.nameTitles[this.records.role(title)] === title) found.push(title);
      }
      names = Int32Array.from(found);
      this.headedNamesCache.set(id, names);
    }
    return names;
  }

  /**
   * The titles using a word, as a bit set (bit t of word t >> 5): a common word's posting list
   * is too long to walk per query, and a bit test per touched title is cheap.
   */
  titlesWith(id: number): Int32Array {
    return this.cachedTitleSet(this.titleSetCache, id, () => true);
  }

  /**
   * titlesWith for a word standing in as a substitute: only the titles of taxonomies whose
   * labels taught the substitutes (see WordSubstitutions.appliesTo).
   */
  substituteTitlesWith(id: number): Int32Array {
    return this.cachedTitleSet(this.substituteSetCache, id, (title) =>
      this.substitutesApplyTo(this.records.role(title)),
    );
  }

  private cachedTitleSet(
    cache: Map<number, Int32Array>,
    id: number,
    keep: (title: number) => boolean,
  ): Int32Array {
    const cached = cache.get(id);
    if (cached !== undefined) return cached;
    const bits = new Int32Array((this.titleText.length >> 5) + 1);
    for (const entry of this.postings[id] as number[]) {
      const title = entry >> 1;
      if (keep(title)) bits[title >> 5] = (bits[title >> 5] as number) | (1 << (title & 31));
    }
    cache.set(id, bits);
    return bits;
  }

  /**
   * Everything upsert built, as plain data for a snapshot (see index-snapshot.ts). Every field
   * is taken but the caches and the weights made anew when read, so a field added later is
   * kept without being listed here; the parts that are objects of a class are taken field by
   * field, since a snapshot keeps no prototypes.
   */
  toState(): StoreState {
    const state: StoreState = Object.fromEntries(
      Object.entries(this).filter(([field]) => !REMADE_WHEN_READ.includes(field)),
    );
    state.records = this.records.toState();
    state.fuzzy = this.fuzzy.toState();
    state.substitutions = this.substitutions.toState();
    state.technologies = this.technologies.toState();
    return state;
  }

  /** A store holding what toState() took; its weights are made anew as queries read them. */
  static fromState(state: StoreState): TitleStore {
    const store = new TitleStore();
    Object.assign(store, state, {
      records: TitleRecords.fromState(state.records ?? {}),
      fuzzy: FuzzyWords.fromState(state.fuzzy ?? {}),
      signatures: SignatureTable.fromState(state.signatures ?? {}),
      substitutions: WordSubstitutions.fromState(state.substitutions ?? {}),
      technologies: TechnologyOwners.fromState(state.technologies ?? {}),
      weightsStale: true,
    });
    return store;
  }
}

/** A TitleStore's fields as plain data: see TitleStore.toState. */
export type StoreState = Record<string, unknown> & {
  records?: object;
  fuzzy?: object;
  signatures?: object;
  substitutions?: object;
  technologies?: object;
};

/** Caches, and weights made anew when a query reads them: a snapshot need not carry them. */
const REMADE_WHEN_READ = [
  'nameWordBits',
  'titleCounts',
  'kindReach',
  'neighbourCache',
  'shortestCache',
  'headedNamesCache',
  'boundNeighbourCache',
  'titleSetCache',
  'substituteSetCache',
  'substituteSlots',
  'crosswalkSlots',
  'coverage',
  'headShare',
];
