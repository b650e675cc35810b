import type { LinkedText, TermMention } from './guide-view.js';

/** A glossary term found in a text, as a term spotter reports it. */
export interface SpottedTerm {
  start: number;
  end: number;
  slug: string;
}

/** Finds the glossary terms in a text (analysis's TermSpotter.spot, for one). */
export type SpotTerms = (text: string) => readonly SpottedTerm[];

/**
 * Links the first mention of each term across a sequence of texts. Call `link` on the texts in
 * reading order; a term linked once is not linked again. Spans that are out of range, empty or
 * overlap an earlier span are ignored, so a careless spotter cannot corrupt the text.
 */
export const firstMentionLinker = (
  spot: SpotTerms | undefined,
  urlOf: (slug: string) => string,
): ((text: string) => LinkedText) => {
  const linked = new Set<string>();
  return (text) => {
    if (!spot) return { text, mentions: [] };
    const spans = [...spot(text)]
      .filter(
        (s) =>
          Number.isInteger(s.start) &&
          Number.isInteger(s.end) &&
          s.start >= 0 &&
          s.end <= text.length &&
          s.start < s.end &&
          s.slug !== '',
      )
      .sort((a, b) => a.start - b.start || b.end - a.end);
    const mentions: TermMention[] = [];
    let reached = 0;
    for (const span of spans) {
      if (span.start < reached) continue;
      // A later mention still occupies its text, so a shorter term inside it is not linked.
      reached = span.end;
      if (linked.has(span.slug)) continue;
      linked.add(span.slug);
      mentions.push({ start: span.start, end: span.end, slug: span.slug, url: urlOf(span.slug) });
    }
    return { text, mentions };
  };
};

/** Splits linked text into runs of plain text and mentions, in order, for a renderer. */
export const linkedTextRuns = (
  linked: LinkedText,
): ({ text: string } | { text: string; mention: TermMention })[] => {
  const runs: ({ text: string } | { text: string; mention: TermMention })[] = [];
  let at = 0;
  for (const mention of linked.mentions) {
    if (mention.start > at) runs.push({ text: linked.text.slice(at, mention.start) });
    runs.push({ text: linked.text.slice(mention.start, mention.end), mention });
    at = mention.end;
  }
  if (at < linked.text.length) runs.push({ text: linked.text.slice(at) });
  return runs;
};
