import { negatedSpans, type FeatureSource } from './features.js';
import { isStopword, words } from './words.js';

interface Span {
  start: number;
  end: number;
}

const inside = (t: Span, spans: readonly Span[]) =>
  spans.some((s) => t.start >= s.start && t.end <= s.end);

/**
 * How much of a problem the evidence for a role accounts for, 0-1: its content words weighed by
 * how rare they are in the guides, and a word no guide uses weighing as the rarest. A real
 * technology problem is mostly made of what the evidence matched ("the site crashes when people
 * log in"); an ask for other work that happens to share one word with a sign ("a medical
 * secretary who types quickly") leaves most of its words, often words no guide has, unexplained.
 * Who is asking ("my client needs") and what is turned down do not count either way.
 */
export const explainedShare = (
  text: string,
  sources: readonly FeatureSource[],
  covered: ReadonlySet<string>,
  extraSpans: readonly Span[],
  idf: ReadonlyMap<string, number>,
): number => {
  const context = [...sources.filter((s) => s.feature === 'c:speaker'), ...negatedSpans(text)];
  const explained = [...sources.filter((s) => covered.has(s.feature)), ...extraSpans];
  let rarest = 0;
  for (const w of idf.values()) rarest = Math.max(rarest, w);
  let total = 0;
  let got = 0;
  for (const t of words(text)) {
    if (isStopword(t.word) || t.word.length < 2 || /^\d+$/.test(t.word)) continue;
    if (inside(t, context)) continue;
    const weight = idf.get(`w:${t.stem}`) ?? rarest;
    if (weight <= 0) continue;
    total += weight;
    if (inside(t, explained)) got += weight;
  }
  return total > 0 ? got / total : 0;
};
