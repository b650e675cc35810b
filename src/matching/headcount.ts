/**
 * How many are hired, as recruiters' trackers write it beside a title: "x3", "x 2", "×2" or
 * "(x4)" after it, "2 x" or "3x" before it. One digit only: "x86" and "x64" name platforms.
 */
const AFTER = /(?<=\s)\(?[x×]\s?[1-9]\)?(?=$|[\s,;|])/gi;
const BEFORE = /^\s*[1-9]\s?[x×]\s+(?=\p{L})/iu;
const HAS_COUNT = /[x×]\s?[1-9]|[1-9]\s?[x×]/i;

/**
 * The title without its count of openings, and the counts taken out (never part of the role).
 *
 * @example withoutHeadcount('Java Developers x3 - Leeds') // counts: ['x3']
 */
export const withoutHeadcount = (text: string): { text: string; counts: string[] } => {
  const counts: string[] = [];
  if (!HAS_COUNT.test(text)) return { text, counts };
  const take = (count: string): string => {
    counts.push(count.trim());
    return ' ';
  };
  return { text: text.replace(BEFORE, take).replace(AFTER, take), counts };
};
