import { calibrate, DEFAULT_MIN_SCORE } from './calibration.js';
import { FuzzyWords, type WordCandidate } from './fuzzy-words.js';
import type { MatchOptions, TitleMatch, TitleMatchResult, TitleSource } from './match.types.js';
import {
  COVERAGE_EXPONENT,
  HEAD_BOOST,
  HEAD_SHARE_EXPONENT,
  roleScore,
  TYPO_CANDIDATES,
  UNKNOWN_WORD_SHARE,
} from './scoring.js';
import { normalizeTitleText } from './text-normalizer.js';
import { parseTitle } from './title-parser.js';

interface SourceRecord {
  taxonomy: string;
  code: string;
  name: string;
  titleIds: number[];
  /** Token id → how many of this source's titles contain it. */
  tokenCounts: Map<number, number>;
  /** Token id → how many of this source's titles end in it (their head noun). */
  headCounts: Map<number, number>;
}

/** A query word with the index words it may stand for and its two weights. */
interface QueryTerm {
  candidates: WordCandidate[];
  /** Weight among titles (title IDF), for the title overlap. */
  titleWeight: number;
  /** Weight among roles (role IDF), for the role's coverage. */
  roleWeight: number;
  isHead: boolean;
}

interface Ranked {
  slot: number;
  raw: number;
}

/**
 * Local copies of the scoring constants for the hot loops: some loaders compile imports into
 * property getters, which cost a call on every posting.
 */
const headBoost = HEAD_BOOST;
const combine = roleScore;

const DEFAULT_TOP = 5;
const MAX_TOP = 100;
const NEIGHBOUR_CACHE_LIMIT = 100_000;
/** Words in more titles than this are "common": their title lists are not walked in full. */
const COMMON_WORD_TITLES = 400;

const keyOf = (taxonomy: string, code: string): string => `${taxonomy}\u0000${code}`;

const growInt = (array: Int32Array, size: number): Int32Array => {
  if (array.length >= size) return array;
  const grown = new Int32Array(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
};

const growFloat = (array: Float64Array, size: number): Float64Array => {
  if (array.length >= size) return array;
  const grown = new Float64Array(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
};

/** Removes one source's pair from a flat (slot, count) posting list. */
const withoutSlot = (pairs: number[], slot: number): number[] => {
  const kept: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    if (pairs[i] !== slot) kept.push(pairs[i] as number, pairs[i + 1] as number);
  }
  return kept;
};

/** "Title (Alias)": the title and the bracketed alias are each a way to say the role. */
const variantsOf = (title: string): string[] => {
  const variants: string[] = [];
  const outside = title.replace(/\([^()]*\)|\[[^\]]*\]/g, ' ').trim();
  if (outside.length > 0) variants.push(outside);
  for (const match of title.matchAll(/\(([^()]*)\)|\[([^\]]*)\]/g)) {
    const inner = (match[1] ?? match[2] ?? '').trim();
    if (inner.length > 0) variants.push(inner);
  }
  return variants;
};

/**
 * An in-memory index of role titles for matching free-text job titles.
 *
 * Every title is reduced to tokens (see normalizeTitleText). Each token keeps the titles that
 * use it and, per role, how many of the role's titles use it or end in it. A token weighs by
 * how rare it is (IDF), among titles for comparing titles and among roles for comparing roles,
 * so meaning-carrying words count and filler does not. A query scores each role by its two
 * best titles (weighted overlap, the head noun weighted up), by how well the role's titles as a
 * whole cover the query's words, and by how many of them share the query's head noun.
 *
 * Changes apply at once; weights are recomputed lazily before the next match. Plain data in and
 * out, so an index can be built inside a worker thread from an array of TitleSource.
 *
 * @example
 * const index = TitleIndex.build([
 *   { taxonomy: 'onet', code: '15-1252.00', name: 'Software Developers',
 *     titles: ['Backend Developer', 'Software Engineer'] },
 * ]);
 * index.match('Sr. Back-end Engineer (Node.js) - Remote').matches[0]?.code // '15-1252.00'
 */
export class TitleIndex {
  private readonly sources: Array<SourceRecord | undefined> = [];
  private readonly slotByKey = new Map<string, number>();
  private readonly freeSlots: number[] = [];

