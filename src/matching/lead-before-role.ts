/** What the reader of a lead phrase asks of the index: the parser's RoleWords has this. */
interface LeadWords {
  listsTitle(text: string): boolean;
}

/** The most words a lead phrase takes ("Lead" after one to two more: "Team Lead"). */
const MOST_LEAD_WORDS = 3;

/** A word naming whoever leads: "Lead", "Leader", or one closed up ("Teamlead"). */
const LEAD_WORD = /lead(?:er)?$/i;

/**
 * A lead phrase said before a role title whole in itself ("Team Lead Backend Developer",
 * "Teamlead Data Engineer"): it is the one said after it ("Backend Developer Team Lead"), the
 * lead of that role's team, and is read in that order so the role phrase is the lead's field,
 * not words the lead's title has to explain. Only before a listed title, so a lead that is no
 * leader ("Sales Lead Generation Specialist") stays one phrase.
 */
export const leadBeforeRole = (core: string, words: LeadWords): string | undefined => {
  const parts = core.split(' ');
  const most = Math.min(MOST_LEAD_WORDS, parts.length - 1);
  // The index is asked only for a title that opens on a lead word: most titles do not.
  if (!parts.slice(0, most).some((part) => LEAD_WORD.test(part))) return undefined;
  if (words.listsTitle(core)) return undefined;
  for (let k = 1; k <= most; k++) {
    if (!LEAD_WORD.test(parts[k - 1] as string)) continue;
    const role = parts.slice(k).join(' ');
    if (words.listsTitle(role)) return `${role} ${parts.slice(0, k).join(' ')}`;
  }
  return undefined;
};
