import { STOP_WORDS } from './vocabulary.js';

/** What the index tells of words: the parser's RoleWords has these. */
interface ClauseWords {
  endsInRoleHead(text: string): boolean;
  knowsEveryWord(text: string): boolean;
}

/** A one-word role, then the work it is for: "Engineer to automate our regression tests". */
const PURPOSE = /^(\S+)\s+(?:to|who|for)\s+(\S.*)$/i;

/**
 * The role phrase a title written as the job to do stands for: the clause's words that titles
 * use, then the head ("Regression Tests Engineer"). A bare head says too little to be a
 * confident answer, and the clause's verbs and filler ("keep", "healthy") name no role; words
 * no title uses are dropped, so a clause outside every field adds nothing to its head.
 * Undefined where the title is no such phrase or the clause has no such word.
 *
 * @example purposeRole('Engineer to keep our Kubernetes clusters healthy', words) // 'Kubernetes Engineer'
 */
export const purposeRole = (text: string, words: ClauseWords): string | undefined => {
  const match = PURPOSE.exec(text);
  if (match === null) return undefined;
  const head = match[1] as string;
  const clause = (match[2] as string).split(/\s+/);
  // The same word either side ("Business to Business Seller", "End to End Tester") spans a
  // range; it states no purpose.
  if (!words.endsInRoleHead(head) || clause[0]?.toLowerCase() === head.toLowerCase()) {
    return undefined;
  }
  const named = clause.filter(
    (word) => !STOP_WORDS.has(word.toLowerCase()) && words.knowsEveryWord(word),
  );
  return named.length === 0 ? undefined : [...named, head].join(' ');
};
