import { BUILT_IN_TAXONOMY, type Role } from '../domain/index.js';
import { openClosedCompounds, type CompoundWords } from './closed-compounds.js';
import { readSnapshot, writeSnapshot } from './index-snapshot.js';
import { DEFAULT_MIN_SCORE } from './calibration.js';
import type { MatchOptions, TitleMatch, TitleMatchResult, TitleSource } from './match.types.js';
import { MAX_TOP, QueryScorer, topOf, type ScorerQuery } from './query-scorer.js';
import { namesByInitials } from './role-initials.js';
import { rolesOfTechnology, rolesThroughTechnology, TECHNOLOGY_SCORE } from './technology-title.js';
import { ONE_EDIT_CREDIT } from './fuzzy-words.js';
import { normalizeTitleText } from './text-normalizer.js';
import { parseTitleForMatching, type RoleWords } from './title-parser.js';
import { TitleStore } from './title-store.js';

/** Between the words of a qualifier, read as written. */
const QUALIFIER_WORD_BREAK = /[^a-z]+/;

/**
 * What the index holds of a role: its name, alternative titles and, for a guide of the curated
 * library, its technologies. An imported occupation tags hundreds of products, many named by
 * everyday words ("Presentation", "Premium"): a title would reach it through any of them.
 *
 * @example TitleIndex.build(roles.map(titleSourceOf))
 */
export const titleSourceOf = (
  role: Pick<Role, 'taxonomy' | 'code' | 'name' | 'alternativeTitles' | 'hiddenTitles'> &
    Partial<Pick<Role, 'crosswalk' | 'technologies'>>,
): TitleSource => ({
  taxonomy: role.taxonomy,
  code: role.code,
  name: role.name,
  titles: role.alternativeTitles,
  ...(role.hiddenTitles !== undefined ? { hiddenTitles: role.hiddenTitles } : {}),
  ...(role.crosswalk !== undefined && role.crosswalk.length > 0
    ? { crosswalk: role.crosswalk }
    : {}),
  ...(role.taxonomy === BUILT_IN_TAXONOMY &&
  role.technologies !== undefined &&
  role.technologies.length > 0
    ? { technologies: role.technologies.map((t) => t.name) }
    : {}),
});

/**
 * An in-memory index of role titles for matching free-text job titles.
 *
 * Every title is reduced to tokens (see normalizeTitleText). Each token keeps the titles that
 * use it and, per role, how many of the role's titles use it or end in it. A token weighs by
 * how rare it is (IDF), among titles for comparing titles and among roles for comparing roles,
 * so meaning-carrying words count and filler does not; a role counts by its share of the
 * token's titles, so a token most of whose titles one role lists is rare. A query scores each role by its two
 * best titles (weighted overlap, the head noun weighted up), by how well the role's titles as a
 * whole cover the query's words, and by how many of them share the query's head noun.
 *
 * Changes apply at once, at a cost that grows with the role's titles and not with the index:
 * the weights a change moves are made anew as queries read them. Plain data in and out, so an
 * index can be built inside a worker thread from an array of TitleSource.
 *
 * @example
 * const index = TitleIndex.build([
 *   { taxonomy: 'onet', code: '15-1252.00', name: 'Software Developers',
 *     titles: ['Backend Developer', 'Software Engineer'] },
 * ]);
 * index.match('Sr. Back-end Engineer (Node.js) - Remote').matches[0]?.code // '15-1252.00'
 */