  private titleSource: Int32Array = new Int32Array(1024);
  private titleHead: Int32Array = new Int32Array(1024);
  private titleNorm: Float64Array = new Float64Array(1024);
  private readonly titleText: Array<string | undefined> = [];
  private readonly titleTokens: Array<Int32Array | undefined> = [];
  private readonly freeTitles: number[] = [];
  private liveTitles = 0;

  private readonly tokenIds = new Map<string, number>();
  private readonly titleDf: number[] = [];
  private readonly postings: number[][] = [];
  /** Per token, flat pairs of (source slot, number of that source's titles using it). */
  private readonly sourcePostings: number[][] = [];
  /** Per token, flat pairs of (source slot, number of that source's titles headed by it). */
  private readonly headPostings: number[][] = [];
  private readonly fuzzy = new FuzzyWords();
  private readonly neighbourCache = new Map<string, WordCandidate[]>();
  private neighbourCacheVocabulary = 0;

  private weightsStale = true;
  private titleIdf: Float64Array = new Float64Array(1024);
  private roleIdf: Float64Array = new Float64Array(1024);
  /** Parallel to sourcePostings: what each pair adds to the role's coverage. */
  private coverage: Float64Array[] = [];
  /** Parallel to headPostings: the role's head share for that token. */
  private headShare: Float64Array[] = [];

  private titleScore: Float64Array = new Float64Array(1024);
  private readonly touchedTitles: number[] = [];
  private roleBest: Float64Array = new Float64Array(256);
  private roleSecond: Float64Array = new Float64Array(256);
  private roleBestTitle: Int32Array = new Int32Array(256);
  private roleCoverage: Float64Array = new Float64Array(256);
  private roleHead: Float64Array = new Float64Array(256);
  private roleSeen: Uint8Array = new Uint8Array(256);
  private readonly touchedRoles: number[] = [];
  /** Per common word, the shortest titles per role (see shortestTitles); reset with the weights. */
  private readonly shortestCache = new Map<number, Int32Array>();
  private pairOfSlot: Int32Array = new Int32Array(256);

  /**
   * Builds an index from every role's titles.
   *
   * @example TitleIndex.build(roles.map((r) => ({ taxonomy: r.taxonomy, code: r.code,
   *   name: r.name, titles: r.alternativeTitles })))
   */
  static build(sources: Iterable<TitleSource>): TitleIndex {
    const index = new TitleIndex();
    for (const source of sources) index.upsert(source);
    return index;
  }

  /** Number of roles in the index. */
  get size(): number {
    return this.slotByKey.size;
  }

  /** Number of indexed titles (names, alternative titles and bracketed aliases). */
  get titleCount(): number {
    return this.liveTitles;
  }

