import type { Term } from '../domain/index.js';
import { buildAutomaton, rareStep, tableBytes, type Automaton } from './aho-corasick.js';
import { definedAt } from './defined-abbreviation.js';
import { opensSentence, settleSupport } from './hit-support.js';
import { familiesOf, withFamilyNames } from './family-names.js';
import { isOrdinaryPlural, isOrdinaryWord } from './ordinary-words.js';
import { withoutOtherProducts } from './other-product.js';
import { pipelineKinds, pipelineOfContents, withPipelineKinds } from './pipeline-kinds.js';
import { withSharedHeads } from './shared-head.js';
import { charTables, SPACE_KIND, WORD } from './text-chars.js';
import { termPatterns, type TermPattern } from './term-patterns.js';

/** One mention of a glossary term: `text.slice(start, end)` is what was written. */
export interface TermHit {
  start: number;
  end: number;
  text: string;
  slug: string;
}

export interface SpotterStats {
  terms: number;
  patterns: number;
  states: number;
  /** Memory held by the automaton's tables. */
  tableBytes: number;
  /** Time spent deriving the patterns and building the automaton. */
  buildMs: number;
}

/** A glossary's written forms, ready for the automaton: the first half of a build. */
export interface PreparedGlossary {
  terms: number;
  patterns: TermPattern[];
  /** The kind of pipeline each tool builds, for "Jenkins pipelines". */
  pipelines: ReadonlyMap<string, string>;
  /** The terms that list each term among their examples, for "AWS Lambda". */
  families: ReturnType<typeof familiesOf>;
  ms: number;
}

/** A hit before overlaps and support are settled. */
interface Candidate {
  start: number;
  end: number;
  pattern: number;
  exact: boolean;
  needsSupport: boolean;
  sentenceSupports: boolean;
  mayBeName: boolean;
  directOnly: boolean;
  everyday: boolean;
  everydayPlural: boolean;
}

/** A text read once by the spotter, its candidates waiting to be settled. */
export interface Spotting {
  readonly text: string;
  readonly candidates: readonly Candidate[];
}

const PLUS = 0x2b;
const HASH = 0x23;
const SLASH = 0x2f;
/** Characters that glue a short form to its neighbour: R&D, C-level, ASP.NET. */
const GLUE = new Set([0x26, 0x2d, 0x2e, 0x2010, 0x2011, 0x2013]);

/**
 * Finds every glossary term in a text in one pass over it: an Aho-Corasick automaton over the
 * names, abbreviations and aliases of all terms, with word boundaries, case rules and, where
 * two mentions overlap, the longest kept.
 * @example
 * const spotter = TermSpotter.build(terms);
 * spotter.spot('Ruby on Rails and Go, not Java'); // [{ start: 0, end: 13, text: 'Ruby on Rails', slug: 'ruby-on-rails' }, ...]
 */
export class TermSpotter {
  readonly stats: SpotterStats;
  private readonly patterns: TermPattern[];
  private readonly automaton: Automaton;
  private readonly endsInWord: Uint8Array;
  private readonly ringMask: number;
  private readonly pipelines: ReadonlyMap<string, string>;
  private readonly families: ReturnType<typeof familiesOf>;
  /** The slug of each form that always stands, folded: what a shared last word may complete. */
  private readonly plainForms: ReadonlyMap<string, string>;

  private constructor(
    patterns: TermPattern[],
    pipelines: ReadonlyMap<string, string>,
    families: ReturnType<typeof familiesOf>,
    automaton: Automaton,
    stats: SpotterStats,
  ) {
    this.patterns = patterns;
    this.pipelines = pipelines;
    this.families = families;
    this.plainForms = new Map(
      patterns.filter((p) => p.ambiguity === 'none' && !p.exact).map((p) => [p.folded, p.slug]),
    );
    this.automaton = automaton;
    this.stats = stats;
    const { kind } = charTables();
    this.endsInWord = Uint8Array.from(patterns, (p) =>
      kind[p.folded.charCodeAt(p.folded.length - 1)] === WORD ? 1 : 0,
    );
    const longest = automaton.lengths.reduce((max, n) => Math.max(max, n), 1);
    this.ringMask = 2 ** Math.ceil(Math.log2(longest + 1)) - 1;
  }

  /** Builds a spotter for a glossary; fast enough to rebuild whenever a term changes. */
  static build(terms: readonly Term[]): TermSpotter {
    return TermSpotter.fromPrepared(TermSpotter.prepare(terms));
  }

  /**
   * `build` in two halves of similar cost, the patterns and then the automaton, so that a
   * server rebuilding beside live requests can let them run in between.
   */
  static prepare(terms: readonly Term[]): PreparedGlossary {
    const began = performance.now();
    const patterns = termPatterns(terms);
    const pipelines = pipelineKinds(terms);
    const families = familiesOf(terms);
    return { terms: terms.length, patterns, pipelines, families, ms: performance.now() - began };
  }

