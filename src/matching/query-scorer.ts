import { lacksBoundNeighbour } from './bound-words.js';
import { calibrate, DEFAULT_MIN_SCORE } from './calibration.js';
import type { WordCandidate } from './fuzzy-words.js';
import type { CrosswalkSource, MatchOptions, TitleMatch } from './match.types.js';
import { LANGUAGES_AND_FRAMEWORKS, TECHNOLOGY_PHRASES } from './qualifiers.js';
import { BUILT_IN_TAXONOMY } from '../domain/index.js';
import { HEADS_WRITTEN_FOR, LIBRARY_HEADS_WRITTEN_FOR, ROLE_WORDS } from './vocabulary.js';
import {
  EXPLAINED_SHARE,
  CROSSWALK_MIN_SIMILARITY,
  CROSSWALK_WEIGHT,
  HEAD_BOOST,
  NAME_WORDS_WEIGHT,
  NARROWER_NAME_PENALTY,
  NARROWING_WORDS,
  OWN_NAME_BONUS,
  roleScore,
  SET_ASIDE_WEIGHT,
  TYPO_CANDIDATES,
  unexplained,
  UNKNOWN_WORD_SHARE,
} from './scoring.js';
import { wordBit, type TitleStore } from './title-store.js';
import { growBytes, growFloat, growInt } from './typed-arrays.js';

/** A query word with the index words it may stand for and its two weights. */
interface QueryTerm {
  /** The query's word as normalized. */
  word: string;
  candidates: WordCandidate[];
  /** Weight among titles (title IDF), for the title overlap. */
  titleWeight: number;
  /** Weight among roles (role IDF), for the role's coverage. */
  roleWeight: number;
  isHead: boolean;
  /** An index word as it stands, not a typo's stand-in. */
  known: boolean;
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
  /** Lower-case words of the team and bracketed words set apart, read for a field they name. */
  qualifiers?: string[];
}

/**
 * Local copies of the scoring constants for the hot loops: some loaders compile imports into
 * property getters, which cost a call on every posting.
 */
const headBoost = HEAD_BOOST;
const combine = roleScore;

const DEFAULT_TOP = 5;
/**
 * Small enough to reorder only roles that are otherwise level: between equals, the role whose
 * best title fewer roles list comes first (it says more about each of them).
 */
const LISTING_TIE_BREAK = 1e-7;
/**
 * When only an ending of the role phrase is listed word for word ("Software Engineer" of
 * "Payments Software Engineer"), the exact bonus is this share of a whole title's.
 */
const ENDING_EXACT_WEIGHT = 0.5;
/**
 * When a title is listed word for word with more than the role phrase, its seniority or team
 * too ("Lead Programmer" for "Lead Programmer"), the exact bonus is this many times a bare
 * title's: the listing names this very job, where the bare phrase ("Programmer") is generic.
 */
const FULLER_EXACT_WEIGHT = 1.5;
/** Words of roles every field has: a title of only these says nothing of its field. */
const GENERIC_ROLE_WORDS: ReadonlySet<string> = new Set([
  'project',
  'program',
  'programme',
  'manager',
  'management',
  'coordinator',
  'lead',
  'leader',
  'director',
  'head',
  'officer',
  'specialist',
  'consultant',
  'sales',
  'engineer',
  'account',
  'executive',
  'supervisor',
]);

/** Words of titles that put a role in a field outside technology (see isGenericTitle). */
const OTHER_FIELDS: ReadonlySet<string> = new Set([
  'construction',
  'building',
  'civil',
  'event',
  'hospitality',
  'hotel',
  'restaurant',
  'catering',
  'retail',
  'healthcare',
  'clinical',
  'nursing',
  'hospital',
  'pharmaceutical',
  'manufacturing',
  'factory',
  'warehouse',
  'logistic',
  'hvac',
  'plumbing',
  'mechanical',
  'electrical',
  'automotive',
  'mining',
  'agriculture',
  'food',
  'beverage',
  'property',
  'facility',
  'interior',
  'fashion',
  'beauty',
  'wedding',
  'marketing',
  'legal',
  'industrial',
]);

/** Words that make a title software or data work, whatever field it serves (see otherField). */
const FIELD_WORDS: ReadonlySet<string> = new Set(['software', 'data', 'automation', 'reliability']);
/** A word this share of whose titles belong to one role names that role on its own. */
const OWNED_WORD_SHARE = 0.75;
/** The smallest step between two scores shown (they are rounded to three decimals). */
const SCORE_STEP = 0.001;
/** The most matches a query may return. */
export const MAX_TOP = 100;

/** How many matches a query may return: options.top, kept within 1..MAX_TOP. */
export const topOf = (options: MatchOptions): number => {
  const wanted =
    options.top !== undefined && Number.isFinite(options.top) ? options.top : DEFAULT_TOP;
  return Math.max(1, Math.min(Math.floor(wanted), MAX_TOP));
};
/** Words in more titles than this are "common": their title lists are not walked in full. */
const COMMON_WORD_TITLES = 400;
/**
 * Of a common word's shortest titles per role (two per role), this many (the shortest) are
 * scored: the first two of 64 roles.
 */
const SHORTEST_TITLES_SCORED = 128;

/** The fewest titles a role lists for a word all of them use to mark its kind (see namesOwnKind). */
const KIND_MIN_TITLES = 4;
/**
 * Taken from a role of a kind the query does not name (see namesOwnKind): more than a narrower
 * name's, as every title says so, not the name alone. Chosen on the ESCO development split.
 */
const KIND_PENALTY = 0.5;
/**
 * Heads that say how much of a trade's work one answers for rather than which trade it is:
 * "Fence Supervisor" is a supervisor's job in fencing, not a fence erector's.
 */
const RESPONSIBILITY_HEADS = ['supervisor', 'manager', 'foreman', 'superintendent', 'overseer'];
/**
 * Taken from a role whose best title leaves out the query's head when that head names a level
 * of responsibility (see RESPONSIBILITY_HEADS): a title sharing only the trade explains the
 * trade, not the job. The same holds the other way: a title headed by a level the query does
 * not say ("Spa Manager" for "Spa Assistant") names another job. From 0.1 to 0.4 the development
 * splits of both taxonomies move by at most 0.2 points; 0.3 is the least that files a trade's
 * supervisor under the supervisors when no title names that trade's supervisor.
 */
const UNSAID_RESPONSIBILITY_PENALTY = 0.3;

const NO_ROLES: readonly number[] = [];
/** Two words that open alike this far are forms of one word ("developer", "development"). */
const STEM_LENGTH = 6;
const sameStem = (a: string, b: string): boolean =>
  a.length >= STEM_LENGTH &&
  b.length >= STEM_LENGTH &&
  a.slice(0, STEM_LENGTH) === b.slice(0, STEM_LENGTH);
/**
 * Whether the word is one of the space-separated words of the sequence. Found in place: split
 * into a set, the query's few sequences cost about a twentieth of ranking a title.
 */
const hasWord = (sequence: string, word: string): boolean => {
  for (let at = sequence.indexOf(word); at >= 0; at = sequence.indexOf(word, at + 1)) {
    const end = at + word.length;
    if (
      (at === 0 || sequence[at - 1] === ' ') &&
      (end === sequence.length || sequence[end] === ' ')
    ) {
      return true;
    }
  }
  return false;
};
/** Head nouns that name one job in software titles: engineer, developer, programmer. */
const BUILDER_HEADS = ['engineer', 'developer', 'programmer'];

