import { calibrate, DEFAULT_MIN_SCORE } from './calibration.js';
import type { WordCandidate } from './fuzzy-words.js';
import type { MatchOptions, TitleMatch } from './match.types.js';
import { HEAD_BOOST, roleScore, SET_ASIDE_WEIGHT, UNKNOWN_WORD_SHARE } from './scoring.js';
import {
  TITLE_FIRST_WORD,
  TITLE_FLOAT_STRIDE,
  TITLE_HEAD,
  TITLE_NORM,
  TITLE_SOURCE,
  TITLE_STRIDE,
  TITLE_WORD_COUNT,
  type SourceRecord,
  type TitleStore,
} from './title-store.js';
import { growBytes, growFloat, growInt } from './typed-arrays.js';

/** A query word with the index words it may stand for and its two weights. */
interface QueryTerm {
  candidates: WordCandidate[];
  /** Weight among titles (title IDF), for the title overlap. */
  titleWeight: number;
  /** Weight among roles (role IDF), for the role's coverage. */
  roleWeight: number;
  isHead: boolean;
  /** Set aside by the parser: it only adds to titles and roles other words found. */
  setAside: boolean;
}

/** A query as the scorer takes it, already parsed and normalized. */
export interface ScorerQuery {
  /** Tokens of the core, head last. */
  tokens: string[];
  /** Tokens set aside by the parser (seniority words, bracketed extras), weighed lightly. */
  setAside: string[];
  /** Token sequences that, if an index title has exactly one of them, make it an exact match. */
  exact: string[];
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
/** Words in more titles than this are "common": their title lists are not walked in full. */
const COMMON_WORD_TITLES = 400;
/** Of a common word's shortest titles per role, this many (the shortest) are scored. */
const SHORTEST_TITLES_SCORED = 64;

/**
 * Scores one query at a time against a TitleStore. Its scratch arrays (one slot per title and
 * per role) are reused from query to query and left zeroed, so a query allocates little.
 */
export class QueryScorer {
  private titleScore: Float64Array = new Float64Array(1024);
  private readonly touchedTitles: number[] = [];
  private roleBest: Float64Array = new Float64Array(256);
  private roleSecond: Float64Array = new Float64Array(256);
  private roleBestTitle: Int32Array = new Int32Array(256);
  private roleCoverage: Float64Array = new Float64Array(256);
  private roleHead: Float64Array = new Float64Array(256);
  private roleSeen: Uint8Array = new Uint8Array(256);
  private roleExact: Uint8Array = new Uint8Array(256);
  private readonly touchedRoles: number[] = [];
  /** Per token, the weights of the query's common words (zero for every other token). */
  private commonQueryWeight: Float64Array = new Float64Array(1024);
  private commonTitleWeight: Float64Array = new Float64Array(1024);
  private readonly commonWords: number[] = [];
  private readonly exactLists: Array<WordCandidate[] | undefined> = [];
  private shortestLimit = SHORTEST_TITLES_SCORED;

  constructor(private readonly store: TitleStore) {}

