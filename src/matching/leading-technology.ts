import { qualifierOf } from './qualifiers.js';

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
  if (parts.length < 3 || words.listsTitle(core)) return undefined;
  const head = parts.at(-1) as string;
  for (let k = 1; k <= Math.min(MOST_TECHNOLOGY_WORDS, parts.length - 2); k++) {
    const technology = parts.slice(0, k).join(' ');
    const role = parts.slice(k).join(' ');
    if (!words.listsTitle(role) || words.listsTitle(`${technology} ${head}`)) continue;
    const qualifies = words.namesTechnology(technology)
      ? words.toolOfTitle(technology, role)
      : qualifierOf(technology)?.kind === 'technologies';
    if (qualifies) return { technology, role };
  }
  return undefined;
};