/** A common query word: the titles using it and its two weights, as collectTitles adds them. */
interface CommonWord {
  id: number;
  titles: Int32Array;
  queryWeight: number;
  titleWeight: number;
}

/**
 * How many other roles' names must extend a listed title for it to be a stem of names rather
 * than a title ("Clerk" of File Clerk, Payroll Clerk, Office Clerk...); one name extending it
 * (Chief Information Security Officer of Chief Information Officer) is a narrower role.
 */
const STEM_OF_NAMES = 2;

/**
 * Scores one query at a time against a TitleStore. Its scratch (each title's score in the
 * store's TitleRecords, and arrays with one slot per role) is reused from query to query, so a
 * query allocates little. The scratch is zero between queries however a query ends: rank()
 * clears what the query left in a finally (see clearScratch).
 */
export class QueryScorer {
  /**
   * The titles and roles the current query touched, in typed arrays with counts: an emptied
   * plain array gives its memory back, so refilling it allocated again on every query.
   */
  private touchedTitles: Int32Array = new Int32Array(1024);
  private touchedTitleCount = 0;
  /** The touched titles as a bit set: small enough to stay in cache, unlike the titles. */
  private touchedBits: Int32Array = new Int32Array(32);
  private roleBest: Float64Array = new Float64Array(256);
  private roleSecond: Float64Array = new Float64Array(256);
  private roleBestTitle: Int32Array = new Int32Array(256);
  private roleCoverage: Float64Array = new Float64Array(256);
  private roleHead: Float64Array = new Float64Array(256);
  private roleSeen: Uint8Array = new Uint8Array(256);
  private roleExact: Float64Array = new Float64Array(256);
  /** What a crosswalk from a strongly matched role adds to the role it names (see creditCrosswalks). */
  private roleCrosswalk: Float64Array = new Float64Array(256);
  /** The slot of the role whose crosswalk credited the role, when one did. */
  private roleCrosswalkFrom: Int32Array = new Int32Array(256);
  /** What the crosswalk added to the role's raw score, read only where roleCrosswalkFrom is set. */
  private roleCrosswalkTaken: Float64Array = new Float64Array(256);
  private touchedRoles: Int32Array = new Int32Array(256);
  private touchedRoleCount = 0;
  /** The best roles of the current query, best first (see selectRoles). */
  private readonly rankedSlot = new Int32Array(MAX_TOP + 1);
  private readonly rankedRaw = new Float64Array(MAX_TOP + 1);
  private readonly commonWords: CommonWord[] = [];
  private readonly exactLists: Array<WordCandidate[] | undefined> = [];
  private shortestLimit = SHORTEST_TITLES_SCORED;
  /** The roles with a title that is the current query word for word, flagged in roleExact. */
  private exactOwners: readonly number[] = NO_ROLES;
  /** The whole exact bonus of the current query: less when only an ending of it is listed. */
  private exactWeight = 1;
  /** The current query's terms and their summed title weight, for nameShare. */
  private terms: QueryTerm[] = [];
  private queryNorm = 1;
  /** Per term of the current query, the bits of its candidates (see wordBit). */
  private termBits: Int32Array = new Int32Array(16);
  /** The narrowing words (see NARROWING_WORDS) the current query does not use. */
  private narrowingIds: number[] = [];
  /** The current query's head words when its head names a level of responsibility, else none. */
  private responsibilityIds: number[] = [];
  /** Whether any word of the current query names a level of responsibility. */
  private saysResponsibility = false;
  /**
   * The ids of BUILDER_HEADS, of NARROWING_WORDS and of "chief" as the store's words stood at
   * wordsSeen (see TitleStore.wordCount): looking them up per query was about 1.5% of ranking
   * ESCO labels.
   */
  private builderIds: number[] = [];
  private narrowingWordIds: number[] = [];
  private responsibilityWordIds: number[] = [];
  private chiefId: number | undefined;
  private wordsSeen = -1;

  constructor(private readonly store: TitleStore) {}

  /** Ranks the roles for a normalized query, best first, with calibrated scores. */
  rank(query: ScorerQuery, options: MatchOptions): TitleMatch[] {
    if (query.tokens.length === 0 || this.store.titleCount === 0) return [];
    this.store.refresh();
    this.ensureCapacity();
    this.lookUpFixedWords();
    try {
      return this.score(query, options);
    } finally {
      this.clearScratch();
    }
  }

  /** The roles listing the first of the sequences that some role lists; later ones unread. */
  private firstListed(
    sequences: readonly string[],
  ): { owners: readonly number[]; sequence: string } | undefined {
    for (const sequence of sequences) {
      const owners = this.store.rolesListing(sequence);
      if (owners !== undefined) return { owners, sequence };
    }
    return undefined;
  }

  /**
   * The role phrase without the words in front of it that no title uses, nor a typo of one
   * ("software engineer" of "Payments Software Engineer"): a team the index does not know,
   * put before the role. Undefined unless such words lead and two words or more are left.
   */
  private knownEnding(tokens: string[]): string | undefined {
    let start = 0;
    while (start < tokens.length && this.unknownWord(tokens[start] as string)) start++;
    if (start === 0 || tokens.length - start < 2) return undefined;
    return tokens.slice(start).join(' ');
  }

  /**
   * The roles listing the phrase with another builder's head, and that head: a "Python
   * Engineer" is the "Python Developer" a taxonomy lists, as engineer, developer and programmer
   * name one job where a technology names the work. Undefined unless the phrase is a technology
   * and one of them, and such a title is listed. Elsewhere the heads part: an "Applications
   * Engineer" is no "Applications Developer".
   */
  private listedWithOtherBuilderHead(
    tokens: string[],
  ): { owners: readonly number[]; head: number } | undefined {
    const head = tokens.at(-1) as string;
    if (tokens.length < 2 || !BUILDER_HEADS.includes(head)) return undefined;
    const before = tokens.slice(0, -1).join(' ');
    if (!TECHNOLOGY_PHRASES.has(before)) return undefined;
    for (const other of BUILDER_HEADS) {
      if (other === head) continue;
      const owners = this.store.rolesListing(`${before} ${other}`);
      if (owners !== undefined) return { owners, head: this.store.tokenIdOf(other) as number };
    }
    return undefined;
  }

  /**
   * The roles listing the phrase with the head a job board wrote it for ("human resource
   * officer" of "HR Executive", see HEADS_WRITTEN_FOR; the library's "information technology
   * support specialist" of "ICT Support Officer", see LIBRARY_HEADS_WRITTEN_FOR), and that
   * head. Undefined unless the phrase has a field before such a head and the phrase so written
   * is listed.
   */
  private listedWithHeadItStandsFor(
    tokens: string[],
  ): { owners: readonly number[]; head: number } | undefined {
    if (tokens.length < 2) return undefined;
    const written = tokens.at(-1) as string;
    const meantEverywhere = HEADS_WRITTEN_FOR[written];
    const meant = meantEverywhere ?? LIBRARY_HEADS_WRITTEN_FOR[written];
    if (meant === undefined) return undefined;
    const listing = this.store.rolesListing(`${tokens.slice(0, -1).join(' ')} ${meant}`);
    const owners =
      meantEverywhere === undefined
        ? listing?.filter((slot) => this.store.roleAt(slot).taxonomy === BUILT_IN_TAXONOMY)
        : listing;
    const head = this.store.tokenIdOf(meant);
    return owners === undefined || owners.length === 0 || head === undefined
      ? undefined
      : { owners, head };
  }