export class TitleIndex {
  private readonly scorer: QueryScorer;
  private readonly roleWords: RoleWords = {
    endsInRoleHead: (text) => this.endsInRoleHead(text),
    knowsAnyWord: (text) => this.tokensOf(text).some((t) => this.knowsWord(t)),
    knowsEveryWord: (text) => this.tokensOf(text).every((t) => this.store.knows(t)),
    readsEveryWord: (text) => this.tokensOf(text).every((t) => this.knowsWord(t)),
    listsTitle: (text) => this.store.rolesListing(this.tokensOf(text).join(' ')) !== undefined,
    namesTechnology: (text) => rolesOfTechnology(this.tokensOf(text), this.store) !== undefined,
    toolOfTitle: (technology, title) => {
      const users = rolesOfTechnology(this.tokensOf(technology), this.store) ?? [];
      const listing = this.store.rolesListing(this.tokensOf(title).join(' ')) ?? [];
      return listing.some((slot) => users.includes(slot));
    },
    nameOfInitials: (text) =>
      this.store.knows(text.toLowerCase()) ? undefined : this.initials().get(text),
    namesRole: (text) => this.match(text, { top: 1 }).matches.length > 0,
    headStartingWith: (prefix) => this.headStartingWith(prefix),
  };
  private readonly compoundWords: CompoundWords = {
    knows: (word) => this.store.knows(word),
    heads: (word) => this.store.isTitleHead(word),
    nearlyKnows: (word) =>
      this.store
        .neighboursOf(word)
        .some(({ id, credit }) => credit >= ONE_EDIT_CREDIT && this.store.titleDfOf(id) > 0),
  };
  /** Role names by their initials (see namesByInitials), made when first asked after a change. */
  private initialNames: Map<string, string> | undefined;
  /**
   * The texts normalized for the title being matched, and their tokens at the same places. The
   * parser asks about the role phrase and its pieces, and match() then normalizes the same
   * phrase again: about a third of the normalizations of a title repeat one already done. A
   * title normalizes a handful of texts, so a scan finds one sooner than a Map hashes it, and
   * forgetting them for the next title is setting a count to zero, where clearing a Map
   * allocated its table anew.
   */
  private readonly normalizedTexts: string[] = [];
  private readonly normalizedTokens: string[][] = [];
  private normalizedCount = 0;

  private constructor(private readonly store: TitleStore) {
    this.scorer = new QueryScorer(store);
  }

  /**
   * Builds an index from every role's titles.
   *
   * @example TitleIndex.build(roles.map((r) => ({ taxonomy: r.taxonomy, code: r.code,
   *   name: r.name, titles: r.alternativeTitles })))
   */
  static build(sources: Iterable<TitleSource>): TitleIndex {
    const index = new TitleIndex(new TitleStore());
    for (const source of sources) index.upsert(source);
    return index;
  }

  /**
   * The index as it stands, as bytes that fromSnapshot turns back into an index answering
   * exactly as this one does, several times faster than building it from the titles.
   *
   * @example writeFileSync(path, index.snapshot())
   */
  snapshot(): Uint8Array {
    return writeSnapshot(this.store.toState());
  }

  /**
   * The index a snapshot holds; undefined when another version of the engine wrote it (see
   * indexFormat) or the bytes are damaged, so that the caller builds the index anew.
   *
   * @example TitleIndex.fromSnapshot(readFileSync(path)) ?? TitleIndex.build(sources)
   */
  static fromSnapshot(bytes: Uint8Array): TitleIndex | undefined {
    const state = readSnapshot(bytes);
    return state && new TitleIndex(TitleStore.fromState(state));
  }

  /**
   * Whether the text ends in a word heading some title, or in a typo of one ("Sofware
   * Enginer"): a misspelt role phrase is still the role phrase, not a place for brackets or
   * teams to take over.
   */
  private endsInRoleHead(text: string): boolean {
    const last = this.tokensOf(text).at(-1);
    if (last === undefined) return false;
    if (this.store.isTitleHead(last)) return true;
    return (
      !this.store.knows(last) &&
      this.store.neighboursOf(last).some(({ id }) => this.store.headsTitles(id))
    );
  }

  /**
   * The word heading titles of the most roles among the index words starting with the prefix.
   * Only titles cut off mid-word ask, so a walk over the words costs the others nothing.
   */
  private headStartingWith(prefix: string): string | undefined {
    let best: string | undefined;
    let most = 0;
    for (let id = 0; id < this.store.wordCount; id++) {
      const roles = this.store.headPostingsOf(id).length;
      if (roles <= most) continue;
      const word = this.store.wordOf(id);
      if (word?.startsWith(prefix) !== true) continue;
      best = word;
      most = roles;
    }
    return best;
  }