  /** Ranks the roles for a normalized query, best first, with calibrated scores. */
  rank(query: ScorerQuery, options: MatchOptions): TitleMatch[] {
    const store = this.store;
    if (query.tokens.length === 0 || store.liveTitles === 0) return [];
    store.refresh();
    this.ensureCapacity();
    const terms = this.queryTerms(query.tokens, query.setAside);
    const exactOwners = query.exact
      .map((s) => store.exactTitles.get(s))
      .find((o) => o !== undefined);
    for (const slot of exactOwners ?? []) this.roleExact[slot] = 1;
    let queryNorm = 0;
    let roleNorm = 0;
    for (const term of terms) {
      queryNorm += term.titleWeight;
      roleNorm += term.roleWeight;
    }
    // With a taxonomy filter the shortest titles overall may all be filtered out: score them all.
    this.shortestLimit = options.taxonomy === undefined ? SHORTEST_TITLES_SCORED : Infinity;
    this.accumulate(terms, queryNorm);
    this.collectTitles(queryNorm);
    const wanted =
      options.top !== undefined && Number.isFinite(options.top) ? options.top : DEFAULT_TOP;
    const top = Math.max(1, Math.min(Math.floor(wanted), MAX_TOP));
    const ranked = this.selectRoles(roleNorm, top, options.taxonomy);
    for (const slot of exactOwners ?? []) this.roleExact[slot] = 0;
    const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
    const matches: TitleMatch[] = [];
    let ceiling = 1;
    for (let i = 0; i < Math.min(top, ranked.length); i++) {
      const { slot, raw } = ranked[i] as Ranked;
      // A lower-ranked role never scores above a higher-ranked one.
      const score = Math.min(ceiling, calibrate(raw, raw - (ranked[i + 1]?.raw ?? 0)));
      ceiling = score;
      if (score < minScore) break;
      const record = this.store.sources[slot] as SourceRecord;
      matches.push({
        taxonomy: record.taxonomy,
        code: record.code,
        name: record.name,
        score,
        matchedTitle: this.store.titleText[this.roleBestTitle[slot] as number] as string,
      });
    }
    return matches;
  }

  /** Grows the scratch arrays when the index has grown since the last query. */
  private ensureCapacity(): void {
    const titles = this.store.titleText.length;
    const roles = this.store.sources.length + 1;
    this.titleScore = growFloat(this.titleScore, titles);
    const vocabulary = this.store.titleDf.length;
    this.commonQueryWeight = growFloat(this.commonQueryWeight, vocabulary);
    this.commonTitleWeight = growFloat(this.commonTitleWeight, vocabulary);
    if (this.roleBest.length >= roles) return;
    this.roleBest = growFloat(this.roleBest, roles);
    this.roleSecond = growFloat(this.roleSecond, roles);
    this.roleCoverage = growFloat(this.roleCoverage, roles);
    this.roleHead = growFloat(this.roleHead, roles);
    this.roleBestTitle = growInt(this.roleBestTitle, roles);
    this.roleSeen = growBytes(this.roleSeen, roles);
    this.roleExact = growBytes(this.roleExact, roles);
  }

  /** The query's distinct words, head first, each with its candidates and weights. */
  private queryTerms(tokens: string[], setAside: string[]): QueryTerm[] {
    const terms: QueryTerm[] = [];
    const unknownTitleWeight =
      Math.log(1 + Math.max(1, this.store.liveTitles)) * UNKNOWN_WORD_SHARE;
    const unknownRoleWeight = Math.log(1 + Math.max(1, this.store.roleCount)) * UNKNOWN_WORD_SHARE;
    for (let i = tokens.length - 1; i >= 0; i--) {
      const token = tokens[i] as string;
      if (tokens.indexOf(token, i + 1) !== -1) continue;
      const isHead = i === tokens.length - 1;
      const boost = isHead ? headBoost : 1;
      const id = this.store.tokenIds.get(token);
      const candidates =
        id !== undefined && (this.store.titleDf[id] as number) > 0
          ? this.exactly(id)
          : this.store.neighboursOf(token).filter((c) => (this.store.titleDf[c.id] as number) > 0);
      const best = candidates[0];
      terms.push({
        candidates,
        titleWeight:
          boost *
          (best === undefined ? unknownTitleWeight : (this.store.titleIdf[best.id] as number)),
        roleWeight:
          boost *
          (best === undefined ? unknownRoleWeight : (this.store.roleIdf[best.id] as number)),
        isHead,
        setAside: false,
      });
    }
    for (const token of setAside) {
      const id = this.store.tokenIds.get(token);
      if (id === undefined || (this.store.titleDf[id] as number) === 0) continue;
      if (tokens.includes(token) || terms.some((t) => t.candidates[0]?.id === id)) continue;
      terms.push({
        candidates: this.exactly(id),
        titleWeight: SET_ASIDE_WEIGHT * (this.store.titleIdf[id] as number),
        roleWeight: SET_ASIDE_WEIGHT * (this.store.roleIdf[id] as number),
        isHead: false,
        setAside: true,
      });
    }
    return terms;
  }