  /**
   * The roles listing the phrase without the programming languages and web frameworks inside
   * it ("backend developer" of "Backend PHP Developer", "Backend PHP Symfony Developer"): they
   * say how the role works, not which role it is. Undefined unless such words stand before the
   * head, two words or more are left, and that phrase is listed.
   */
  private listedWithoutLanguages(tokens: string[]): readonly number[] | undefined {
    if (tokens.length < 3) return undefined;
    const kept = tokens.filter(
      (t, i) => i === tokens.length - 1 || !LANGUAGES_AND_FRAMEWORKS.has(t),
    );
    if (kept.length === tokens.length || kept.length < 2) return undefined;
    return this.store.rolesListing(kept.join(' '));
  }

  /**
   * The roles listing the phrase with one word put in the place of a word its taxonomy uses
   * for it ("machine operator" for "machine operative", see WordSubstitutions), the head's
   * substitutes tried first. Undefined when no such title is listed.
   */
  private listedWithSubstitute(tokens: string[]): readonly number[] | undefined {
    for (let i = tokens.length - 1; i >= 0; i--) {
      const id = this.store.tokenIdOf(tokens[i] as string);
      const substitutes =
        id === undefined ? undefined : this.store.substitutesOf(id, i === tokens.length - 1);
      if (substitutes === undefined) continue;
      for (let k = 1; k < substitutes.length; k++) {
        const swapped = [...tokens];
        swapped[i] = this.store.wordOf((substitutes[k] as WordCandidate).id) as string;
        const owners = this.store
          .rolesListing(swapped.join(' '))
          ?.filter((slot) => this.store.substitutesApplyTo(slot));
        if (owners !== undefined && owners.length > 0) return owners;
      }
    }
    return undefined;
  }

  private unknownWord(token: string): boolean {
    return (
      !this.store.knows(token) &&
      !this.store.neighboursOf(token).some((c) => this.store.titleDfOf(c.id) > 0)
    );
  }

  /** The body of rank(): starts on a clear scratch and may leave it dirty; rank() clears it. */
  private score(query: ScorerQuery, options: MatchOptions): TitleMatch[] {
    const terms = this.queryTerms(query.tokens, query.setAside);
    // A field named beside the role ("Sales Engineer (HVAC)") says whose job it is as much as one
    // named in it.
    const otherField = [...query.tokens, ...query.setAside, ...(query.qualifiers ?? [])].some((w) =>
      OTHER_FIELDS.has(w),
    );
    const strayQualifier = this.namesUnlistedField(query.setAside);
    // Every word of an index title is an index word: a query with a word outside the index
    // matches no title exactly, and skips the look-ups.
    const allKnown = terms.every((term) => term.known || term.setAside);
    const listed = allKnown ? this.firstListed(query.exact) : undefined;
    let exactOwners = listed?.owners;
    this.exactWeight =
      listed !== undefined && listed.sequence.length > query.tokens.join(' ').length
        ? FULLER_EXACT_WEIGHT
        : 1;
    const ending = exactOwners === undefined ? this.knownEnding(query.tokens) : undefined;
    if (ending !== undefined) {
      exactOwners = this.store.rolesListing(ending);
      this.exactWeight = ENDING_EXACT_WEIGHT;
    }
    if (exactOwners === undefined) {
      const plain = this.listedWithoutLanguages(query.tokens);
      if (plain !== undefined) {
        exactOwners = plain;
        this.exactWeight = ENDING_EXACT_WEIGHT;
      }
    }
    if (exactOwners === undefined && allKnown) {
      const swapped =
        this.listedWithOtherBuilderHead(query.tokens) ??
        this.listedWithHeadItStandsFor(query.tokens);
      if (swapped !== undefined) {
        exactOwners = swapped.owners;
        this.exactWeight = ENDING_EXACT_WEIGHT;
        // The listed title's head stands for the query's: its words are all shared.
        const head = terms[0] as QueryTerm;
        head.candidates = [...head.candidates, { id: swapped.head, credit: 1 }];
      }
    }
    if (exactOwners === undefined && allKnown) {
      exactOwners = this.listedWithSubstitute(query.tokens);
      if (exactOwners !== undefined) this.exactWeight = ENDING_EXACT_WEIGHT;
    }
    const named = listed === undefined ? -1 : this.store.roleNamed(listed.sequence);
    // One word that is no role's name but ends several ("Driver" of bus driver, train driver,
    // hearse driver) names a family of jobs: a member of the family listing it bare (the hearse
    // driver) is no answer to it. A role outside the family that lists it is a synonym its
    // source chose ("Developer" for a software engineer).
    let familyWord: string | undefined;
    if (named >= 0) {
      // A role named so is what the query means: the roles listing its name as an alternate
      // title share no exact bonus with it, whatever else their titles share with the query.
      this.exactOwners = [named];
      this.roleExact[named] = this.exactWeight;
    } else if (exactOwners !== undefined) {
      this.exactOwners = exactOwners;
      // A title many occupations list says less about each of them than one only one lists;
      // and one that is the common stem of many occupations' names ("clerk", "maintenance
      // technician") says little about the one occupation that happens to list it bare.
      const extending =
        listed === undefined ? 0 : this.namesExtending(listed.sequence, exactOwners);
      const share =
        this.exactWeight /
        (this.mostInOneTaxonomy(exactOwners) + (extending >= STEM_OF_NAMES ? extending : 0));
      for (const slot of exactOwners) this.roleExact[slot] = share;
      if (query.tokens.length === 1 && extending >= STEM_OF_NAMES) familyWord = listed?.sequence;
    }
    let queryNorm = 0;
    let roleNorm = 0;
    for (const term of terms) {
      // Set-aside words may add to a title that has them, but do not take from one that lacks
      // them: "Sofware Engineer (Java)" is a Software Engineer whether or not a title says Java.
      if (!term.setAside) queryNorm += term.titleWeight;
      roleNorm += term.roleWeight;
    }
    // With a taxonomy filter the shortest titles overall may all be filtered out: score them all.
    this.shortestLimit = options.taxonomy === undefined ? SHORTEST_TITLES_SCORED : Infinity;
    this.terms = terms;
    this.queryNorm = queryNorm;
    // A title that states a rank or speciality itself is no bare head: no narrower name is held
    // against it. The seniority words the parser took out of the core are still the query's own.
    const ids = this.narrowingWordIds;
    const ranked =
      NARROWING_WORDS.some((word) => query.exact.some((sequence) => hasWord(sequence, word))) ||
      terms.some((t) => t.candidates.some((c) => ids.includes(c.id)));
    this.narrowingIds = ranked ? [] : ids;
    const head = terms[0];
    this.responsibilityIds =
      head?.isHead === true &&
      (head.known
        ? RESPONSIBILITY_HEADS.includes(head.word)
        : head.candidates.some(({ id }) => this.responsibilityWordIds.includes(id)))
        ? head.candidates.map(({ id }) => id)
        : [];
    this.saysResponsibility = terms.some((t) =>
      t.candidates.some(({ id }) => this.responsibilityWordIds.includes(id)),
    );
    if (this.termBits.length < terms.length) this.termBits = new Int32Array(terms.length);
    terms.forEach((term, t) => {
      this.termBits[t] = term.candidates.reduce((bits, { id }) => bits | wordBit(id), 0);
    });
    this.accumulate(terms, queryNorm);
    this.collectTitles(queryNorm);
    const top = topOf(options);
    const count = this.selectRoles(roleNorm, top, options.taxonomy);
    const { rankedSlot, rankedRaw } = this;
    const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
    const matches: TitleMatch[] = [];
    let ceiling = 1;
    for (let i = 0; i < Math.min(top, count); i++) {
      const slot = rankedSlot[i] as number;
      const raw = rankedRaw[i] as number;
      const title = this.roleBestTitle[slot] as number;
      const lead = this.leadInOwnTaxonomy(i, count);
      let score = calibrate(raw, lead);
      const from = this.roleCrosswalkFrom[slot] as number;
      const fromTitle = from >= 0 ? (this.roleBestTitle[from] as number) : -1;
      // A title listed word for word explains itself; a role credited through a crosswalk is
      // explained by the title that credited it; a role of a kind the query does not name is
      // explained by none.
      const explained =
        ((this.roleExact[slot] as number) > 0 ||
          this.explains(terms, title) ||
          (from >= 0 && this.explains(terms, fromTitle))) &&
        !this.headsName(slot, familyWord) &&
        !(otherField && this.isGenericTitle(title)) &&
        !(strayQualifier && this.saysWhatQueryLacks(terms, title)) &&
        !this.namesOwnKind(slot);
      if (!explained) {
        score = unexplained(score);
      }
      // A lower-ranked role never scores above a higher-ranked one, nor level with it: its
      // evidence was weaker, if only by a tie-break.
      if (i > 0 && score >= ceiling) score = Math.max(0, ceiling - SCORE_STEP);
      ceiling = score;
      if (score < minScore) break;
      const record = this.store.roleAt(slot);
      matches.push({
        taxonomy: record.taxonomy,
        code: record.code,
        name: record.name,
        score,
        matchedTitle: this.store.textOf(title),
        ...(this.store.isHidden(title) ? { matchedHidden: true as const } : {}),
        ...(from >= 0 ? { crosswalkFrom: this.crosswalkSource(from, fromTitle) } : {}),
      });
    }
    return matches;
  }

