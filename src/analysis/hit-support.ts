/** A mention whose span is settled but whose meaning may still need its neighbours. */
export interface SpanToSettle {
  start: number;
  end: number;
  pattern: number;
  needsSupport: boolean;
  /** Another term in the same sentence vouches for it ("monitoring with Prometheus"). */
  sentenceSupports: boolean;
  /** A one-word ambiguous form that people and places are also called: Ruby, Jenkins, Swift. */
  mayBeName: boolean;
  /** Counts only with support beside it, never from the sentence or elsewhere in the text. */
  directOnly: boolean;
  /**
   * An everyday word or a trade's abbreviation the glossary also uses ("warehouse",
   * "one-to-one", "RTO"): a preposition or a word such as "experience" beside it says nothing
   * of its sense.
   */
  everyday: boolean;
  /**
   * A name in small letters that is also an everyday plural ("teams"): closing a phrase ("all
   * teams", "across product teams") it is the everyday noun, whatever list follows.
   */
  everydayPlural: boolean;
}

const BULLETS = new Set([' ', '\t', '-', '*', '•', '·', '‣', '◦', '▪', '–', '—', '>', '#', '+']);
// A bar ends a cell of a table or an item of a site's menu ("Our story | Teams | Benefits").
const ENDS_SENTENCE = new Set(['\n', '\r', '.', '!', '?', ':', ';', '|']);

/** Words after a name that show it is the technology: "Go developer", "R programming". */
const techAfter = new Set(
  `developer developers development engineer engineers engineering programming programmer
  programmers language languages code coding codebase codebases experience expertise knowledge
  proficiency skills skill services service microservices backend backends stack runtime module
  modules library libraries framework frameworks script scripts scripting app apps application
  applications sdk compiler toolchain ecosystem projects project based topics topic consumers
  producers cluster clusters connectors images containers playbooks pipelines pipeline principles
  practices ceremonies methodology methodologies environment transformation`.split(/\s+/),
);

/**
 * The words of `techAfter` that follow any skill, place of work or material as readily as a
 * technology: "warehouse experience", "monitoring skills", "scaling projects", "metal
 * frameworks".
 */
const anyWorkAfter = new Set(
  `experience expertise knowledge proficiency skills skill services service projects project
  based topics topic principles practices methodology methodologies environment
  transformation framework frameworks`.split(/\s+/),
);

/**
 * Words before a name that show it is the technology: "written in R", "embedded C", and a
 * vendor's certificate ("Microsoft Certified: Azure Administrator Associate").
 */
const techBefore = new Set(
  `in with use uses used using written embedded ansi modern idiomatic proficient fluent
  expert experienced know knowledge certified`.split(/\s+/),
);

/**
 * Words after a form that put it on a shop floor or a ward: "warehouse staff", "monitoring
 * shifts". Its sentence then says nothing about technology, though a list neighbour still may.
 */
const peopleAfter = new Set(
  `staff worker workers operative operatives associates colleagues employees shift shifts
  floor pickers packers drivers nurses carers residents patients`.split(/\s+/),
);

/**
 * Words after an everyday word or a trade's abbreviation that make it a job or a mark on a
 * report: "a CSM role", "the warehouse manager", "RAG status". Its sentence then names a post
 * or a report, whatever technology stands in it.
 */
const businessAfter = new Set(
  `role roles position positions job jobs post posts vacancy vacancies manager managers
  hire hires status statuses rating ratings`.split(/\s+/),
);

/** Words that put a name before a person: "Mr Jenkins", "Dr Jekyll". */
const honorifics = new Set(
  `mr mrs ms miss mx dr doctor prof professor sir dame lady lord aunt uncle saint st captain
  rev nurse sister brother father mother`.split(/\s+/),
);

/** Capitalised words that continue a product's name rather than a person's: "Docker Hub". */
const productWords = new Set(
  `hub swarm compose connect streams stream engine cloud enterprise tower platform server studio
  desktop charts chart modules module package packages pipeline pipelines core sdk cli api apis
  framework language runtime console registry operator agent automation mllib ui foundation`.split(
    /\s+/,
  ),
);