  static fromPrepared({ terms, patterns, pipelines, families, ms }: PreparedGlossary): TermSpotter {
    const began = performance.now();
    const automaton = buildAutomaton(patterns.map((p) => p.folded));
    return new TermSpotter(patterns, pipelines, families, automaton, {
      terms,
      patterns: patterns.length,
      states: automaton.states,
      tableBytes: tableBytes(automaton),
      buildMs: ms + performance.now() - began,
    });
  }

  /**
   * Every mention of a term in `text`, in reading order, none overlapping another but the
   * platform a product's name carries, which shares the product's span. With
   * `names`, the text is a bare name or list of names ("Go", "Spring Boot"), not prose, so a
   * case-sensitive name needs no support from the words around it.
   */
  spot(text: string, options: { names?: boolean } = {}): TermHit[] {
    const spotting = this.read(text);
    // A bare name is one term: what prose implies beside it ("Jenkins pipelines") is not read.
    if (options.names) return spotting.candidates.map((c) => this.hitOf(text, c));
    return this.settle(spotting);
  }

  /**
   * The one pass over `text`: every candidate mention, overlaps settled, support not yet
   * weighed. A caller with evidence of its own reads the text once and settles it with each.
   */
  read(text: string): Spotting {
    const candidates = this.withoutOtherDefinitions(
      text,
      withoutOtherProducts(text, longestFirst(text, this.scan(text))),
    );
    return { text, candidates };
  }

  /**
   * The mentions of a read text that stand. A term in `vouched` stands wherever the text names
   * it: the caller knows more than the sentence does ("the risk register" in a project
   * manager's posting is the practice).
   */
  settle({ text, candidates }: Spotting, vouched?: ReadonlySet<string>): TermHit[] {
    const hits = settleSupport(text, candidates, (p) => this.patterns[p]!.slug, vouched).map((c) =>
      this.hitOf(text, c),
    );
    const kinds = withPipelineKinds(text, hits, this.pipelines);
    const shared = withSharedHeads(text, kinds, (folded) => this.plainForms.get(folded));
    return withFamilyNames(shared, this.families);
  }

  private hitOf(text: string, c: Candidate): TermHit {
    return {
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      slug: this.patterns[c.pattern]!.slug,
    };
  }

  /**
   * The candidates less each abbreviation the text defines as something else: "Senior
   * Executive Officer (SEO)" is not search engine optimisation. One it defines as the same term
   * ("Search Engine Optimisation (SEO)") stays, as the words before it are that term's hit.
   */
  private withoutOtherDefinitions(text: string, candidates: Candidate[]): Candidate[] {
    return candidates.filter((c) => {
      const from = definedAt(text, c.start, c.end);
      if (from === undefined) return true;
      const slug = this.patterns[c.pattern]!.slug;
      return candidates.some(
        (other) =>
          other !== c &&
          other.start >= from &&
          other.end < c.start &&
          this.patterns[other.pattern]!.slug === slug,
      );
    });
  }