  /**
   * How far the ranked role leads the next of its own taxonomy. Only the first of each
   * taxonomy leads: the others are scored as contested, so that a runner-up far ahead of the
   * third is not scored level with the first. Another taxonomy's role is no rival: the same job
   * described twice ("data analyst" in the built-in library and in ESCO) is no doubt about it.
   */
  private leadInOwnTaxonomy(i: number, count: number): number {
    const { rankedSlot, rankedRaw } = this;
    const taxonomy = this.store.roleAt(rankedSlot[i] as number).taxonomy;
    for (let j = 0; j < i; j++) {
      if (this.store.roleAt(rankedSlot[j] as number).taxonomy === taxonomy) return 0;
    }
    const raw = rankedRaw[i] as number;
    for (let k = i + 1; k < count; k++) {
      if (this.store.roleAt(rankedSlot[k] as number).taxonomy === taxonomy) {
        return raw - (rankedRaw[k] as number);
      }
    }
    // None of its taxonomy among those ranked: the next may be just below the last of them.
    return count > 1 ? raw - (rankedRaw[count - 1] as number) : raw;
  }

  /**
   * How many roles other than the owners have a name headed by the listed title's last word
   * that uses every other word of it too: the names the title is a shorter form of.
   */
  private namesExtending(sequence: string, owners: readonly number[]): number {
    const ids: number[] = [];
    for (const token of sequence.split(' ')) {
      const id = this.store.tokenIdOf(token);
      if (id === undefined) return 0;
      ids.push(id);
    }
    const head = ids[ids.length - 1] as number;
    let count = 0;
    for (const name of this.store.namesHeadedBy(head)) {
      if (owners.includes(this.store.records.role(name))) continue;
      const words = this.store.tokensOf(name);
      if (words.length > ids.length && ids.every((id) => words.includes(id))) count++;
    }
    return count;
  }

  /** Whether the role's name ends with the word, the sequence's one word. */
  private headsName(slot: number, sequence: string | undefined): boolean {
    const word = sequence === undefined ? undefined : this.store.tokenIdOf(sequence);
    return word !== undefined && this.store.records.head(this.store.nameTitleOf(slot)) === word;
  }

  /** How many of the roles listing a title belong to one taxonomy, at most. */
  private mostInOneTaxonomy(slots: readonly number[]): number {
    if (slots.length === 1) return 1;
    const perTaxonomy = new Map<string, number>();
    for (const slot of slots) {
      const taxonomy = this.store.roleAt(slot).taxonomy;
      perTaxonomy.set(taxonomy, (perTaxonomy.get(taxonomy) ?? 0) + 1);
    }
    return Math.max(...perTaxonomy.values());
  }

  /** The role whose crosswalk credited a match, and its title that matched. */
  private crosswalkSource(slot: number, title: number): CrosswalkSource {
    const { taxonomy, code, name } = this.store.roleAt(slot);
    return { taxonomy, code, name, matchedTitle: this.store.textOf(title) };
  }

  /**
   * Whether the title shares enough of the role phrase to carry a match (see EXPLAINED_SHARE),
   * its head noun included. A phrase of one word must be the whole title, or a word that names
   * a technology role by itself (ROLE_WORDS) heading the title or nearly only this role's
   * titles use ("DevRel"): "Marketing" or "Data" alone names a field, not the Marketing Analyst
   * or the Data Engineer, and "Writer" a family of jobs, not the Technical Writer.
   */
  private explains(terms: QueryTerm[], title: number): boolean {
    let words = 0;
    let shared = 0;
    let weight = 0;
    let sharedWeight = 0;
    for (const term of terms) {
      if (term.setAside) continue;
      words++;
      weight += term.titleWeight;
      // A misspelt head stands for the title's head, not for another of its words ("Platform
      // Operative" is no "Platform Operations Engineer").
      const usable = (id: number) =>
        term.isHead && !term.known
          ? id === this.store.records.head(title)
          : this.store.titleUses(title, id);
      if (
        term.candidates.some(({ id }) => usable(id)) ||
        (term.isHead && this.sameBuilderHead(term, title))
      ) {
        shared++;
        sharedWeight += term.titleWeight;
      } else if (term.isHead) {
        return false;
      }
    }
    if (this.addsRank(terms, title)) return false;
    if (words === 1) {
      const head = this.store.records.head(title);
      const slot = this.store.records.role(title);
      const alone = this.store.tokenCountOf(title) === 1;
      // A lone misspelt word is read as the head it resembles ("Waiter" as "Writer"): one
      // edited word is too little to name a role.
      return terms.some(
        (t) =>
          !t.setAside &&
          t.known &&
          t.candidates.some(({ id }) =>
            ROLE_WORDS.has(t.word) ? id === head || this.ownsWord(slot, id) : id === head && alone,
          ),
      );
    }
    return (
      shared >= 2 &&
      sharedWeight >= EXPLAINED_SHARE * weight &&
      !this.namesOtherRole(terms, title) &&
      !this.otherCompound(terms, title) &&
      !this.otherField(terms, title)
    );
  }

  /**
   * Whether every word of the title names work any field has ("Project Manager", "Sales
   * Engineer"): such a title cannot explain a query that names a field outside technology
   * ("Project Manager - Construction"), which is another job than the one the title stands for.
   */
  private isGenericTitle(title: number): boolean {
    return this.store
      .tokensOf(title)
      .every((id) => GENERIC_ROLE_WORDS.has(this.store.wordOf(id) ?? ''));
  }

  /**
   * Whether the query sets a qualifier aside none of whose words any title uses ("Police" of
   * "Intelligence Analyst — Police"): a field, place or grade the index cannot read.
   */
  private namesUnlistedField(setAside: readonly string[]): boolean {
    return (
      setAside.length > 0 &&
      setAside.every((word) => {
        const id = this.store.tokenIdOf(word);
        return id === undefined || this.store.titleDfOf(id) === 0;
      })
    );
  }