const TITLE_WORD = /^\p{Lu}\p{Ll}+$/u;
const CAPITALS = /^\p{Lu}{2,}$/u;
const CAPITAL = /\p{Lu}/u;

/**
 * Business software and business measures that nurses, shop staff, recruiters and warehouse
 * leads name as readily as engineers: beside Excel, Workday, KPIs or ROI, "monitoring",
 * "headcount" or "CSM" keep their everyday sense, so these vouch for no other term in their
 * sentence.
 */
const everydayTerms = new Set([
  'excel',
  'microsoft-365',
  'microsoft-teams',
  'sharepoint',
  'slack',
  'windows',
  'macos',
  'workday',
  'salesforce',
  'hubspot',
  'zendesk',
  'sap',
  'dynamics-365',
  'netsuite',
  'crm',
  'erp',
  'kpi',
  'okr',
  'roi',
  'net-promoter-score',
  'line-management',
  'performance-review',
  'stakeholder-management',
  'gdpr',
  'b2b',
  'b2c',
  'arr',
  'mrr',
  'cac',
  'churn-rate',
  'customer-lifetime-value',
  'ote',
  'conversion-rate',
]);

/**
 * Phrases before a name that show it is the technology: "exposure to Docker", or a posting's
 * label for what it asks ("Nice to have: Python").
 */