  /** The one-candidate list of a known word, made once per word: queries only read it. */
  private exactly(id: number): WordCandidate[] {
    let list = this.exactLists[id];
    if (list === undefined) {
      list = [{ id, credit: 1 }];
      this.exactLists[id] = list;
    }
    return list;
  }

  /** Adds a word's weight to every title that uses it. */
  private scanTitles(id: number, credit: number, term: QueryTerm): void {
    const { titleScore, touchedTitles } = this;
    const titleWeight = (this.store.titleIdf[id] as number) * credit;
    const queryWeight = term.titleWeight * credit;
    const gain = Math.min(queryWeight, titleWeight);
    const headGain = Math.min(queryWeight, titleWeight * headBoost);
    const titles = this.store.postings[id] as number[];
    for (let k = 0; k < titles.length; k++) {
      const entry = titles[k] as number;
      const title = entry >> 1;
      if (titleScore[title] === 0) touchedTitles.push(title);
      titleScore[title] = (titleScore[title] as number) + (entry & 1 ? headGain : gain);
    }
  }

  /**
   * A common word's untouched titles share no other query word, so per role only its shortest
   * title with that word (as head, and not as head) can be the role's best. Those are kept
   * shortest first, and only the first few can win: the rest score below them.
   */
  private creditShortest(id: number, credit: number, term: QueryTerm, queryNorm: number): void {
    const titleWeight = (this.store.titleIdf[id] as number) * credit;
    const queryWeight = term.titleWeight * credit;
    const shortest = this.store.shortestTitles(id);
    this.creditTitles(
      shortest.headed,
      2 * Math.min(queryWeight, titleWeight * headBoost),
      queryNorm,
    );
    this.creditTitles(shortest.other, 2 * Math.min(queryWeight, titleWeight), queryNorm);
  }

  /** Offers the first (shortest) untouched titles of a list, each scored gain / its length. */
  private creditTitles(titles: Int32Array, gain: number, queryNorm: number): void {
    const { titleScore } = this;
    const { titleFloats } = this.store;
    const count = Math.min(titles.length, this.shortestLimit);
    for (let k = 0; k < count; k++) {
      const title = titles[k] as number;
      if (titleScore[title] !== 0) continue;
      const norm = titleFloats[title * TITLE_FLOAT_STRIDE + TITLE_NORM] as number;
      this.offerTitle(title, gain / (queryNorm + norm));
    }
  }