  /**
   * Whether the title, headed as the query is, puts before that head a word the query does not
   * say: "Business Intelligence Analyst" for "Intelligence Analyst" names the sense the query
   * leaves open, so with a qualifier the index cannot read the query may mean another field's job.
   */
  private saysWhatQueryLacks(terms: QueryTerm[], title: number): boolean {
    const head = this.store.records.head(title);
    if (!(terms[0] as QueryTerm).candidates.some(({ id }) => id === head)) return false;
    // A word the query says is said, though the scorer did not credit it ("Machine" beside the
    // misspelt "Learnig").
    const said = (id: number): boolean =>
      terms.some((t) => t.word === this.store.wordOf(id) || t.candidates.some((c) => c.id === id));
    return this.store.tokensOf(title).some((id) => id !== head && !said(id));
  }

  /**
   * Whether the title names a rank the query does not ("Chief Security Officer" for "Security
   * Officer"): the executive is another job than the officer who guards a building.
   */
  private addsRank(terms: QueryTerm[], title: number): boolean {
    const chief = this.chiefId;
    if (chief === undefined || !this.store.titleUses(title, chief)) return false;
    return !terms.some((t) => t.candidates.some(({ id }) => id === chief));
  }

  /**
   * Whether the title puts a word that makes it software or data work (FIELD_WORDS) right
   * before its head where the query has another of the title's words: "Financial Data
   * Analyst" is a data analyst in finance, the "Financial Analyst" another job; so are
   * "Automotive Software Engineer" and "Automotive Engineer", "Robotic Process Automation
   * Engineer" and "Process Engineer". Other words there narrow the same work ("Golang Backend
   * Engineer" for "Golang Engineer").
   */
  private otherField(terms: QueryTerm[], title: number): boolean {
    const tokens = this.store.tokensOf(title);
    if (tokens.length < 2) return false;
    const fieldWord = tokens[tokens.length - 2] as number;
    if (!FIELD_WORDS.has(this.store.wordOf(fieldWord) ?? '')) return false;
    // Terms run head first: the query's word right before its head.
    const before = terms[1];
    if (before === undefined || before.setAside) return false;
    if (terms.some((t) => t.candidates.some(({ id }) => id === fieldWord))) return false;
    return before.candidates.some(({ id }) => this.store.titleUses(title, id));
  }

  /**
   * Whether the title and the query put different words in one place among the words they
   * share: "Funeral Services Manager" and "IT Services Manager", "Chief Innovation Officer" and
   * "Chief Technology Officer" are other jobs, though most of their words are the same. A
   * title that only adds words ("Marketing Data Analyst" for "Data Analyst"), or a query that
   * does ("IT Risk & Compliance Analyst" for "IT Risk Analyst"), still names the same kind of
   * role; so do two forms of one word ("Software Dev Engineer", "Software Development
   * Engineer").
   */
  private otherCompound(terms: QueryTerm[], title: number): boolean {
    const tokens = this.store.tokensOf(title);
    // Each shared word's place in the title, in query order (terms run head first), and the
    // query's own words just before it.
    let previous = -1;
    let ownBefore: string | undefined;
    for (let t = terms.length - 1; t >= 0; t--) {
      const term = terms[t] as QueryTerm;
      if (term.setAside) continue;
      let at = -1;
      for (let i = previous + 1; i < tokens.length && at < 0; i++) {
        if (term.candidates.some(({ id }) => id === tokens[i])) at = i;
      }
      if (at < 0 && term.isHead && this.sameBuilderHead(term, title)) at = tokens.length - 1;
      if (at < 0) {
        // Only a word no title uses says the query is from another field ("Funeral"); a short
        // one is as likely a typo's remains ("Ful stack").
        if (!term.known && term.candidates.length === 0 && term.word.length > 3) {
          ownBefore ??= term.word;
        }
        continue;
      }
      if (ownBefore !== undefined) {
        for (let i = previous + 1; i < at; i++) {
          const word = this.store.wordOf(tokens[i] as number) ?? '';
          if (!sameStem(word, ownBefore)) return true;
        }
      }
      ownBefore = undefined;
      previous = at;
    }
    return false;
  }

  /**
   * Whether the title puts, before the words it shares with the query, a word that heads other
   * titles: "Developer Marketing Manager" is marketing for developers, a narrower role than
   * any "Marketing Manager", so sharing two words with it explains nothing.
   */
  private namesOtherRole(terms: QueryTerm[], title: number): boolean {
    const tokens = this.store.tokensOf(title);
    for (let i = 0; i < tokens.length - 1; i++) {
      const id = tokens[i] as number;
      if (!this.store.headsTitles(id)) continue;
      if (!terms.some((term) => term.candidates.some((c) => c.id === id))) return true;
    }
    return false;
  }

  /** Whether nearly every title using the word is one of the role's (see OWNED_WORD_SHARE). */
  private ownsWord(slot: number, id: number): boolean {
    const pairs = this.store.rolePostingsOf(id);
    for (let k = 0; k < pairs.length; k += 2) {
      if (pairs[k] === slot) {
        return (pairs[k + 1] as number) >= OWNED_WORD_SHARE * this.store.titleDfOf(id);
      }
    }
    return false;
  }

  /**
   * Puts the scratch back as the next query expects it: every title score in the store and
   * every per-role slot at zero, nothing touched. A query that ran to the end has already
   * cleared what it touched (collectTitles and selectRoles clear as they read) but for the
   * exact-title flags; one that stopped midway leaves whatever it had touched, cleared here.
   */
  private clearScratch(): void {
    const { records } = this.store;
    const { touchedTitles, touchedBits } = this;
    for (let i = 0; i < this.touchedTitleCount; i++) {
      const title = touchedTitles[i] as number;
      records.clearScore(title);
      touchedBits[title >> 5] = 0;
    }
    this.touchedTitleCount = 0;
    const { touchedRoles, roleBest, roleSecond, roleCoverage, roleHead, roleSeen } = this;
    for (let i = 0; i < this.touchedRoleCount; i++) {
      const slot = touchedRoles[i] as number;
      roleBest[slot] = 0;
      roleSecond[slot] = 0;
      roleCoverage[slot] = 0;
      roleHead[slot] = 0;
      roleSeen[slot] = 0;
      this.roleCrosswalk[slot] = 0;
    }
    this.touchedRoleCount = 0;
    for (const slot of this.exactOwners) this.roleExact[slot] = 0;
    this.exactOwners = NO_ROLES;
    this.terms = [];
    this.commonWords.length = 0;
  }

  /** Grows the scratch arrays when the index has grown since the last query. */
  private ensureCapacity(): void {
    const titles = this.store.titleCapacity;
    this.touchedTitles = growInt(this.touchedTitles, titles);
    this.touchedBits = growInt(this.touchedBits, (titles >> 5) + 1);
    const roles = this.store.roleCapacity + 1;
    if (this.roleBest.length >= roles) return;
    this.roleBest = growFloat(this.roleBest, roles);
    this.roleSecond = growFloat(this.roleSecond, roles);
    this.roleCoverage = growFloat(this.roleCoverage, roles);
    this.roleHead = growFloat(this.roleHead, roles);
    this.roleBestTitle = growInt(this.roleBestTitle, roles);
    this.touchedRoles = growInt(this.touchedRoles, roles);
    this.roleSeen = growBytes(this.roleSeen, roles);
    this.roleExact = growFloat(this.roleExact, roles);
    this.roleCrosswalk = growFloat(this.roleCrosswalk, roles);
    this.roleCrosswalkFrom = growInt(this.roleCrosswalkFrom, roles);
    this.roleCrosswalkTaken = growFloat(this.roleCrosswalkTaken, roles);
  }

