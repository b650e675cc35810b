/** A mention whose span is settled but whose meaning may still need its neighbours. */
export interface SpanToSettle {
  start: number;
  end: number;
  pattern: number;
  needsSupport: boolean;
  /** Another term in the same sentence vouches for it ("monitoring with Prometheus"). */
  sentenceSupports: boolean;
}

const BULLETS = new Set([' ', '\t', '-', '*', '•', '·', '‣', '◦', '▪', '–', '—', '>', '#', '+']);
const ENDS_SENTENCE = new Set(['\n', '\r', '.', '!', '?', ':', ';']);

/** Words after a name that show it is the technology: "Go developer", "R programming". */
const techAfter = new Set(
  `developer developers development engineer engineers engineering programming programmer
  programmers language languages code coding codebase codebases experience expertise knowledge
  proficiency skills skill services service microservices backend backends stack runtime module
  modules library libraries framework frameworks script scripts scripting app apps application
  applications sdk compiler toolchain ecosystem projects project based`.split(/\s+/),
);

/** Words before a name that show it is the technology: "written in R", "embedded C". */
const techBefore = new Set(
  `in with using written embedded ansi modern idiomatic strong solid proficient fluent expert
  experienced know knowledge`.split(/\s+/),
);

/** Where one sentence ends and the next begins, for support from a term in the same sentence. */
const SENTENCE_BREAK = /[\n!?;]|\.\s/;

/** How far either side to look for a term in the same sentence. */
const MAX_SENTENCE_REACH = 300;

/** Longer gaps are prose, not a list separator (and are never handed to the pattern). */
const MAX_LIST_GAP = 40;

/** Between two items of a list: a separator or a line break, maybe "and" or "or". */
const LIST_GAP =
  /^[^\S\n]*(?:[,;/|&+•·]|\n)[\s,;/|&()+*·•\-–—]*(?:(?:and|or|and\/or|plus|as well as)\s)?\s*$|^\s*(?:,\s*)?(?:and|or|and\/or|plus|as well as|&)\s+$/i;

/** True when the character before `start`, past spaces and list bullets, ends a sentence or a line. */
export const opensSentence = (text: string, start: number): boolean => {
  let j = start - 1;
  while (j >= 0 && BULLETS.has(text[j]!)) j--;
  return j < 0 || ENDS_SENTENCE.has(text[j]!);
};

const nextWord = (text: string, end: number): string =>
  /^[\s,:()'"*]*(\p{L}+)/u.exec(text.slice(end, end + 40))?.[1]?.toLowerCase() ?? '';

const previousWord = (text: string, start: number): string =>
  /(\p{L}+)[\s,:()'"*]*$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1]?.toLowerCase() ??
  '';

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
): T[] => {
  const listGap = (from: number, to: number) =>
    to - from <= MAX_LIST_GAP && LIST_GAP.test(text.slice(from, to));
  const sameSentence = (i: number, step: 1 | -1): boolean => {
    const span = spans[i]!;
    for (let j = i + step; j >= 0 && j < spans.length; j += step) {
      const other = spans[j]!;
      const [from, to] = step === 1 ? [span.end, other.start] : [other.end, span.start];
      if (to - from > MAX_SENTENCE_REACH || SENTENCE_BREAK.test(text.slice(from, to))) return false;
      if (!other.needsSupport) return true;
    }
    return false;
  };
  const vouched = (span: T, i: number): boolean => {
    const before = spans[i - 1];
    const after = spans[i + 1];
    if (before && listGap(before.end, span.start)) return true;
    if (after && listGap(span.end, after.start)) return true;
    if (span.sentenceSupports && (sameSentence(i, -1) || sameSentence(i, 1))) return true;
    return (
      techAfter.has(nextWord(text, span.end)) || techBefore.has(previousWord(text, span.start))
    );
  };
  const local = spans.map((span, i) => !span.needsSupport || vouched(span, i));
  const standing = new Set(spans.filter((_, i) => local[i]).map((s) => slugOf(s.pattern)));
  return spans.filter((span, i) => local[i] || standing.has(slugOf(span.pattern)));
};