  /** Adds a word's evidence to every role that uses it: coverage, and head share for the head. */
  private scanRoles(id: number, credit: number, term: QueryTerm): void {
    const { roleCoverage, roleHead, roleSeen, touchedRoles } = this;
    const roleGain = term.roleWeight * credit;
    const pairs = this.store.sourcePostings[id] as number[];
    const coverage = this.store.coverage[id] as Float64Array;
    for (let k = 0; k < pairs.length; k += 2) {
      const slot = pairs[k] as number;
      if (roleSeen[slot] === 0) {
        roleSeen[slot] = 1;
        touchedRoles.push(slot);
      }
      roleCoverage[slot] = (roleCoverage[slot] as number) + roleGain * (coverage[k >> 1] as number);
    }
    if (!term.isHead) return;
    const heads = this.store.headPostings[id] as number[];
    const share = this.store.headShare[id] as Float64Array;
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
   * Set-aside words only credit touched titles: alone they never make a title a candidate.
   */
  private accumulate(terms: QueryTerm[], queryNorm: number): void {
    let rarest: { term: QueryTerm; id: number; credit: number } | undefined;
    let scanned = false;
    for (const term of terms) {
      for (const { id, credit } of term.candidates) {
        this.scanRoles(id, credit, term);
        const length = (this.store.postings[id] as number[]).length;
        if (term.setAside) continue;
        if (length <= COMMON_WORD_TITLES) {
          this.scanTitles(id, credit, term);
          scanned = true;
        } else if (
          rarest === undefined ||
          length < (this.store.postings[rarest.id] as number[]).length
        ) {
          rarest = { term, id, credit };
        }
      }
    }
    if (!scanned && rarest !== undefined) this.scanTitles(rarest.id, rarest.credit, rarest.term);
    for (const term of terms) {
      for (const { id, credit } of term.candidates) {
        const length = (this.store.postings[id] as number[]).length;
        const scannedAbove = length <= COMMON_WORD_TITLES && !term.setAside;
        if (scannedAbove || (!scanned && id === rarest?.id)) continue;
        // The touched titles get this word's weight when they are collected.
        this.commonQueryWeight[id] = term.titleWeight * credit;
        this.commonTitleWeight[id] = (this.store.titleIdf[id] as number) * credit;
        this.commonWords.push(id);
        if (!term.setAside) this.creditShortest(id, credit, term, queryNorm);
      }
    }
  }

  /** Counts a title's similarity towards its role's best and second-best titles. */
  private offerTitle(title: number, similarity: number): void {
    const { roleBest, roleSecond } = this;
    const slot = this.store.titleData[title * TITLE_STRIDE + TITLE_SOURCE] as number;
    if (similarity > (roleBest[slot] as number)) {
      roleSecond[slot] = roleBest[slot] as number;
      roleBest[slot] = similarity;
      this.roleBestTitle[slot] = title;
    } else if (similarity > (roleSecond[slot] as number)) {
      roleSecond[slot] = similarity;
    }
  }

  /**
   * Folds the touched titles into their roles' best and second-best title scores, adding the
   * weight of the common query words each of them uses on the way.
   */
  private collectTitles(queryNorm: number): void {
    const { titleScore, commonQueryWeight, commonTitleWeight } = this;
    const { titleData, titleFloats } = this.store;
    const hasCommon = this.commonWords.length > 0;
    for (const title of this.touchedTitles) {
      let score = titleScore[title] as number;
      titleScore[title] = 0;
      if (hasCommon) {
        const at = title * TITLE_STRIDE;
        const head = titleData[at + TITLE_HEAD] as number;
        const end = at + TITLE_FIRST_WORD + (titleData[at + TITLE_WORD_COUNT] as number);
        for (let k = at + TITLE_FIRST_WORD; k < end; k++) {
          const token = titleData[k] as number;
          const queryWeight = commonQueryWeight[token] as number;
          if (queryWeight === 0) continue;
          const weight = (commonTitleWeight[token] as number) * (head === token ? headBoost : 1);
          score += Math.min(queryWeight, weight);
        }
      }
      const norm = titleFloats[title * TITLE_FLOAT_STRIDE + TITLE_NORM] as number;
      this.offerTitle(title, (2 * score) / (queryNorm + norm));
    }
    this.touchedTitles.length = 0;
    for (const token of this.commonWords) {
      commonQueryWeight[token] = 0;
      commonTitleWeight[token] = 0;
    }
    this.commonWords.length = 0;
  }

  /** The best `top + 1` roles by raw score (one extra to measure the lead of the last). */
  private selectRoles(roleNorm: number, top: number, taxonomy: string | undefined): Ranked[] {
    const ranked: Ranked[] = [];
    const { roleBest, roleSecond, roleCoverage, roleHead, roleSeen } = this;
    for (const slot of this.touchedRoles) {
      const best = roleBest[slot] as number;
      const raw = combine(
        best,
        roleSecond[slot] as number,
        (roleCoverage[slot] as number) / roleNorm,
        roleHead[slot] as number,
        this.roleExact[slot] as number,
      );
      roleBest[slot] = 0;
      roleSecond[slot] = 0;
      roleCoverage[slot] = 0;
      roleHead[slot] = 0;
      roleSeen[slot] = 0;
      if (best === 0) continue;
      if (
        taxonomy !== undefined &&
        (this.store.sources[slot] as SourceRecord).taxonomy !== taxonomy
      ) {
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
}
