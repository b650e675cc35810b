import { formMatchesCase, type Term } from '../domain/index.js';
import { isOrdinaryWord, ordinaryWords } from './ordinary-words.js';
import { foldText } from './text-chars.js';

/**
 * How much a match of this pattern needs the words around it before we believe it:
 * `none` always stands; `sentence-start` needs support when it opens a sentence ("Go to our
 * site"); `always` needs support anywhere (single letters: "R", "C"); `context` needs support
 * anywhere, and another term in the same sentence gives it (forms a term marks as needing
 * context: "RTO", also return to office; "monitoring", also a patient's).
 */
export type PatternAmbiguity = 'none' | 'sentence-start' | 'always' | 'context';

/** One written form of one term, ready for the automaton. */
export interface TermPattern {
  slug: string;
  /** The form as written in the glossary, spaces collapsed. */
  written: string;
  /** The form the automaton matches: folded case, accents and dashes. */
  folded: string;
  /** Matches only when the letters and digits have exactly the written case. */
  exact: boolean;
  /** Letters and digits of `written`, in order: what an exact match must reproduce. */
  caseKey: string;
  ambiguity: PatternAmbiguity;
  /** Short forms glued to a neighbour by `&`, `-`, `.` or a one-letter `/` are not this term (R&D, C-level, A/B). */
  tight: boolean;
}

const letters = (s: string) => s.match(/\p{L}/gu)?.length ?? 0;
const caseKeyOf = (s: string) => s.replace(/[^\p{L}\p{N}_]/gu, '');
const isAllCaps = (s: string) => /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
const isTitleWord = (s: string) => /^\p{Lu}\p{Ll}+$/u.test(s);
const endsWithLetter = (s: string) => /\p{L}$/u.test(s);

type Source = 'name' | 'abbreviation' | 'alias';

const isExact = (term: Term, written: string, source: Source): boolean => {
  if (formMatchesCase(term.caseSensitive, written, source)) return true;
  // "REST", "reST": capitals inside an everyday word are what tell it from the word.
  return /\p{L}\p{Lu}/u.test(written) && ordinaryWords.has(written.toLowerCase());
};

const ambiguityOf = (term: Term, written: string, source: Source): PatternAmbiguity => {
  if (term.needsContext?.includes(written)) return 'context';
  if (/^\p{L}$/u.test(written)) return 'always';
  if (!term.caseSensitive || !isTitleWord(written)) return 'none';
  return source === 'name' || isOrdinaryWord(written.toLowerCase()) ? 'sentence-start' : 'none';
};

/**
 * A preposition and one word name a state ("on call", "on-call"), not a thing: their plural
 * would be other words ("bring you on calls" with customers). "In-depth interview" has a noun.
 */
const PREPOSITION_AND_WORD = /^(?:on|in|at|off|by|under|over)[\s-]\p{L}+$/iu;

/** Plural forms of a word-final noun: APIs, databases, libraries, classes. */
const plurals = (written: string): string[] => {
  if (isAllCaps(written)) return [`${written}s`];
  const lower = written.toLowerCase();
  if (/(s|x|z|ch|sh)$/.test(lower)) return [`${written}es`];
  if (/[^aeiou]y$/.test(lower)) return [`${written.slice(0, -1)}ies`, `${written}s`];
  return [`${written}s`];
};

const pattern = (term: Term, written: string, source: Source): TermPattern => ({
  slug: term.slug,
  written,
  folded: foldText(written),
  exact: isExact(term, written, source),
  caseKey: caseKeyOf(written),
  ambiguity: ambiguityOf(term, written, source),
  tight: letters(written) <= 2 && caseKeyOf(written).length <= 2,
});

/**
 * Every form of every term the spotter looks for: name, abbreviations, aliases and their
 * plurals, each with the case rule and ambiguity that applies to it.
 * @example termPatterns([go]).map((p) => p.written) // ['Go', 'Golang', 'Go language']
 */
export const termPatterns = (terms: readonly Term[]): TermPattern[] => {
  const out: TermPattern[] = [];
  for (const term of terms) {
    const byFold = new Map<string, TermPattern[]>();
    const add = (p: TermPattern) => {
      if (!p.folded) return;
      const same = byFold.get(p.folded) ?? [];
      // A form written twice keeps its most permissive case rule.
      if (same.some((q) => !q.exact || (p.exact && q.caseKey === p.caseKey))) return;
      byFold.set(p.folded, p.exact ? [...same, p] : [p]);
    };
    const forms: [string, Source][] = [
      [term.name, 'name'],
      ...term.abbreviations.map((a): [string, Source] => [a, 'abbreviation']),
      ...term.aliases.map((a): [string, Source] => [a, 'alias']),
    ];
    const bases = forms
      .map(([raw, source]): [string, Source] => [raw.trim().replace(/\s+/g, ' '), source])
      .filter(([written]) => written)
      .map(([written, source]) => ({ written, source, base: pattern(term, written, source) }));
    // A plural the glossary writes out keeps its own rules: "one-on-ones" are meetings even
    // where a bare "one-on-one" needs context.
    const writtenOut = (p: TermPattern) =>
      bases.some(
        ({ base }) => base.folded === p.folded && (!base.exact || base.caseKey === p.caseKey),
      );
    for (const { written, source, base } of bases) {
      add(base);
      const pluralizable =
        endsWithLetter(written) &&
        !PREPOSITION_AND_WORD.test(written) &&
        (base.ambiguity === 'none' || term.needsContext?.includes(written)) &&
        (base.exact ? isAllCaps(written) && letters(written) >= 2 : letters(written) >= 3);
      if (!pluralizable) continue;
      for (const form of plurals(written)) {
        const plural = {
          ...pattern(term, form, source),
          exact: base.exact,
          ambiguity: base.ambiguity,
        };
        if (!writtenOut(plural)) add(plural);
      }
    }
    for (const same of byFold.values()) out.push(...same);
  }
  return out;
};