  /**
   * Adds a role, or replaces its name and titles if it is already indexed.
   *
   * @example index.upsert({ taxonomy: 'rolebook', code: 'sre', name: 'Site Reliability Engineer',
   *   titles: ['Production Engineer'] })
   */
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
      tokenCounts: new Map(),
      headCounts: new Map(),
    };
    this.sources[slot] = record;
    this.slotByKey.set(key, slot);
    const seen = new Set<string>();
    for (const title of [source.name, ...source.titles]) {
      for (const variant of variantsOf(title)) {
        const tokens = normalizeTitleText(variant);
        const signature = tokens.join(' ');
        if (tokens.length === 0 || seen.has(signature)) continue;
        seen.add(signature);
        this.addTitle(slot, record, title, tokens);
      }
    }
    for (const [token, count] of record.tokenCounts) {
      (this.sourcePostings[token] as number[]).push(slot, count);
    }
    for (const [token, count] of record.headCounts) {
      (this.headPostings[token] as number[]).push(slot, count);
    }
    this.weightsStale = true;
  }

  /**
   * Removes a role; returns whether it was indexed.
   *
   * @example index.remove('onet', '15-1252.00') // true
   */
  remove(taxonomy: string, code: string): boolean {
    const key = keyOf(taxonomy, code);
    const slot = this.slotByKey.get(key);
    if (slot === undefined) return false;
    this.dropTitles(slot);
    this.sources[slot] = undefined;
    this.slotByKey.delete(key);
    this.freeSlots.push(slot);
    this.weightsStale = true;
    return true;
  }

  /**
   * Matches one free-text title: parses its modifiers off, then ranks roles by calibrated
   * score. Never throws on odd input; an empty or meaningless title gets no matches.
   *
   * @example index.match('engineer, backend II', { top: 3, minScore: 0 })
   */
  match(input: string, options: MatchOptions = {}): TitleMatchResult {
    const parsed = parseTitle(input);
    const result: TitleMatchResult = { input, matches: [], noise: parsed.noise, core: parsed.core };
    if (parsed.seniority !== undefined) result.seniority = parsed.seniority;
    if (parsed.level !== undefined) result.level = parsed.level;
    if (parsed.workMode !== undefined) result.workMode = parsed.workMode;
    if (parsed.location !== undefined) result.location = parsed.location;
    result.matches = this.rank(normalizeTitleText(parsed.core), options);
    return result;
  }

  private addTitle(slot: number, record: SourceRecord, text: string, tokens: string[]): void {
    const id = this.freeTitles.pop() ?? this.titleText.length;
    this.titleSource = growInt(this.titleSource, id + 1);
    this.titleHead = growInt(this.titleHead, id + 1);
    this.titleNorm = growFloat(this.titleNorm, id + 1);
    this.titleScore = growFloat(this.titleScore, id + 1);
    const unique = [...new Set(tokens.map((t) => this.tokenIdOf(t)))];
    const head = this.tokenIdOf(tokens[tokens.length - 1] as string);
    this.titleSource[id] = slot;
    this.titleHead[id] = head;
    this.titleText[id] = text;
    this.titleTokens[id] = Int32Array.from(unique);
    for (const token of unique) {
      (this.postings[token] as number[]).push(id);
      this.titleDf[token] = (this.titleDf[token] as number) + 1;
      record.tokenCounts.set(token, (record.tokenCounts.get(token) ?? 0) + 1);
    }
    record.headCounts.set(head, (record.headCounts.get(head) ?? 0) + 1);
    record.titleIds.push(id);
    this.liveTitles++;
  }

  private dropTitles(slot: number): void {
    const record = this.sources[slot];
    if (record === undefined) return;
    const dropped = new Set(record.titleIds);
    for (const token of record.tokenCounts.keys()) {
      const kept = (this.postings[token] as number[]).filter((id) => !dropped.has(id));
      this.postings[token] = kept;
      this.titleDf[token] = kept.length;
      this.sourcePostings[token] = withoutSlot(this.sourcePostings[token] as number[], slot);
    }
    for (const token of record.headCounts.keys()) {
      this.headPostings[token] = withoutSlot(this.headPostings[token] as number[], slot);
    }
    for (const id of record.titleIds) {
      this.titleText[id] = undefined;
      this.titleTokens[id] = undefined;
      this.freeTitles.push(id);
    }
    this.liveTitles -= record.titleIds.length;
    record.titleIds = [];
    record.tokenCounts.clear();
    record.headCounts.clear();
  }

  private tokenIdOf(token: string): number {
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

  /** Per-pair evidence: the share of the role's titles with the token, raised to `power`. */
  private shares(postings: number[][], power: number): Float64Array[] {
    return postings.map((pairs) => {
      const values = new Float64Array(pairs.length / 2);
      for (let k = 0; k < pairs.length; k += 2) {
        const titles = (this.sources[pairs[k] as number] as SourceRecord).titleIds.length;
        values[k / 2] = ((pairs[k + 1] as number) / titles) ** power;
      }
      return values;
    });
  }

  private refreshWeights(): void {
    if (!this.weightsStale) return;
    const vocabulary = this.titleDf.length;
    const titles = Math.max(1, this.liveTitles);
    const roles = Math.max(1, this.slotByKey.size);
    this.titleIdf = growFloat(this.titleIdf, vocabulary);
    this.roleIdf = growFloat(this.roleIdf, vocabulary);
    for (let token = 0; token < vocabulary; token++) {
      const df = this.titleDf[token] as number;
      const roleDf = (this.sourcePostings[token] as number[]).length / 2;
      this.titleIdf[token] = df === 0 ? 0 : Math.log(1 + titles / df);
      this.roleIdf[token] = roleDf === 0 ? 0 : Math.log(1 + roles / roleDf);
    }
    for (let id = 0; id < this.titleTokens.length; id++) {
      const tokens = this.titleTokens[id];
      if (tokens === undefined) continue;
      const head = this.titleHead[id] as number;
      let norm = 0;
      for (const token of tokens) {
        norm += (this.titleIdf[token] as number) * (token === head ? headBoost : 1);
      }
      this.titleNorm[id] = norm;
    }
    this.coverage = this.shares(this.sourcePostings, COVERAGE_EXPONENT);
    this.headShare = this.shares(this.headPostings, HEAD_SHARE_EXPONENT);
    const capacity = this.sources.length + 1;
    this.roleBest = growFloat(this.roleBest, capacity);
    this.roleSecond = growFloat(this.roleSecond, capacity);
    this.roleBestTitle = growInt(this.roleBestTitle, capacity);
    this.roleCoverage = growFloat(this.roleCoverage, capacity);
    this.roleHead = growFloat(this.roleHead, capacity);
    if (this.roleSeen.length < capacity) this.roleSeen = new Uint8Array(capacity * 2);
    this.pairOfSlot = growInt(this.pairOfSlot, capacity);
    this.shortestCache.clear();
    this.weightsStale = false;
  }

  /** Typo neighbours of an unknown word, cached: the same words come back query after query. */
  private neighboursOf(token: string): WordCandidate[] {
    if (this.neighbourCacheVocabulary !== this.titleDf.length) {
      this.neighbourCache.clear();
      this.neighbourCacheVocabulary = this.titleDf.length;
    }
    let found = this.neighbourCache.get(token);
    if (found === undefined) {
      found = this.fuzzy.similar(token, TYPO_CANDIDATES);
      if (this.neighbourCache.size >= NEIGHBOUR_CACHE_LIMIT) this.neighbourCache.clear();
      this.neighbourCache.set(token, found);
    }
    return found;
  }

  private queryTerms(tokens: string[]): QueryTerm[] {
    const terms: QueryTerm[] = [];
    const seen = new Set<string>();
    const unknownTitleWeight = Math.log(1 + Math.max(1, this.liveTitles)) * UNKNOWN_WORD_SHARE;
    const unknownRoleWeight = Math.log(1 + Math.max(1, this.slotByKey.size)) * UNKNOWN_WORD_SHARE;
    for (let i = tokens.length - 1; i >= 0; i--) {
      const token = tokens[i] as string;
      if (seen.has(token)) continue;
      seen.add(token);
      const isHead = i === tokens.length - 1;
      const boost = isHead ? headBoost : 1;
      const id = this.tokenIds.get(token);
      const candidates =
        id !== undefined && (this.titleDf[id] as number) > 0
          ? [{ id, credit: 1 }]
          : this.neighboursOf(token).filter((c) => (this.titleDf[c.id] as number) > 0);
      const best = candidates[0];
      terms.push({
        candidates,
        titleWeight:
          boost * (best === undefined ? unknownTitleWeight : (this.titleIdf[best.id] as number)),
        roleWeight:
          boost * (best === undefined ? unknownRoleWeight : (this.roleIdf[best.id] as number)),
        isHead,
      });
    }
    return terms;
  }

  /** Adds a word's weight to every title that uses it. */
  private scanTitles(id: number, credit: number, term: QueryTerm): void {
    const { titleScore, touchedTitles, titleHead } = this;
    const titleWeight = (this.titleIdf[id] as number) * credit;
    const queryWeight = term.titleWeight * credit;
    const titles = this.postings[id] as number[];
    for (let k = 0; k < titles.length; k++) {
      const title = titles[k] as number;
      const weight = titleHead[title] === id ? titleWeight * headBoost : titleWeight;
      if (titleScore[title] === 0) touchedTitles.push(title);
      titleScore[title] = (titleScore[title] as number) + Math.min(queryWeight, weight);
    }
  }

  /** Adds a common word's weight only to the titles rarer words already touched. */
  private creditTouched(id: number, credit: number, term: QueryTerm): void {
    const { titleScore, titleHead, titleTokens } = this;
    const titleWeight = (this.titleIdf[id] as number) * credit;
    const queryWeight = term.titleWeight * credit;
    for (const title of this.touchedTitles) {
      const tokens = titleTokens[title] as Int32Array;
      let uses = false;
      for (let k = 0; k < tokens.length && !uses; k++) uses = tokens[k] === id;
      if (!uses) continue;
      const weight = titleHead[title] === id ? titleWeight * headBoost : titleWeight;
      titleScore[title] = (titleScore[title] as number) + Math.min(queryWeight, weight);
    }
  }

  /**
   * A common word's untouched titles share no other query word, so per role only its shortest
   * title with that word (as head, and not as head) can be the role's best: score just those.
   */
  private creditShortest(id: number, credit: number, term: QueryTerm, queryNorm: number): void {
    const shortest = this.shortestTitles(id);
    const { titleScore, titleNorm, titleHead } = this;
    const titleWeight = (this.titleIdf[id] as number) * credit;
    const queryWeight = term.titleWeight * credit;
    for (let k = 0; k < shortest.length; k++) {
      const title = shortest[k] as number;
      if (title < 0 || titleScore[title] !== 0) continue;
      const weight = titleHead[title] === id ? titleWeight * headBoost : titleWeight;
      const similarity =
        (2 * Math.min(queryWeight, weight)) / (queryNorm + (titleNorm[title] as number));
      this.offerTitle(title, similarity);
    }
  }

  /** Per role using the word, its shortest title headed by the word and its shortest other. */
  private shortestTitles(id: number): Int32Array {
    const cached = this.shortestCache.get(id);
    if (cached !== undefined) return cached;
    const pairs = this.sourcePostings[id] as number[];
    const { titleNorm, titleHead, titleSource, pairOfSlot } = this;
    for (let k = 0; k < pairs.length; k += 2) pairOfSlot[pairs[k] as number] = k >> 1;
    const shortest = new Int32Array(pairs.length).fill(-1);
    for (const title of this.postings[id] as number[]) {
      const at =
        2 * (pairOfSlot[titleSource[title] as number] as number) +
        (titleHead[title] === id ? 0 : 1);
      const current = shortest[at] as number;
      if (current < 0 || (titleNorm[title] as number) < (titleNorm[current] as number))
        shortest[at] = title;
    }
    this.shortestCache.set(id, shortest);
    return shortest;
  }

  /** Adds a word's evidence to every role that uses it: coverage, and head share for the head. */
  private scanRoles(id: number, credit: number, term: QueryTerm): void {
    const { roleCoverage, roleHead, roleSeen, touchedRoles } = this;
    const roleGain = term.roleWeight * credit;
    const pairs = this.sourcePostings[id] as number[];
    const coverage = this.coverage[id] as Float64Array;
    for (let k = 0; k < pairs.length; k += 2) {
      const slot = pairs[k] as number;
      if (roleSeen[slot] === 0) {
        roleSeen[slot] = 1;
        touchedRoles.push(slot);
      }
      roleCoverage[slot] = (roleCoverage[slot] as number) + roleGain * (coverage[k >> 1] as number);
    }
    if (!term.isHead) return;
    const heads = this.headPostings[id] as number[];
    const share = this.headShare[id] as Float64Array;
    for (let k = 0; k < heads.length; k += 2) {
      const slot = heads[k] as number;
      const value = credit * (share[k >> 1] as number);
      if (value > (roleHead[slot] as number)) roleHead[slot] = value;
    }
  }

  /**
   * Scores titles and roles for the query terms. Rare words walk their title lists; common
   * words (long lists) only credit the titles rare words touched plus each role's shortest
   * title with them, which keeps the work per query small without changing the best titles.
   */
  private accumulate(terms: QueryTerm[], queryNorm: number): void {
    let rarest: { term: QueryTerm; id: number; credit: number } | undefined;
    let scanned = false;
    for (const term of terms) {
      for (const { id, credit } of term.candidates) {
        this.scanRoles(id, credit, term);
        const length = (this.postings[id] as number[]).length;
        if (length <= COMMON_WORD_TITLES) {
          this.scanTitles(id, credit, term);
          scanned = true;
        } else if (rarest === undefined || length < (this.postings[rarest.id] as number[]).length) {
          rarest = { term, id, credit };
        }
      }
    }
    if (!scanned && rarest !== undefined) this.scanTitles(rarest.id, rarest.credit, rarest.term);
    for (const term of terms) {
      for (const { id, credit } of term.candidates) {
        const length = (this.postings[id] as number[]).length;
        if (length <= COMMON_WORD_TITLES || (!scanned && id === rarest?.id)) continue;
        this.creditTouched(id, credit, term);
      }
    }
    for (const term of terms) {
      for (const { id, credit } of term.candidates) {
        const length = (this.postings[id] as number[]).length;
        if (length <= COMMON_WORD_TITLES || (!scanned && id === rarest?.id)) continue;
        this.creditShortest(id, credit, term, queryNorm);
      }
    }
  }

  /** Counts a title's similarity towards its role's best and second-best titles. */
  private offerTitle(title: number, similarity: number): void {
    const { roleBest, roleSecond } = this;
    const slot = this.titleSource[title] as number;
    if (similarity > (roleBest[slot] as number)) {
      roleSecond[slot] = roleBest[slot] as number;
      roleBest[slot] = similarity;
      this.roleBestTitle[slot] = title;
    } else if (similarity > (roleSecond[slot] as number)) {
      roleSecond[slot] = similarity;
    }
  }

  /** Folds the touched titles into their roles' best and second-best title scores. */
  private collectTitles(queryNorm: number): void {
    const { titleScore, titleNorm } = this;
    for (const title of this.touchedTitles) {
      const similarity =
        (2 * (titleScore[title] as number)) / (queryNorm + (titleNorm[title] as number));
      titleScore[title] = 0;
      this.offerTitle(title, similarity);
    }
    this.touchedTitles.length = 0;
  }

  /** The best `top + 1` roles by raw score (one extra to measure the lead of the last). */
  private selectRoles(roleNorm: number, top: number, taxonomy: string | undefined): Ranked[] {
    const ranked: Ranked[] = [];
    const { roleBest, roleSecond, roleCoverage, roleHead, roleSeen } = this;
    for (const slot of this.touchedRoles) {
      const best = roleBest[slot] as number;
      const raw = combine({
        best,
        second: roleSecond[slot] as number,
        coverage: (roleCoverage[slot] as number) / roleNorm,
        headShare: roleHead[slot] as number,
      });
      roleBest[slot] = 0;
      roleSecond[slot] = 0;
      roleCoverage[slot] = 0;
      roleHead[slot] = 0;
      roleSeen[slot] = 0;
      if (best === 0) continue;
      if (taxonomy !== undefined && (this.sources[slot] as SourceRecord).taxonomy !== taxonomy) {
        continue;
      }
      if (ranked.length > top && raw <= (ranked[top] as Ranked).raw) continue;
      let at = ranked.length;
      while (at > 0 && (ranked[at - 1] as Ranked).raw < raw) at--;
      ranked.splice(at, 0, { slot, raw });
      if (ranked.length > top + 1) ranked.pop();
    }
    this.touchedRoles.length = 0;
    return ranked;
  }

  private rank(tokens: string[], options: MatchOptions): TitleMatch[] {
    if (tokens.length === 0 || this.liveTitles === 0) return [];
    this.refreshWeights();
    const terms = this.queryTerms(tokens);
    let queryNorm = 0;
    let roleNorm = 0;
    for (const term of terms) {
      queryNorm += term.titleWeight;
      roleNorm += term.roleWeight;
    }
    this.accumulate(terms, queryNorm);
    this.collectTitles(queryNorm);
    const top = Math.max(1, Math.min(Math.floor(options.top ?? DEFAULT_TOP), MAX_TOP));
    const ranked = this.selectRoles(roleNorm, top, options.taxonomy);
    const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
    const matches: TitleMatch[] = [];
    let ceiling = 1;
    for (let i = 0; i < Math.min(top, ranked.length); i++) {
      const { slot, raw } = ranked[i] as Ranked;
      // A lower-ranked role never scores above a higher-ranked one.
      const score = Math.min(ceiling, calibrate(raw, raw - (ranked[i + 1]?.raw ?? 0)));
      ceiling = score;
      if (score < minScore) break;
      const record = this.sources[slot] as SourceRecord;
      matches.push({
        taxonomy: record.taxonomy,
        code: record.code,
        name: record.name,
        score,
        matchedTitle: this.titleText[this.roleBestTitle[slot] as number] as string,
      });
    }
    return matches;
  }
}
