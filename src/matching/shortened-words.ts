/**
 * Payroll and HR systems store titles in short fixed fields and shorten each word by dropping
 * its vowels and some consonants ("NTWK ENGR II", "DATA ANLST I", "RPA DEVLPR"). Such a word
 * is read as the title word it abbreviates when it keeps that word's first letter and the rest
 * of its letters in order, and leaves out a letter between two it keeps: a plain beginning of a
 * word ("Test", "Design") is a word in its own right, and is left alone.
 */

/** The words titles are built from that such systems shorten: heads, and the fields before them. */
const TITLE_WORDS: readonly string[] = `developer engineer analyst manager administrator architect
  designer scientist specialist consultant technician writer master researcher programmer
  coordinator director supervisor network software firmware hardware platform cloud system
  application program project integration security information business database
  infrastructure development engineering solution support operation`.split(/\s+/);

const CONSONANT_END = /[bcdfghjklmnpqrstvwxz]$/;
const CONSONANT_RUN = /[bcdfghjklmnpqrstvwxz]{3}/;
const VOWEL = /[aeiouy]/;
const LETTERS_ONLY = /^[a-z]+$/;

/**
 * Whether the word may be a shortening at all: four letters or more, ending in a consonant,
 * with three consonants running together after its first letter, which English words seldom
 * have ("devlpr", "anlst", but not "sport", "intern" or "split").
 */
const mayBeShortened = (word: string): boolean =>
  word.length >= 4 &&
  word.length <= 7 &&
  LETTERS_ONLY.test(word) &&
  CONSONANT_END.test(word) &&
  CONSONANT_RUN.test(word.slice(1));

/**
 * How many of the long word's letters the short one leaves out between two letters it keeps,
 * when it keeps the long word's first letter and its own letters in order; -1 when it does not.
 */
const lettersLeftOutInside = (short: string, long: string): number => {
  if (short[0] !== long[0] || long.length < short.length + 2) return -1;
  let at = 1;
  let leftOut = 0;
  for (let i = 1; i < short.length; i++) {
    const found = long.indexOf(short[i] as string, at);
    if (found < 0) return -1;
    leftOut += found - at;
    at = found + 1;
  }
  return leftOut;
};

/**
 * Whether the short word abbreviates the long one: it leaves out two letters inside, or one in a
 * word with no vowel after its first letter ("intgr"); a word that leaves out one letter and
 * keeps its vowels is a typo ("engneer"), which the fuzzy look-up reads.
 */
const abbreviates = (short: string, long: string): boolean => {
  const leftOut = lettersLeftOutInside(short, long);
  return leftOut >= 2 || (leftOut === 1 && !VOWEL.test(short.slice(1)));
};

/**
 * The title word a shortened word stands for: the shortest one it abbreviates, or undefined
 * when there is none or two of that length.
 *
 * @example shortenedWord('ntwk') // 'network'
 */
export const shortenedWord = (word: string): string | undefined => {
  if (!mayBeShortened(word)) return undefined;
  let best: string | undefined;
  let tied = false;
  for (const candidate of TITLE_WORDS) {
    if (!abbreviates(word, candidate)) continue;
    if (best === undefined || candidate.length < best.length) {
      best = candidate;
      tied = false;
    } else if (candidate.length === best.length) tied = true;
  }
  return tied ? undefined : best;
};