  /** The query's distinct words, head first, each with its candidates and weights. */
  private queryTerms(tokens: string[], setAside: string[]): QueryTerm[] {
    const terms: QueryTerm[] = [];
    const unknownTitleWeight =
      Math.log(1 + Math.max(1, this.store.titleCount)) * UNKNOWN_WORD_SHARE;
    const unknownRoleWeight = Math.log(1 + Math.max(1, this.store.roleCount)) * UNKNOWN_WORD_SHARE;
    for (let i = tokens.length - 1; i >= 0; i--) {
      const token = tokens[i] as string;
      if (tokens.indexOf(token, i + 1) !== -1) continue;
      const isHead = i === tokens.length - 1;
      const boost = isHead ? headBoost : 1;
      const id = this.store.tokenIdOf(token);
      const listed = id !== undefined && this.store.titleDfOf(id) > 0;
      const known = listed && !lacksBoundNeighbour(this.store, id, tokens);
      // A field of other work spelt right ("Mechanical Engineer") is no typo of a word the
      // index has ("technical"), however alike they look; nor is a listed word said without
      // the neighbour that gives it its sense in the library.
      const candidates = known
        ? this.substitutesOf(id, tokens, isHead)
        : listed || OTHER_FIELDS.has(token)
          ? []
          : this.typoCandidates(token, isHead);
      const best = candidates[0];
      terms.push({
        word: token,
        candidates,
        titleWeight:
          boost * (best === undefined ? unknownTitleWeight : this.store.titleIdfOf(best.id)),
        roleWeight:
          boost * (best === undefined ? unknownRoleWeight : this.store.roleIdfOf(best.id)),
        isHead,
        known,
        setAside: false,
      });
    }
    for (const token of setAside) {
      const id = this.store.tokenIdOf(token);
      if (id === undefined || this.store.titleDfOf(id) === 0) continue;
      if (tokens.includes(token) || terms.some((t) => t.candidates[0]?.id === id)) continue;
      terms.push({
        word: token,
        candidates: this.exactly(id),
        titleWeight: SET_ASIDE_WEIGHT * this.store.titleIdfOf(id),
        roleWeight: SET_ASIDE_WEIGHT * this.store.roleIdfOf(id),
        isHead: false,
        known: true,
        setAside: true,
      });
    }
    return terms;
  }

  /**
   * The index words a word unknown to the index may be a typo of, the likeliest few (see
   * likeliestTypos). For the head noun, the words that head some title come first and alone
   * when there are any: "Enginer" is an Engineer, not an Engine.
   */
  private typoCandidates(token: string, isHead: boolean): WordCandidate[] {
    let live = this.store.neighboursOf(token).filter((c) => this.store.titleDfOf(c.id) > 0);
    if (live.length === 0 && !token.endsWith('s')) {
      // The normalizer takes a final s off a misspelt word as off a plural ("Busines" is read
      // as "busine"): the word as written may be the nearer one.
      live = this.store.neighboursOf(`${token}s`).filter((c) => this.store.titleDfOf(c.id) > 0);
    }
    if (!isHead) return this.likeliestTypos(live);
    const heads = live.filter((c) => this.store.headPostingsOf(c.id).length > 0);
    return this.likeliestTypos(heads.length > 0 ? heads : live);
  }

  /**
   * The TYPO_CANDIDATES nearest words, and among equally near ones those more titles use: a
   * typo is likelier of a common word than of a rare one ("Maager" is a Manager, not the
   * "Manger" one title misspells), and a rare word's high weight would otherwise let it win.
   */
  private likeliestTypos(candidates: WordCandidate[]): WordCandidate[] {
    if (candidates.length <= 1) return candidates;
    return [...candidates]
      .sort(
        (a, b) => b.credit - a.credit || this.store.titleDfOf(b.id) - this.store.titleDfOf(a.id),
      )
      .slice(0, TYPO_CANDIDATES);
  }

  /**
   * Whether the query's head and the title's are both words for one who builds software
   * (engineer, developer, programmer): a "Python Engineer" is explained by the listed "Python
   * Developer". This only lets such a match carry its score; it ranks nothing differently.
   */
  private sameBuilderHead(term: QueryTerm, title: number): boolean {
    const head = this.store.records.head(title);
    const builders = this.builderIds;
    return builders.includes(head) && term.candidates.some(({ id }) => builders.includes(id));
  }

  /** Looks up the ids of the words the rules name, again only once the index has new words. */
  private lookUpFixedWords(): void {
    if (this.wordsSeen === this.store.wordCount) return;
    this.builderIds = BUILDER_HEADS.flatMap((word) => this.store.tokenIdOf(word) ?? []);
    this.narrowingWordIds = NARROWING_WORDS.flatMap((word) => this.store.tokenIdOf(word) ?? []);
    this.responsibilityWordIds = RESPONSIBILITY_HEADS.flatMap(
      (word) => this.store.tokenIdOf(word) ?? [],
    );
    this.chiefId = this.store.tokenIdOf('chief');
    this.wordsSeen = this.store.wordCount;
  }

  /**
   * A known word and its substitutes (see WordSubstitutions), or the word alone. A substitute
   * the query also has is left out: that word already counts for itself.
   */
  private substitutesOf(id: number, tokens: string[], atHead: boolean): WordCandidate[] {
    const substitutes = this.store.substitutesOf(id, atHead);
    if (substitutes === undefined) return this.exactly(id);
    const inQuery = (c: WordCandidate) => tokens.includes(this.store.wordOf(c.id) as string);
    return substitutes.some(inQuery)
      ? substitutes.filter((c) => c.id === id || !inQuery(c))
      : substitutes;
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
    const { touchedTitles, touchedBits } = this;
    const { records } = this.store;
    const titleWeight = this.store.titleIdfOf(id) * credit;
    const queryWeight = term.titleWeight * credit;
    const gain = Math.min(queryWeight, titleWeight);
    const headGain = Math.min(queryWeight, titleWeight * headBoost);
    const titles = this.store.titlePostingsOf(id);
    for (let k = 0; k < titles.length; k++) {
      const entry = titles[k] as number;
      const title = entry >> 1;
      if (records.addScore(title, entry & 1 ? headGain : gain) === 0) {
        touchedTitles[this.touchedTitleCount++] = title;
        touchedBits[title >> 5] = (touchedBits[title >> 5] as number) | (1 << (title & 31));
      }
    }
  }

  /**
   * A common word's untouched titles share no other query word, so per role only its two
   * shortest titles with that word (as head, and not as head) can be the role's best and
   * second best. Those are kept shortest first, and only the first few can win: the rest score
   * below them.
   */
  private creditShortest(id: number, credit: number, term: QueryTerm, queryNorm: number): void {
    const titleWeight = this.store.titleIdfOf(id) * credit;
    const queryWeight = term.titleWeight * credit;
    const shortest = this.store.shortestTitles(id);
    const headGain = 2 * Math.min(queryWeight, titleWeight * headBoost);
    this.creditTitles(
      shortest.headed,
      shortest.headedNorms,
      shortest.headedRoles,
      headGain,
      queryNorm,
    );
    const gain = 2 * Math.min(queryWeight, titleWeight);
    this.creditTitles(shortest.other, shortest.otherNorms, shortest.otherRoles, gain, queryNorm);
  }

