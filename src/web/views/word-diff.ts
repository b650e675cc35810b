import { diffWords } from 'diff';

/** A run of a line rewritten: words both sides keep, words it lost, words it gained. */
export interface WordRun {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Words of unchanged text kept either side of a change; the middle of a longer run is elided. */
const CONTEXT_WORDS = 8;
const ELISION = '…';

const wordsIn = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/**
 * A long unchanged run cut to the words next to the changes around it, so a one-sentence edit
 * of a long paragraph reads as that sentence rather than the whole paragraph again.
 */
const shortened = (text: string, first: boolean, last: boolean): string => {
  const keptBefore = first ? 0 : CONTEXT_WORDS;
  const keptAfter = last ? 0 : CONTEXT_WORDS;
  const words = [...text.matchAll(/\S+/g)];
  if (words.length <= keptBefore + keptAfter + 1) return text;
  const headEnd =
    keptBefore === 0 ? 0 : words[keptBefore - 1]!.index + words[keptBefore - 1]![0].length;
  const tailStart = keptAfter === 0 ? text.length : words[words.length - keptAfter]!.index;
  const head = keptBefore === 0 ? text.slice(0, words[0]!.index) : text.slice(0, headEnd) + ' ';
  const tail =
    keptAfter === 0
      ? text.slice(words.at(-1)!.index + words.at(-1)![0].length)
      : ' ' + text.slice(tailStart);
  return `${head}${ELISION}${tail}`;
};

/**
 * How `after` rewrites `before`, word by word, or undefined when the two share less than half of
 * their words: a line replaced by another is clearer as the two whole lines.
 * @example wordRuns('Owns the API.', 'Owns the public API.')
 *   // [{ kind: 'same', text: 'Owns the ' }, { kind: 'added', text: 'public ' }, ...]
 */
export const wordRuns = (before: string, after: string): WordRun[] | undefined => {
  const changes = diffWords(before, after);
  const kept = changes
    .filter((c) => !c.added && !c.removed)
    .reduce((sum, c) => sum + wordsIn(c.value), 0);
  if (kept * 2 < Math.max(wordsIn(before), wordsIn(after))) return undefined;
  return changes.map((c, i): WordRun => {
    if (c.added) return { kind: 'added', text: c.value };
    if (c.removed) return { kind: 'removed', text: c.value };
    return { kind: 'same', text: shortened(c.value, i === 0, i === changes.length - 1) };
  });
};