  /** Whether the index knows the word or a typo of it. */
  private knowsWord(token: string): boolean {
    return this.store.knows(token) || this.store.neighboursOf(token).length > 0;
  }

  /** The text's tokens (see normalizeTitleText), normalized once per title matched. */
  private tokensOf(text: string): string[] {
    const { normalizedTexts, normalizedTokens } = this;
    for (let i = 0; i < this.normalizedCount; i++) {
      if (normalizedTexts[i] === text) return normalizedTokens[i] as string[];
    }
    const tokens = normalizeTitleText(text);
    normalizedTexts[this.normalizedCount] = text;
    normalizedTokens[this.normalizedCount++] = tokens;
    return tokens;
  }

  /** The tokens with closed compounds split in two (see splitClosedCompound). */
  private opened(tokens: string[]): string[] {
    return openClosedCompounds(tokens, this.compoundWords);
  }

  /** Number of roles in the index. */
  get size(): number {
    return this.store.roleCount;
  }

  /** Number of indexed titles (names, alternative titles and bracketed aliases). */
  get titleCount(): number {
    return this.store.titleCount;
  }

  /**
   * Adds a role, or replaces its name and titles if it is already indexed.
   *
   * @example index.upsert({ taxonomy: 'rolebook', code: 'sre', name: 'Site Reliability Engineer',
   *   titles: ['Production Engineer'] })
   */
  upsert(source: TitleSource): void {
    this.store.upsert(source);
    this.initialNames = undefined;
  }

  private initials(): Map<string, string> {
    if (this.initialNames !== undefined) return this.initialNames;
    const names: string[] = [];
    for (let slot = 0; slot < this.store.roleCapacity; slot++) {
      const name = this.store.roleAt(slot)?.name;
      if (name !== undefined) names.push(name);
    }
    this.initialNames = namesByInitials(names);
    return this.initialNames;
  }

  /**
   * Removes a role; returns whether it was indexed.
   *
   * @example index.remove('onet', '15-1252.00') // true
   */
  remove(taxonomy: string, code: string): boolean {
    this.initialNames = undefined;
    return this.store.remove(taxonomy, code);
  }

