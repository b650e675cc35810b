import { namesTechnologies } from './qualifiers.js';

/** What the reader of a leading technology asks of the index: the parser's RoleWords has these. */
interface TechnologyWords {
  listsTitle(text: string): boolean;
  namesTechnology(text: string): boolean;
  toolOfTitle(technology: string, title: string): boolean;
}

/** The most words a technology said before the role takes ("Google Cloud Platform"). */
const MOST_TECHNOLOGY_WORDS = 3;

/**
 * A technology said before a role title whole in itself ("Snowflake Data Engineer", "Power BI
 * Data Analyst"), where no role lists the two together: the technology qualifies the role as
 * it does said after it ("Data Engineer (Snowflake)"), and the role phrase is what follows.
 * Only before a listed title of two words or more, so a bare head after a technology word
 * ("Python Handler", "Spark Plug Assembler") stays one phrase. A tool the title's role does
 * not work with, or one that names a role with the head alone ("Cypress Test Engineer", where
 * "Cypress Engineer" automates tests), may say which role is meant: it stays in the phrase.
 */
export const leadingTechnology = (
  core: string,
  words: TechnologyWords,
): { technology: string; role: string } | undefined => {
  const parts = core.split(' ');
  if (parts.length < 3) return undefined;
  const head = parts.at(-1) as string;
  for (let k = 1; k <= Math.min(MOST_TECHNOLOGY_WORDS, parts.length - 2); k++) {
    const technology = parts.slice(0, k).join(' ');
    // Most titles open with no technology: that is asked first, as it reads a word or three
    // where the look-ups of the role read the rest of the title.
    const named = words.namesTechnology(technology);
    if (!named && !namesTechnologies(technology)) continue;
    const role = parts.slice(k).join(' ');
    if (!words.listsTitle(role) || words.listsTitle(`${technology} ${head}`)) continue;
    if (named && !words.toolOfTitle(technology, role)) continue;
    // A title listed whole is that title, whatever it opens with.
    return words.listsTitle(core) ? undefined : { technology, role };
  }
  return undefined;
};
