import type { TermHit } from './term-spotter.js';
import { opensJobWord } from './title-line.js';

/** A term written as a name opens: a capital, then small letters ("Apex", not "APEX"). */
const NAME_WORD = /^\p{Lu}\p{Ll}+$/u;
/** The capitalised word after it, maybe past a possessive: " Roofing", "'s Pizzeria". */
const NAME_GOES_ON = /^(?:['’]s)?[^\S\n]+(\p{Lu}\p{Ll}+)/u;

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The hits less each term that opens a business's name somewhere in the posting: the term in
 * capitals before a capitalised word that is neither a term nor a job ("Apex Roofing", "Kanban
 * Sushi", "Snowflake Gelato"; not "Java Developer"). The posting then calls the business by the
 * term alone too ("the Apex pipeline of enquiries"), so every mention of it goes. Read only in
 * postings for work outside technology, where vendors' product names ("Azure Functions") are
 * not what is asked for.
 * @example withoutBusinessNames('Shift lead at Snowflake Gelato.', hits) // no snowflake
 */
export const withoutBusinessNames = (text: string, hits: readonly TermHit[]): TermHit[] => {
  const starts = new Set(hits.map((h) => h.start));
  const opensName = (written: string): boolean => {
    if (!NAME_WORD.test(written)) return false;
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\d])${escaped(written)}`, 'gu'))) {
      const end = m.index + written.length;
      const next = NAME_GOES_ON.exec(text.slice(end, end + 40));
      if (next === null || opensJobWord(next[1]!)) continue;
      if (!starts.has(end + next[0].length - next[1]!.length)) return true;
    }
    return false;
  };
  // Each way a term is written is looked for once: a posting repeating one term thousands of
  // times would otherwise scan the whole text once per mention.
  const read = new Map<string, boolean>();
  const opens = (written: string): boolean => {
    let answer = read.get(written);
    if (answer === undefined) read.set(written, (answer = opensName(written)));
    return answer;
  };
  const names = new Set(hits.filter((h) => opens(h.text)).map((h) => h.slug));
  return hits.filter((h) => !names.has(h.slug));
};