  /** Offers the first (shortest) untouched titles of a list, each scored gain / its length. */
  private creditTitles(
    titles: Int32Array,
    norms: Float64Array,
    roles: Int32Array,
    gain: number,
    queryNorm: number,
  ): void {
    const { touchedBits } = this;
    const count = Math.min(titles.length, this.shortestLimit);
    for (let k = 0; k < count; k++) {
      const title = titles[k] as number;
      if ((((touchedBits[title >> 5] as number) >>> (title & 31)) & 1) === 1) continue;
      this.offerRoleTitle(roles[k] as number, title, gain / (queryNorm + (norms[k] as number)));
    }
  }

  /** Adds a word's evidence to every role that uses it: coverage, and head share for the head. */
  private scanRoles(id: number, credit: number, term: QueryTerm): void {
    const { roleCoverage, roleHead, roleSeen, touchedRoles } = this;
    const roleGain = term.roleWeight * credit;
    const pairs = this.store.rolePostingsOf(id);
    const coverage = this.store.coverageOf(id);
    for (let k = 0; k < pairs.length; k += 2) {
      const slot = pairs[k] as number;
      if (roleSeen[slot] === 0) {
        roleSeen[slot] = 1;
        touchedRoles[this.touchedRoleCount++] = slot;
      }
      roleCoverage[slot] = (roleCoverage[slot] as number) + roleGain * (coverage[k >> 1] as number);
    }
    if (!term.isHead) return;
    const heads = this.store.headPostingsOf(id);
    const share = this.store.headShareOf(id);
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
   * So do a known word's substitutes (its candidates below full credit), and they add nothing
   * to a role's coverage or head share: a role listing both the word and a substitute would
   * count one query word twice, and walking a common substitute's roles and titles for every
   * query made matching ESCO labels half as fast for a fifth of a point.
   */
  private accumulate(terms: QueryTerm[], queryNorm: number): void {
    let rarest: { term: QueryTerm; id: number; credit: number } | undefined;
    let scanned = false;
    for (const term of terms) {
      for (const { id, credit } of term.candidates) {
        const substitute = term.known && credit < 1;
        if (!substitute) this.scanRoles(id, credit, term);
        const length = this.store.titlePostingsOf(id).length;
        if (term.setAside || substitute) continue;
        if (length <= COMMON_WORD_TITLES) {
          this.scanTitles(id, credit, term);
          scanned = true;
        } else if (rarest === undefined || length < this.store.titlePostingsOf(rarest.id).length) {
          rarest = { term, id, credit };
        }
      }
    }
    if (!scanned && rarest !== undefined) this.scanTitles(rarest.id, rarest.credit, rarest.term);
    for (const term of terms) {
      for (const { id, credit } of term.candidates) {
        const followsOthers = term.setAside || (term.known && credit < 1);
        const length = this.store.titlePostingsOf(id).length;
        const scannedAbove = length <= COMMON_WORD_TITLES && !followsOthers;
        if (scannedAbove || (!scanned && id === rarest?.id)) continue;
        const titles =
          term.known && credit < 1
            ? this.store.substituteTitlesWith(id)
            : this.store.titlesWith(id);
        this.addCommonWord(
          id,
          titles,
          term.titleWeight * credit,
          this.store.titleIdfOf(id) * credit,
        );
        if (!followsOthers) this.creditShortest(id, credit, term, queryNorm);
      }
    }
  }

  /**
   * Records a common word for collectTitles, which adds its weight to the touched titles that
   * use it. A word met again (a typo's candidate that is also a query word) takes the later
   * weights, once.
   */
  private addCommonWord(
    id: number,
    titles: Int32Array,
    queryWeight: number,
    titleWeight: number,
  ): void {
    const known = this.commonWords.find((word) => word.id === id);
    if (known !== undefined) {
      known.titles = titles;
      known.queryWeight = queryWeight;
      known.titleWeight = titleWeight;
    } else {
      this.commonWords.push({ id, titles, queryWeight, titleWeight });
    }
  }

  /** Counts a title's similarity towards its role's best and second-best titles. */
  private offerTitle(title: number, similarity: number): void {
    this.offerRoleTitle(this.store.records.role(title), title, similarity);
  }

  /** offerTitle for a title whose role's slot the caller has at hand. */
  private offerRoleTitle(slot: number, title: number, similarity: number): void {
    const { roleBest, roleSecond } = this;
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
    const { commonWords, touchedBits, touchedTitles } = this;
    const { records } = this.store;
    const touched = this.touchedTitleCount;
    // Word by word rather than title by title: the inner loop then tests one word's bit set,
    // which stays in cache. Each title's score still takes the words' weights in the same
    // order, so the sums are the same to the bit.
    for (let c = 0; c < commonWords.length; c++) {
      const { id, titles, queryWeight, titleWeight } = commonWords[c] as CommonWord;
      const gain = Math.min(queryWeight, titleWeight);
      const headGain = Math.min(queryWeight, titleWeight * headBoost);
      // A word on fewer titles than half those touched (most of a query's substitutes, which
      // every word of the query can bring three of) walks its own titles instead, testing two
      // bits for each: the cheaper walk of the two meets the same titles.
      const postings = this.store.titlePostingsOf(id);
      if (2 * postings.length < touched) {
        for (let k = 0; k < postings.length; k++) {
          const entry = postings[k] as number;
          const title = entry >> 1;
          if ((((touchedBits[title >> 5] as number) >>> (title & 31)) & 1) === 0) continue;
          if ((((titles[title >> 5] as number) >>> (title & 31)) & 1) === 0) continue;
          records.addScore(title, entry & 1 ? headGain : gain);
        }
        continue;
      }
      for (let i = 0; i < touched; i++) {
        const title = touchedTitles[i] as number;
        if ((((titles[title >> 5] as number) >>> (title & 31)) & 1) === 0) continue;
        records.addScore(title, records.head(title) === id ? headGain : gain);
      }
    }
    for (let i = 0; i < touched; i++) {
      const title = touchedTitles[i] as number;
      // Every bit set belongs to a touched title, and every touched title is cleared here.
      touchedBits[title >> 5] = 0;
      this.offerTitle(title, (2 * records.takeScore(title)) / (queryNorm + records.norm(title)));
    }
    this.touchedTitleCount = 0;
    commonWords.length = 0;
  }

  /**
   * A role of one taxonomy that names roles of another in its crosswalk (a curated Backend
   * Developer names O*NET's Software Developers) is evidence for them when the query matches
   * one of its titles closely: they are credited in proportion to that title's similarity.
   * Only roles the query already touched are credited, so every answer still has a title of
   * its own that matched.
   */
  private creditCrosswalks(): void {
    const { touchedRoles, roleBest, roleSeen, roleCrosswalk } = this;
    for (let i = 0; i < this.touchedRoleCount; i++) {
      const slot = touchedRoles[i] as number;
      const best = roleBest[slot] as number;
      if (best < CROSSWALK_MIN_SIMILARITY) continue;
      const targets = this.store.crosswalkOf(slot);
      if (targets === undefined) continue;
      const credit = CROSSWALK_WEIGHT * best;
      for (const target of targets) {
        if (roleSeen[target] === 0 || credit <= (roleCrosswalk[target] as number)) continue;
        roleCrosswalk[target] = credit;
        this.roleCrosswalkFrom[target] = slot;
      }
    }
  }

  /** Whether the role's own name narrows by a word the query does not use (see NARROWING_WORDS). */
  private namesNarrower(slot: number): boolean {
    if (this.narrowingIds.length === 0) return false;
    // Only opening the name does the word narrow it: as its head it names the work itself
    // ("Marketing Specialists"), and inside a name of several roles only one of them ("Chefs
    // and Head Cooks").
    const name = this.store.nameTitleOf(slot);
    return (
      this.store.tokenCountOf(name) > 1 && this.narrowingIds.includes(this.store.firstTokenOf(name))
    );
  }

  /**
   * Whether the title and the query disagree on a level of responsibility: the query's head
   * names one the title leaves out, or the title is headed by one the query does not say.
   */
  private leavesOutResponsibility(title: number): boolean {
    const ids = this.responsibilityIds;
    if (ids.length === 0) {
      if (this.saysResponsibility) return false;
      return this.responsibilityWordIds.includes(this.store.records.head(title));
    }
    for (let i = 0; i < ids.length; i++) {
      if (this.store.titleUses(title, ids[i] as number)) return false;
    }
    return true;
  }

  /**
   * Whether every title of the role, its name among them, uses a word the query does not that
   * opens the name before any word the query uses ("solar" of "solar energy sales consultant"
   * for "Sales Advisor"): the role is the kind of the job that word sets apart, not the job the
   * query names. A word after one the query uses narrows what the query already said
   * ("engineering" of "mechanical engineering technician" for "Mechanical Technician"). Only a
   * role listing several titles tells so; a lone name's every word would.
   */
  private namesOwnKind(slot: number): boolean {
    // Most roles have no such word: they are out before their name's words are read.
    const reach = this.store.kindReachOf(slot);
    if (reach === 0 || this.store.titleCountOf(slot) < KIND_MIN_TITLES) return false;
    const words = this.store.tokensOf(this.store.nameTitleOf(slot));
    for (let i = 0; i < reach; i++) {
      const word = words[i] as number;
      if (this.terms.some((t) => t.candidates.some(({ id }) => id === word))) return false;
    }
    return true;
  }

  /** The share of the current query's weight carried by words the role's own name uses. */
  private nameShare(slot: number): number {
    const bits = this.store.nameWordBitsOf(slot);
    const { terms, termBits } = this;
    let shared = 0;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t] as QueryTerm;
      if (term.setAside || (bits & (termBits[t] as number)) === 0) continue;
      const name = this.store.nameTitleOf(slot);
      const candidates = term.candidates;
      for (let c = 0; c < candidates.length; c++) {
        if (this.store.titleUses(name, (candidates[c] as WordCandidate).id)) {
          shared += term.titleWeight;
          break;
        }
      }
    }
    return this.queryNorm > 0 ? shared / this.queryNorm : 0;
  }

  /** The best `top + 1` roles by raw score (one extra to measure the lead of the last). */
  private selectRoles(roleNorm: number, top: number, taxonomy: string | undefined): number {
    const { rankedSlot, rankedRaw, roleBest, roleSecond, roleCoverage, roleHead, roleSeen } = this;
    let count = 0;
    const { touchedRoles } = this;
    if (this.store.hasCrosswalks) this.creditCrosswalks();
    for (let i = 0; i < this.touchedRoleCount; i++) {
      const slot = touchedRoles[i] as number;
      const best = roleBest[slot] as number;
      const crosswalk = this.roleCrosswalk[slot] as number;
      if (crosswalk === 0) this.roleCrosswalkFrom[slot] = -1;
      else this.roleCrosswalkTaken[slot] = crosswalk;
      this.roleCrosswalk[slot] = 0;
      roleSeen[slot] = 0;
      // Nearly half the roles a query touches have no title it touched (a word's roles are
      // walked in full): they are out, and only their scratch is cleared.
      if (best === 0) {
        roleCoverage[slot] = 0;
        roleHead[slot] = 0;
        continue;
      }
      const bestTitle = this.roleBestTitle[slot] as number;
      let raw =
        combine(
          best,
          roleSecond[slot] as number,
          (roleCoverage[slot] as number) / roleNorm,
          roleHead[slot] as number,
          this.roleExact[slot] as number,
        ) + crosswalk;
      roleBest[slot] = 0;
      roleSecond[slot] = 0;
      roleCoverage[slot] = 0;
      roleHead[slot] = 0;
      if (this.store.isNameTitle(slot, bestTitle)) {
        // The role's own name is better evidence than another's alternate title; and when the
        // query is that name word for word, the name's owner takes the whole exact bonus that
        // the roles listing it as an alternate share.
        const exact = this.roleExact[slot] as number;
        raw += exact > 0 ? this.exactWeight - exact + OWN_NAME_BONUS : OWN_NAME_BONUS;
      }
      // Reading the name's words costs a cache miss: only for a role the share can still lift
      // into the top.
      if (count <= top || raw + NAME_WORDS_WEIGHT > (rankedRaw[top] as number)) {
        raw += NAME_WORDS_WEIGHT * this.nameShare(slot);
      }
      // The tie-break only lowers a score, so a role already at or below the last one kept
      // is out without it: most touched roles are, and reading how many roles list their best
      // title is a cache miss each.
      if (count > top && raw <= (rankedRaw[top] as number)) continue;
      if (this.namesNarrower(slot)) raw -= NARROWER_NAME_PENALTY;
      if (this.namesOwnKind(slot)) raw -= KIND_PENALTY;
      if (this.leavesOutResponsibility(bestTitle)) raw -= UNSAID_RESPONSIBILITY_PENALTY;
      raw -= LISTING_TIE_BREAK * (1 - 1 / this.store.listingsOf(bestTitle));
      if (count > top && raw <= (rankedRaw[top] as number)) continue;
      if (taxonomy !== undefined && this.store.roleAt(slot).taxonomy !== taxonomy) {
        continue;
      }
      if (count <= top) count++;
      let at = count - 1;
      for (; at > 0 && (rankedRaw[at - 1] as number) < raw; at--) {
        rankedSlot[at] = rankedSlot[at - 1] as number;
        rankedRaw[at] = rankedRaw[at - 1] as number;
      }
      rankedSlot[at] = slot;
      rankedRaw[at] = raw;
    }
    this.touchedRoleCount = 0;
    if (this.store.hasCrosswalks) this.placeAfterLenders(count);
    return count;
  }

  /**
   * A crosswalk lends a role the evidence of the role that names it: enough to lift it above
   * others, not above the lender, whose own name or title is what the query matched ("Senior
   * Software Engineer" is the curated Software Engineer before the occupation it names). A
   * role its own titles already put above the lender stays there.
   */
  private placeAfterLenders(count: number): void {
    const { rankedSlot, rankedRaw } = this;
    for (let i = 0; i < count; i++) {
      const slot = rankedSlot[i] as number;
      const lender = this.roleCrosswalkFrom[slot] as number;
      if (lender < 0) continue;
      let at = i + 1;
      while (at < count && rankedSlot[at] !== lender) at++;
      if (at === count) continue;
      const lenderRaw = rankedRaw[at] as number;
      if ((rankedRaw[i] as number) - (this.roleCrosswalkTaken[slot] as number) > lenderRaw) {
        continue;
      }
      // Moved only ever later, behind its lender: the walk revisits i and ends.
      rankedSlot.copyWithin(i, i + 1, at + 1);
      rankedRaw.copyWithin(i, i + 1, at + 1);
      rankedSlot[at] = slot;
      rankedRaw[at] = lenderRaw;
      i--;
    }
  }
}
