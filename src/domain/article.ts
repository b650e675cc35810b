/**
 * Chooses "a" or "an" by the sound that begins a phrase, not its first letter: an iOS Developer,
 * a UX Designer, an SRE, an ML Engineer, a Unix Administrator, an hour.
 */

/** Letters whose names begin with a vowel sound when spelled out: "an F", "an S", "an X". */
const vowelSoundLetters = new Set('aefhilmnorsx');

/** All-capital words that are said as words, not letter by letter. */
const acronymsSaidAsWords = new Set([
  'NASA',
  'NATO',
  'COBOL',
  'FORTRAN',
  'OSHA',
  'UNIX',
  'UNICEF',
  'UEFA',
  'FAANG',
  'GAAP',
  'SAAS',
  'PAAS',
  'IAAS',
  'SCRUM',
  'REST',
  'CRUD',
  'LAMP',
  'SMART',
  'WASM',
]);

/** Vowel-letter words that begin with a consonant sound: "a unicorn", "a European", "a one". */
const consonantSoundStarts =
  /^(uni(?!mp|nc|nd|nf|nh|ns|nt)|una(?=n|m)|use|usi|usu|ute|uti|ura|ure|uri|uro|ubi|uku|ufo|uga|ukr|uvu|usa|eu|ewe|one(?!r)|once|ouija)/;

/** Consonant-letter words that begin with a vowel sound because the h is silent. */
const silentH = /^(hour|honest|honou?r|heir)/;

const isInitialism = (word: string): boolean => {
  if (word.length === 1) return /[A-Z]/.test(word);
  // A lower-case letter then a capital (iOS, eBay, xR) is said letter first.
  if (/^[a-z][A-Z]/.test(word)) return true;
  if (!/^[A-Z][A-Z0-9]*$/.test(word) || acronymsSaidAsWords.has(word)) return false;
  // Short capitals (SRE, ML, UX, QA, HR) are spelled out; longer ones are too unless they
  // have the vowels to be said as a word (HTML and GDPR are spelled, NATO is said).
  return word.length <= 3 || (word.match(/[AEIOU]/g) ?? []).length < 2;
};

const numberTakesAn = (digits: string): boolean => {
  if (digits.startsWith('8')) return true;
  // eleven, eighteen, and eleven/eighteen thousand, million...
  return /^1[18]/.test(digits) && digits.length % 3 === 2;
};

/**
 * The indefinite article for a phrase.
 * @example indefiniteArticle('iOS Developer') === 'an'; indefiniteArticle('UX Designer') === 'a'
 */
export const indefiniteArticle = (phrase: string): 'a' | 'an' => {
  const trimmed = phrase.trimStart();
  // ".NET" is said "dot net".
  if (trimmed.startsWith('.')) return 'a';
  const word = /[\p{L}\p{N}]+/u.exec(trimmed)?.[0];
  if (!word) return 'a';
  if (/^\d/.test(word)) return numberTakesAn(/^\d+/.exec(word)![0]) ? 'an' : 'a';
  if (isInitialism(word)) return vowelSoundLetters.has(word[0]!.toLowerCase()) ? 'an' : 'a';
  const lower = word.toLowerCase();
  if (silentH.test(lower)) return 'an';
  if (!/^[aeiou]/.test(lower)) return 'a';
  return consonantSoundStarts.test(lower) ? 'a' : 'an';
};

/**
 * The phrase with its indefinite article.
 * @example withArticle('SRE') === 'an SRE'; withArticle('Backend Developer') === 'a Backend Developer'
 */
export const withArticle = (phrase: string): string => `${indefiniteArticle(phrase)} ${phrase}`;