  private scan(text: string): Candidate[] {
    const { kind } = charTables();
    const a = this.automaton;
    const { delta, denseWidth, symbolInside, symbolAtStart, firstOutput, nextOutput, outputLink } =
      a;
    const mask = this.ringMask;
    const ring = new Int32Array(mask + 1);
    const found: Candidate[] = [];
    let state = 0;
    let previous: number = SPACE_KIND;
    let k = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const kd = kind[c]!;
      let symbol: number;
      if (kd === SPACE_KIND) {
        if (previous === SPACE_KIND) continue;
        symbol = a.spaceSymbol;
      } else {
        symbol = kd === WORD && previous !== WORD ? symbolAtStart[c]! : symbolInside[c]!;
      }
      previous = kd;
      // The dense step inline: nearly every character of ordinary text takes it.
      state =
        symbol < denseWidth ? delta[state * denseWidth + symbol]! : rareStep(a, state, symbol);
      ring[k & mask] = i;
      k++;
      let t = firstOutput[state]! >= 0 ? state : outputLink[state]!;
      while (t >= 0) {
        for (let p = firstOutput[t]!; p >= 0; p = nextOutput[p]!) {
          const start = ring[(k - a.lengths[p]!) & mask]!;
          const candidate = this.check(text, p, start, i + 1);
          if (candidate) found.push(candidate);
        }
        t = outputLink[t]!;
      }
    }
    return found;
  }

  /** Applies the boundary, case and glue rules to one raw match. */
  private check(text: string, p: number, start: number, end: number): Candidate | undefined {
    const { kind } = charTables();
    const pattern = this.patterns[p]!;
    if (this.endsInWord[p]) {
      const after = text.charCodeAt(end);
      if (kind[after] === WORD || after === PLUS || after === HASH) return undefined;
    }
    const shouting = pattern.exact && !sameCase(text, start, end, pattern.caseKey);
    const plainWord = isOrdinaryWord(pattern.folded);
    const uncapitalised =
      shouting &&
      // "safe", "soaps": an abbreviation that spells a word is that word in small letters.
      (!plainWord || CAPITALISED_WORD.test(pattern.caseKey)) &&
      isUncapitalised(text, start, end, pattern.caseKey);
    const whispered = shouting && !uncapitalised && isWhispered(text, start, end, pattern.caseKey);
    if (
      shouting &&
      !uncapitalised &&
      !whispered &&
      !(pattern.caseKey.length > 1 && isShouted(text, start, end, pattern.caseKey))
    )
      return undefined;
    if (pattern.tight && isGlued(text, start, end, pattern.folded.length === 1)) return undefined;
    if (pipelineOfContents(pattern.folded, text, end)) return undefined;
    // "jest" typed by a writer who types no capitals is still the word as readily as the tool.
    const looseWord = uncapitalised && plainWord;
    const sentenceSupports =
      !whispered && ((shouting && !uncapitalised) || looseWord || pattern.ambiguity === 'context');
    const needsSupport =
      sentenceSupports ||
      pattern.ambiguity === 'always' ||
      (pattern.ambiguity === 'sentence-start' && opensSentence(text, start));
    const mayBeName = pattern.ambiguity !== 'none' && !pattern.written.includes(' ');
    return {
      start,
      end,
      pattern: p,
      exact: pattern.exact,
      needsSupport: needsSupport || whispered,
      sentenceSupports,
      mayBeName,
      directOnly: whispered,
      everyday:
        (pattern.ambiguity === 'context' && EVERYDAY.test(pattern.written)) ||
        // "chef experience", "a swift service": the name in small letters is the word.
        ((whispered || looseWord) && plainWord),
      everydayPlural: (whispered || looseWord) && isOrdinaryPlural(pattern.folded),
    };
  }
}

const sameCase = (text: string, start: number, end: number, key: string): boolean => {
  const { kind } = charTables();
  let j = 0;
  for (let x = start; x < end; x++) {
    const c = text.charCodeAt(x);
    if (kind[c] !== WORD) continue;
    if (c !== key.charCodeAt(j++)) return false;
  }
  return j === key.length;
};

/** How far either side to look for lower-case letters before calling a line shouted. */
const SHOUT_REACH = 120;

/**
 * True when a name written with small letters ("Excel", "Go") stands in capitals on a line
 * with no small letter in reach, as in "STRONG EXCEL AND SQL": the writer's capitals hide the
 * name's own, so it counts only with support.
 */
const isShouted = (text: string, start: number, end: number, key: string): boolean => {
  const first = text.charCodeAt(start);
  if (first >= 0x61 && first <= 0x7a) return false;
  if (!sameCase(text, start, end, key.toUpperCase())) return false;
  return !/\p{Ll}/u.test(lineAround(text, start, end));
};

/** The text of a mention's line within reach either side: where to read the writer's habit. */
const lineAround = (text: string, start: number, end: number): string => {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  return text.slice(
    Math.max(lineStart, start - SHOUT_REACH),
    Math.min(lineEnd < 0 ? text.length : lineEnd, end + SHOUT_REACH),
  );
};

/**
 * True when a name or abbreviation written with capitals ("AWS", "S3", "Prisma") stands in
 * small letters on a line with no capital in reach, as in typed notes ("bits on aws (lambda,
 * s3)"): the writer types no capitals, so their absence says nothing. Two letters without a
 * digit stay out: "it", "pm" and "am" are words in any hand.
 */
const isUncapitalised = (text: string, start: number, end: number, key: string): boolean =>
  (key.length > 2 || /\d/.test(key)) &&
  sameCase(text, start, end, key.toLowerCase()) &&
  !/\p{Lu}/u.test(lineAround(text, start, end));

/**
 * A form the glossary writes in small letters, as words are ("warehouse"), or all in
 * capitals, as every trade's own abbreviations are ("RTO", "EVM"): not a name.
 */
const EVERYDAY = /^(?:\p{Ll}|[^\p{Ll}]+$)/u;

/** A capitalised name of one word: Swift, Flutter, Go (not R, SAFe or Node.js). */
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}+$/u;

/**
 * True when a capitalised name stands in small letters, as in typed notes ("swift + swiftui,
 * go or rust"): the writer dropped the capitals, so the name counts only where a neighbour in
 * a list or a word such as "developer" vouches for it.
 */
const isWhispered = (text: string, start: number, end: number, key: string): boolean =>
  CAPITALISED_WORD.test(key) && sameCase(text, start, end, key.toLowerCase());

