import { isOrdinaryWord } from './ordinary-words.js';
import type { TextView } from './text-view.types.js';

/** The words a posting's broken lines are told apart with. */
export interface KnownWords {
  /** Words in lower case: "kubernetes", "phishing". */
  vocabulary: ReadonlySet<string>;
  /** Two words a hyphen joins, in lower case: "on-call". */
  compounds: ReadonlySet<string>;
}

const SOFT_HYPHEN = '\u00ad';

/**
 * A hyphen ending a line, spaces around the break allowed, before a word in small letters.
 * Every repetition is bounded, so a long run of dashes or spaces costs no more than text.
 */
const LINE_END_HYPHEN = /[-\u2010\u00ad][ \t]{0,20}\r?\n[ \t]{0,20}(?=\p{Ll})/gu;
const LETTER = /\p{L}/u;
/** Longer than any word a line break falls in. */
const LONGEST_PART = 64;

const lettersBefore = (text: string, end: number): string => {
  let start = end;
  while (start > 0 && end - start < LONGEST_PART && LETTER.test(text[start - 1]!)) start--;
  return text.slice(start, end);
};

const lettersFrom = (text: string, start: number): string => {
  let end = start;
  while (end < text.length && end - start < LONGEST_PART && LETTER.test(text[end]!)) end++;
  return text.slice(start, end);
};

/**
 * True when a word broken at a line end reads whole: a soft hyphen only ever marks where a
 * word may break, and a hyphen is read as one when the joined word is known and the
 * hyphenated pair is not ("Kuber-" "netes", but "on-" "call").
 */
const isBroken = (hyphen: string, head: string, tail: string, known: KnownWords): boolean => {
  if (hyphen === SOFT_HYPHEN) return true;
  const joined = `${head}${tail}`.toLowerCase();
  if (!known.vocabulary.has(joined) && !isOrdinaryWord(joined)) return false;
  return !known.compounds.has(`${head}-${tail}`.toLowerCase());
};

/**
 * The text of a view with the words a line break split joined up again ("Kuber-\nnetes" reads
 * "Kubernetes"), as text copied from a PDF breaks them; every character still maps back to
 * where it was written, so a mention's offsets cover the broken word in the input.
 * @example joinBrokenWords(textView('Kuber-\nnetes'), known).text === 'Kubernetes'
 */
export const joinBrokenWords = (view: TextView, known: KnownWords): TextView => {
  const { text } = view;
  const parts: string[] = [];
  // Where each cut ends in the joined text, and how much of the view was cut up to there.
  const at: number[] = [];
  const cut: number[] = [];
  let copied = 0;
  let removed = 0;
  for (const match of text.matchAll(LINE_END_HYPHEN)) {
    const start = match.index;
    const end = start + match[0].length;
    const head = lettersBefore(text, start);
    if (head === '' || !isBroken(match[0][0]!, head, lettersFrom(text, end), known)) continue;
    parts.push(text.slice(copied, start));
    copied = end;
    removed += end - start;
    at.push(end - removed);
    cut.push(removed);
  }
  if (at.length === 0) return view;
  parts.push(text.slice(copied));
  const inView = (index: number): number => {
    let low = 0;
    let high = at.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (at[middle]! <= index) low = middle + 1;
      else high = middle;
    }
    return index + (low > 0 ? cut[low - 1]! : 0);
  };
  return {
    text: parts.join(''),
    toOriginal: (start, end) =>
      view.toOriginal(inView(start), end > start ? inView(end - 1) + 1 : inView(start)),
  };
};