const techPhraseBefore =
  /(?:exposure to|knowledge of|experience of|familiarity with|familiar with|proficiency in|background in|skills in|expertise in|(?:nice|good)[- ]to[- ]have|bonus)[\s,:()'"*]*$/i;

/**
 * Phrases after a name that weigh it as a skill a posting asks for: "Python nice to have",
 * "Rust a plus", "Go is a bonus". Only a skill is rated so; a snake or a poet is not.
 */
const skillWeighedAfter =
  /^[\s,:()'"*-]*(?:(?:is|would be|will be)\s+)?(?:(?:a|an)\s+)?(?:(?:big|real|strong|definite)\s+)?(?:(?:nice|good)[- ]to[- ]have|plus|bonus|advantage)\b/i;

/** Where one sentence ends and the next begins, for support from a term in the same sentence. */
const SENTENCE_BREAK = /[\n!?;]|\.\s/;

/** How far either side to look for a term in the same sentence. */
const MAX_SENTENCE_REACH = 300;

/** Longer gaps are prose, not a list separator (and are never handed to the pattern). */
const MAX_LIST_GAP = 40;

/**
 * Between two items of a list: a separator or a line break, maybe "and" or "or". An opening
 * bracket is one too: "Python (pandas)" names a tool of the language it follows. Markdown's
 * emphasis marks around either item ("**Python** (**pandas**)") are no part of the gap.
 */
const LIST_GAP =
  /^(?:[^\S\n]|[*_])*(?:[,;/|&+•·(]|\n)[\s,;/|&()+*_·•\-–—]*(?:(?:and|or|and\/or|plus|as well as)\s)?[\s*_]*$|^[\s*_]*(?:,\s*)?(?:and|or|and\/or|plus|as well as|&)[\s*_]+$/i;

/** What opens a pair of alternatives ("both", "either") and what joins its two items. */
const CORRELATIVE_OPENING = /\b(?:both|either)\s+$/i;
const CORRELATIVE_GAP = /^\s+(?:and|or)\s+$/i;

/** True when the character before `start`, past spaces and list bullets, ends a sentence or a line. */
export const opensSentence = (text: string, start: number): boolean => {
  let j = start - 1;
  while (j >= 0 && BULLETS.has(text[j]!)) j--;
  if (j < 0) return true;
  return ENDS_SENTENCE.has(text[j]!) && !(text[j] === '\n' && wrapsLine(text, j, start));
};

/**
 * True when a line break falls inside a sentence, as in text pasted from a PDF: the line before
 * ends in a word in small letters or a comma, and the next opens with no bullet.
 */
const wrapsLine = (text: string, lineBreak: number, start: number): boolean =>
  /^[ \t]*$/.test(text.slice(lineBreak + 1, start)) &&
  /[\p{Ll},][ \t\r]*$/u.test(text.slice(Math.max(0, lineBreak - 4), lineBreak));

/** True when a word other than "and" or "or" runs into `start` on its line: "all teams". */
const closesPhrase = (text: string, start: number): boolean => {
  const before = /(\p{L}+)[^\S\n]+$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  return before !== undefined && !/^(?:and|or)$/i.test(before);
};

const nextWord = (text: string, end: number): string =>
  /^[\s,:()'"*]*(\p{L}+)/u.exec(text.slice(end, end + 40))?.[1]?.toLowerCase() ?? '';

const previousWord = (text: string, start: number): string =>
  /(\p{L}+)[\s,:()'"*]*$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1]?.toLowerCase() ??
  '';

/**
 * True when a capitalised name reads as part of a person's or a place's name: after a title
 * ("Mr Jenkins"), or beside another capitalised word that is no term ("Taylor Swift", "Ruby
 * Okafor", "Unity Hall").
 */
const readsAsName = (text: string, span: SpanToSettle, isTermAt: (at: number) => boolean) => {
  const written = text.slice(span.start, span.end);
  const after = /^ (\p{L}+)/u.exec(text.slice(span.end, span.end + 40));
  const next = after?.[1] ?? '';
  const nameFollows =
    TITLE_WORD.test(next) && !productWords.has(next.toLowerCase()) && !isTermAt(span.end + 1);
  // Capitals before a capitalised word name a place or a body: "ETH Zurich", "RN Smith".
  if (CAPITALS.test(written)) return nameFollows;
  if (!TITLE_WORD.test(written)) return false;
  const before = /(\p{L}+)\.? $/u.exec(text.slice(Math.max(0, span.start - 40), span.start));
  const previous = before?.[1] ?? '';
  if (honorifics.has(previous.toLowerCase())) return true;
  const previousAt = span.start - (before?.[0].length ?? 0);
  // Right after another term's name it continues that name: "Kubernetes Node".
  if (before?.[0] === `${previous} ` && isTermAt(previousAt)) return true;
  // A capital that only opens its sentence ("Run Backstage") says nothing about the next word.
  if (TITLE_WORD.test(previous) && !isTermAt(previousAt) && !opensSentence(text, previousAt))
    return true;
  return nameFollows;
};

/**
 * Keeps an ambiguous mention only when something vouches for it: a neighbouring term in a
 * list ("Python, R and SQL"), a word that marks technology ("Go developer", "written in C"),
 * for a form that allows it a term standing in the same sentence ("monitoring with
 * Prometheus"), or the same term vouched for elsewhere in the text.
 */
export const settleSupport = <T extends SpanToSettle>(
  text: string,
  spans: readonly T[],
  slugOf: (pattern: number) => string,
  vouched: ReadonlySet<string> = new Set(),
): T[] => {
  const listGap = (from: number, to: number) =>
    to - from <= MAX_LIST_GAP && LIST_GAP.test(text.slice(from, to));
  /** True when a span that `stands` shares the sentence of span `i`, looking one way. */
  const sameSentence = (i: number, step: 1 | -1, stands: (j: number) => boolean): boolean => {
    const span = spans[i]!;
    for (let j = i + step; j >= 0 && j < spans.length; j += step) {
      const other = spans[j]!;
      const [from, to] = step === 1 ? [span.end, other.start] : [other.end, span.start];
      if (to - from > MAX_SENTENCE_REACH || SENTENCE_BREAK.test(text.slice(from, to))) return false;
      if (stands(j) && !everydayTerms.has(slugOf(other.pattern))) return true;
    }
    return false;
  };
  const isTermAt = (at: number) => {
    let [low, high] = [0, spans.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (spans[mid]!.end <= at) low = mid + 1;
      else high = mid;
    }
    return low < spans.length && spans[low]!.start <= at;
  };
  const inSmallLetters = (span: T) => !CAPITAL.test(text.slice(span.start, span.end));
  /**
   * True when a list neighbour vouches for a span. A list of one term's forms ("containers,
   * container tags") or of words in small letters that each need support ("documentation and
   * monitoring", "metal and flux") is a list of everyday things as readily as of technology;
   * abbreviations and names ("RTO and RPO", "Jenkins (Docker)") still vouch for each other.
   */
  const vouchesInList = (span: T, other: T | undefined): other is T =>
    other !== undefined &&
    slugOf(other.pattern) !== slugOf(span.pattern) &&
    !(other.needsSupport && inSmallLetters(other) && inSmallLetters(span));
  /**
   * True when two spans stand as "both X and Y" or "either X or Y": the writer offers them as
   * two of one kind, so each vouches for the other even in small letters ("both waterfall and
   * agile"). Everyday words and names in small letters stay out: "both metal and flux".
   */
  const paired = (first: T, second: T): boolean =>
    [first, second].every((s) => !s.directOnly && !s.everyday) &&
    slugOf(first.pattern) !== slugOf(second.pattern) &&
    CORRELATIVE_GAP.test(text.slice(first.end, second.start)) &&
    CORRELATIVE_OPENING.test(text.slice(Math.max(0, first.start - 8), first.start));
  const beside = (span: T, i: number): boolean => {
    if (span.everydayPlural && closesPhrase(text, span.start)) return false;
    const before = spans[i - 1];
    const after = spans[i + 1];
    if (vouchesInList(span, before) && listGap(before.end, span.start)) return true;
    if (vouchesInList(span, after) && listGap(span.end, after.start)) return true;
    if (before !== undefined && paired(before, span)) return true;
    if (after !== undefined && paired(span, after)) return true;
    const word = nextWord(text, span.end);
    if (span.everyday) return techAfter.has(word) && !anyWorkAfter.has(word);
    return (
      techAfter.has(word) ||
      // "in spring", "with rust": a name in small letters needs more than a preposition.
      (!span.directOnly && techBefore.has(previousWord(text, span.start))) ||
      techPhraseBefore.test(text.slice(Math.max(0, span.start - 40), span.start)) ||
      skillWeighedAfter.test(text.slice(span.end, span.end + 40))
    );
  };
  const direct = spans.map((span, i) => (span.needsSupport || span.mayBeName) && beside(span, i));
  const named = spans.map(
    (span, i) => span.mayBeName && !direct[i] && readsAsName(text, span, isTermAt),
  );
  // Two rounds: a term that stands only because it is vouched for elsewhere in the text
  // ("tune the Kafka consumers") can then vouch for its sentence ("Kafka into the warehouse").
  const settle = (stands: (j: number) => boolean) => {
    const local = spans.map(
      (span, i) =>
        !named[i] &&
        (!span.needsSupport ||
          direct[i] ||
          (span.sentenceSupports &&
            !peopleAfter.has(nextWord(text, span.end)) &&
            !(span.everyday && businessAfter.has(nextWord(text, span.end))) &&
            (sameSentence(i, -1, stands) || sameSentence(i, 1, stands)))),
    );
    const standing = new Set(spans.filter((_, i) => local[i]).map((s) => slugOf(s.pattern)));
    return spans.map(
      (span, i) =>
        local[i] ||
        (!named[i] &&
          !span.directOnly &&
          (standing.has(slugOf(span.pattern)) || vouched.has(slugOf(span.pattern)))),
    );
  };
  const first = settle((j) => (!spans[j]!.needsSupport || direct[j]!) && !named[j]);
  if (!spans.some((span, i) => span.sentenceSupports && !first[i])) {
    return spans.filter((_, i) => first[i]);
  }
  const kept = settle((j) => first[j]!);
  return spans.filter((_, i) => kept[i]);
};