/** One letter alone across a slash, as in A/B or I/O (but not C/C++). */
const loneLetterAcross = (text: string, slash: number, step: 1 | -1): boolean => {
  const { kind } = charTables();
  const first = slash + step;
  if (kind[text.charCodeAt(first)] !== WORD) return false;
  const beyond = text.charCodeAt(first + step);
  if (kind[beyond] === WORD) return false;
  return step === -1 || (beyond !== PLUS && beyond !== HASH);
};

const isGlued = (text: string, start: number, end: number, loneLetter: boolean): boolean => {
  const { kind } = charTables();
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  if (GLUE.has(before) && kind[text.charCodeAt(start - 2)] === WORD) return true;
  if (GLUE.has(after) && kind[text.charCodeAt(end + 1)] === WORD) return true;
  if (!loneLetter) return false;
  if (before === SLASH && loneLetterAcross(text, start - 1, -1)) return true;
  return after === SLASH && loneLetterAcross(text, end, 1);
};

/**
 * Settles overlaps: of mentions that overlap, the reading that accounts for the most of the
 * text stands. A name inside a longer one gives way to it (Ruby on Rails over Ruby and Rails);
 * two that cross keep the pair that covers more ("Power BI dashboards": Power BI and dashboards
 * over BI dashboards). Ties go to fewer, longer mentions, then to exact-case forms. A name
 * written as a proper name, every word capitalised, is never cut short to let the next one
 * start inside it: "React Native app" is React Native, not React and a native app. Lower-case
 * words stay a phrase to split ("streaming data pipelines": streaming, then data pipelines).
 */
const longestFirst = (text: string, candidates: Candidate[]): Candidate[] => {
  const sorted = [...candidates].sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: Candidate[] = [];
  let i = 0;
  while (i < sorted.length) {
    let reach = sorted[i]!.end;
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.start < reach) reach = Math.max(reach, sorted[j++]!.end);
    const group = sorted.slice(i, j);
    if (group.length === 1) kept.push(group[0]!);
    else kept.push(...settleGroup(group.filter((c) => !cutShort(text, c, group))));
    i = j;
  }
  return kept;
};

const PROPER_NAME = /^\p{Lu}\S*(?:\s+\p{Lu}\S*)+$/u;

/** Whether a longer proper name opens where `c` does, so `c` is only the start of that name. */
const cutShort = (text: string, c: Candidate, group: readonly Candidate[]): boolean =>
  group.some(
    (other) =>
      other.start === c.start &&
      other.end > c.end &&
      PROPER_NAME.test(text.slice(other.start, other.end)),
  );

interface Reading {
  covered: number;
  mentions: number;
  exact: number;
  /** The mention this reading ends with (an index into the group), or -1 for none. */
  last: number;
  /** The reading before that mention, by how many mentions of the group it may use. */
  before: number;
}

const better = (x: Reading, y: Reading): boolean =>
  x.covered !== y.covered
    ? x.covered > y.covered
    : x.mentions !== y.mentions
      ? x.mentions < y.mentions
      : x.exact > y.exact;

/** How many of `byEnd` (sorted by end) end at or before `at`. */
const endingBy = (byEnd: readonly Candidate[], at: number, below: number): number => {
  let [low, high] = [0, below];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (byEnd[mid]!.end <= at) low = mid + 1;
    else high = mid;
  }
  return low;
};

/** The best set of mentions that do not overlap, by weighted interval scheduling. */
const settleGroup = (group: Candidate[]): Candidate[] => {
  const byEnd = [...group].sort((x, y) => x.end - y.end || x.start - y.start);
  // best[k]: the best reading that uses only the first k mentions by end.
  const best: Reading[] = [{ covered: 0, mentions: 0, exact: 0, last: -1, before: 0 }];
  for (const [k, c] of byEnd.entries()) {
    const before = endingBy(byEnd, c.start, k);
    const base = best[before]!;
    const taken: Reading = {
      covered: base.covered + c.end - c.start,
      mentions: base.mentions + 1,
      exact: base.exact + Number(c.exact),
      last: k,
      before,
    };
    const skipped = best[k]!;
    best.push(better(taken, skipped) ? taken : skipped);
  }
  const chosen: Candidate[] = [];
  for (let r = best.at(-1)!; r.last >= 0; r = best[r.before]!) chosen.push(byEnd[r.last]!);
  return chosen.reverse();
};

/**
 * The first mention of each term, in reading order: what a rendered guide links.
 * @example firstMentions(spotter.spot('API, API and REST')).map((h) => h.text) // ['API', 'REST']
 */
export const firstMentions = (hits: readonly TermHit[]): TermHit[] => {
  const seen = new Set<string>();
  return hits.filter((h) => !seen.has(h.slug) && seen.add(h.slug));
};