  /**
   * Matches one free-text title: parses its modifiers off, then ranks roles by calibrated
   * score. Never throws on odd input; an empty or meaningless title gets no matches.
   *
   * @example index.match('engineer, backend II', { top: 3, minScore: 0 })
   */
  match(input: string, options: MatchOptions = {}): TitleMatchResult {
    this.normalizedCount = 0;
    const {
      parsed,
      withSeniority,
      setAside: qualifiers,
      whole,
      led,
    } = parseTitleForMatching(input, this.roleWords);
    const { core, noise, ...facts } = parsed;
    const result: TitleMatchResult = { input, matches: [], noise, core, ...facts };
    const tokens = this.opened(this.tokensOf(core));
    const full = withSeniority === core ? tokens : this.opened(this.tokensOf(withSeniority));
    // Seniority words count only where a taxonomy lists the title with them word for word
    // ("Lead Developer"): as evidence they would pull a misspelt role phrase towards whatever
    // role has titles starting "Lead" or "Senior", so one phrase would match two roles.
    const setAside: string[] = [];
    for (const extra of qualifiers) setAside.push(...this.tokensOf(extra));
    // The first sequence a taxonomy lists wins: a title listed whole with its team ("Software
    // Engineer, Data", "Software Engineer - SRE") belongs to the role that lists it, not to the
    // role phrase alone. The normalizer reads a comma as an inverted title and a dash as not, so
    // both ways of writing the segments are tried.
    const exact = [full.join(' '), tokens.join(' ')];
    if (whole !== core) {
      // Most titles have no team: the whole phrase is then the text already normalized as
      // `full`, and without a comma its dashed form is itself, so neither is normalized again.
      const wholeTokens = whole === withSeniority ? full : this.tokensOf(whole);
      const dashedTokens = whole.includes(', ')
        ? this.tokensOf(whole.replaceAll(', ', ' - '))
        : wholeTokens;
      exact.unshift(wholeTokens.join(' '), dashedTokens.join(' '));
      // Only with more than the role phrase after it: otherwise the phrase without "Sr." is
      // `tokens`, tried already.
      if (
        core !== withSeniority &&
        whole.length > withSeniority.length &&
        whole.startsWith(withSeniority)
      ) {
        // Seniority is no part of a listed title: "Sr. Software Engineer, Backend" is listed as
        // "Software Engineer, Backend", and must match as the title without "Sr." does.
        const unranked = `${core}${whole.slice(withSeniority.length)}`;
        exact.splice(
          2,
          0,
          this.tokensOf(unranked).join(' '),
          this.tokensOf(unranked.replaceAll(', ', ' - ')).join(' '),
        );
      }
    }
    // Words as written: the field words are plain words, and normalizing every qualifier of
    // every title would cost more than the look-up saves.
    const named = [...noise, ...(facts.team === undefined ? [] : [facts.team])].flatMap((text) =>
      text.toLowerCase().split(QUALIFIER_WORD_BREAK),
    );
    const query = { tokens, setAside, exact, qualifiers: named };
    result.matches = this.withTechnologyRole(this.scorer.rank(query, options), query, options);
    if (led !== undefined && !((result.matches[0]?.score ?? 0) >= DEFAULT_MIN_SCORE)) {
      const [first] = this.scorer.rank(query, { ...options, top: 1, minScore: 0 });
      // "Director of Data Science" where no role leads data science, answered unsurely with the
      // data scientist: the practitioner, read as such, is that answer made sure. Where the
      // leader is answered with another role ("Civil Engineering Manager" with the engineering
      // managers), the leader is that role's.
      const practised = this.match(led, options).matches;
      const [role] = practised;
      if (role !== undefined && role.taxonomy === first?.taxonomy && role.code === first.code) {
        result.matches = practised;
      }
    }
    return result;
  }

  /**
   * The matches with the role a technology named in the title leads to first (see
   * rolesThroughTechnology), when no title matched confidently: a tool is weaker evidence than
   * a title, so it never displaces one. Between roles the technology leads to alike, the one
   * the title's words rank first is taken ("Splunk Engineer" is a Security Engineer before a
   * Support Engineer).
   */
  private withTechnologyRole(
    matches: TitleMatch[],
    query: ScorerQuery,
    options: MatchOptions,
  ): TitleMatch[] {
    if ((matches[0]?.score ?? 0) >= DEFAULT_MIN_SCORE) return matches;
    if ((options.minScore ?? DEFAULT_MIN_SCORE) > TECHNOLOGY_SCORE) return matches;
    const found = rolesThroughTechnology(query.tokens, this.store);
    if (found === undefined) return matches;
    const roles = found.slots
      .map((slot) => this.store.roleAt(slot))
      .filter((role) => options.taxonomy === undefined || role.taxonomy === options.taxonomy);
    const isCandidate = (m: TitleMatch) =>
      roles.some((role) => role.taxonomy === m.taxonomy && role.code === m.code);
    const role =
      roles.length === 1
        ? roles[0]
        : this.scorer.rank(query, { ...options, top: MAX_TOP, minScore: 0 }).find(isCandidate);
    if (role === undefined) return matches;
    const { taxonomy, code, name } = role;
    const others = matches.filter((m) => m.taxonomy !== taxonomy || m.code !== code);
    return [
      {
        taxonomy,
        code,
        name,
        score: TECHNOLOGY_SCORE,
        matchedTitle: name,
        matchedTechnology: found.technology,
      },
      ...others,
    ].slice(0, topOf(options));
  }
}
