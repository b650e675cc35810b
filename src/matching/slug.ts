/** What the slug reader asks of the index: the parser's RoleWords has these. */
interface SlugWords {
  endsInRoleHead(text: string): boolean;
  knowsEveryWord(text: string): boolean;
}

/**
 * A title as an applicant-tracking system puts it in a posting's address: lower-case words
 * joined by hyphens or underscores, three or more of them ("senior-backend-engineer-remote").
 * Two words joined once are a compound as often ("front-end", "e-commerce").
 */
const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+){2,}$/;

/**
 * A title as a database field or a tag names it: capitalised words run together, a level in
 * capitals perhaps after them ("SoftwareEngineerII", "SrBackendDeveloper").
 */
const CAMEL_CASE = /^(?:[A-Z][a-z]+){2,}[A-Z]*$/;

/**
 * Such a title with its words spaced, when they end in a role's head ("Software Engineer II");
 * otherwise undefined, for a brand written the same way ("JavaScript", "DevOps") is one word.
 */
const uncamel = (text: string, words: SlugWords | undefined): string | undefined => {
  const parts = text.split(/(?=[A-Z][a-z])|(?<=[a-z])(?=[A-Z])/);
  const role = parts.filter((part) => /[a-z]/.test(part)).join(' ');
  return words?.endsInRoleHead(role.toLowerCase()) === true ? parts.join(' ') : undefined;
};

/**
 * The title a slug stands for, its words spaced again. A slug has lost the dash or bracket
 * that set the role apart from its team, place and terms; the last word heading a title ends
 * the role phrase, and what follows it is read as the segment after a dash
 * ("senior backend engineer - remote"). The head must be a word the index knows as written
 * (not "office" taken for a typo of officer), and the role phrase two words or more: a
 * first word that heads inverted titles ("technical-recruiter-...") is no role by itself.
 * Text that is no slug is returned as it is.
 *
 * @example unslug('data-engineer-analytics-platform-berlin', words) // 'data engineer - analytics platform berlin'
 */
export const unslug = (text: string, words: SlugWords | undefined): string => {
  const trimmed = text.trim();
  if (CAMEL_CASE.test(trimmed)) return uncamel(trimmed, words) ?? text;
  if (!SLUG.test(trimmed)) return text;
  const parts = trimmed.split(/[-_]/);
  const role = words === undefined ? -1 : lastRoleHead(parts, words);
  if (role < 0 || role === parts.length - 1) return parts.join(' ');
  return `${parts.slice(0, role + 1).join(' ')} - ${parts.slice(role + 1).join(' ')}`;
};

const lastRoleHead = (parts: readonly string[], words: SlugWords): number => {
  for (let i = parts.length - 1; i > 0; i--) {
    const role = parts.slice(0, i + 1).join(' ');
    if (words.knowsEveryWord(parts[i] as string) && words.endsInRoleHead(role)) {
      return i;
    }
  }
  return -1;
};
