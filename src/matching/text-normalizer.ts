import { allowedEdits, editDistance } from './fuzzy-words.js';
import { shortenedWord } from './shortened-words.js';
import { americanSpelling, personForm } from './spelling.js';
import {
  ABBREVIATIONS,
  COMPOUND_FIELDS,
  COMPOUND_HEADS,
  COMPOUNDS,
  FOREIGN_ROLE_PHRASES,
  HEAD_FIRST_WORDS,
  IRREGULAR_SINGULARS,
  NOT_PLURAL,
  LANGUAGE_AND_FRAMEWORK_NAMES,
  PRAISE_WORDS,
  ROLE_WORDS,
  STOP_WORDS,
} from './vocabulary.js';

/** Maps, not object lookups: a title word like "constructor" must not find a prototype member. */
const abbreviations = new Map(Object.entries(ABBREVIATIONS));
const irregularSingulars = new Map(Object.entries(IRREGULAR_SINGULARS));

const compoundByFirst = new Map<string, Array<readonly [string, string]>>();
for (const [first, second, joined] of COMPOUNDS) {
  const list = compoundByFirst.get(first) ?? [];
  list.push([second, joined]);
  compoundByFirst.set(first, list);
}

/** Symbols that are words in titles (C++, C#, .NET) must survive the punctuation split. */
const SYMBOL_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/c\+\+/g, ' cpp '],
  [/c#/g, ' csharp '],
  [/f#/g, ' fsharp '],
  [/\.net\b/g, ' dotnet '],
  [/\bnode\.js\b/g, ' nodejs '],
  [/&/g, ' and '],
  [/['\u2019`]/g, ''],
];

/**
 * "FE" and "BE" before a builder's title are the front and back end ("FE Developer", "BE/Node
 * Engineer"); elsewhere they are other words (a degree, a chemical symbol), so only there.
 */
const FRONT_OR_BACK =
  /\b(fe|be)(?=\s*(?:[/-]\s*\S+\s+)?(?:devs?|developers?|engineers?|eng|engr|programmers?)\b)/g;
const FRONT_OR_BACK_HINT = /\b(?:fe|be)\b/;
const expandFrontOrBack = (word: string): string => (word === 'fe' ? 'frontend' : 'backend');

/**
 * Reduces a plural to its singular with a few suffix rules. Both the index and the query go
 * through the same rules, so a rare wrong singular still matches itself.
 *
 * @example singularize('secretaries') // 'secretary'
 */
export const singularize = (word: string): string => {
  const irregular = irregularSingulars.get(word);
  if (irregular !== undefined) return irregular;
  if (word.length > 4 && word.endsWith('men')) return `${word.slice(0, -3)}man`;
  if (word.length <= 3 || NOT_PLURAL.has(word) || !word.endsWith('s')) return word;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(?:x|ch|sh|zz)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
};

const tokensOfPhrase = (phrase: string): string[] =>
  phrase
    .split(' ')
    .filter((t) => t.length > 0 && !STOP_WORDS.has(t))
    .map((t) => singularize(t));

/** Each abbreviation's tokens, worked out once. */
const abbreviationTokens = new Map(
  [...abbreviations].map(([word, expansion]) => [word, tokensOfPhrase(expansion)]),
);

/** The compound heads by their last three letters: most words end in none of them. */
const headsByEnding = new Map<string, Array<readonly [string, string[]]>>();
for (const [head, english] of Object.entries(COMPOUND_HEADS)) {
  const list = headsByEnding.get(head.slice(-3)) ?? [];
  list.push([head, tokensOfPhrase(english)]);
  headsByEnding.set(head.slice(-3), list);
}
const compoundFields = new Map(
  Object.entries(COMPOUND_FIELDS).map(([field, english]) => [field, tokensOfPhrase(english)]),
);

/**
 * A field and a role written as one word ("softwarearchitekt", "dataingenjor") as the English
 * tokens of both; undefined for any other word.
 * @example compoundTokens('systemutvecklare') // ['system', 'developer']
 */
const compoundTokens = (word: string): string[] | undefined => {
  const heads = headsByEnding.get(word.slice(-3));
  if (heads === undefined) return undefined;
  for (const [head, english] of heads) {
    if (word.length <= head.length + 1 || !word.endsWith(head)) continue;
    const prefix = word.slice(0, -head.length);
    const field =
      compoundFields.get(prefix) ??
      (prefix.endsWith('s') ? compoundFields.get(prefix.slice(0, -1)) : undefined);
    if (field !== undefined) return [...field, ...english];
  }
  return undefined;
};

const NO_TOKENS: readonly string[] = [];

/** The tokens one raw word (lower-case, no punctuation) stands for. */
const wordTokens = (word: string): readonly string[] => {
  const expansion = abbreviationTokens.get(word);
  if (expansion !== undefined) return expansion;
  const single = singularize(word);
  const ofSingle = abbreviationTokens.get(single);
  if (ofSingle !== undefined) return ofSingle;
  if (STOP_WORDS.has(single)) return NO_TOKENS;
  const shortened = shortenedWord(word);
  if (shortened !== undefined) return wordTokens(shortened);
  // A second pass, as an abbreviation's words get: a singular can still end like a plural.
  return compoundTokens(single) ?? [personForm(americanSpelling(singularize(single)))];
};

/**
 * Each word's tokens as wordTokens gave them. A batch of titles repeats its words over and
 * over (typos aside), and one look-up here costs less than the rules' several; the cache is
 * emptied when full, so odd input cannot grow it without bound.
 */
const tokensByWord = new Map<string, readonly string[]>();
const WORD_CACHE_LIMIT = 50_000;

/** Adds the tokens one raw word (lower-case, no punctuation) stands for. */
const addTokensOf = (word: string, tokens: string[]): void => {
  let found = tokensByWord.get(word);
  if (found === undefined) {
    found = wordTokens(word);
    if (tokensByWord.size >= WORD_CACHE_LIMIT) tokensByWord.clear();
    tokensByWord.set(word, found);
  }
  for (let i = 0; i < found.length; i++) tokens.push(found[i] as string);
};

/** Cheap first test: a title without these has none of FOREIGN_ROLE_PHRASES. */
const FOREIGN_PHRASE_HINT =
  /\b(?:chef|jefe|jefa|gerente|gestor|gestora|responsable|tester|testerka) /;

/**
 * The runs of a-z and 0-9 in the text, in order: what splitting on everything else and
 * dropping the empty pieces gives, in one pass, where a split and a filter cost two arrays and
 * a call per piece on every text normalized.
 */
const lettersAndDigitRuns = (text: string): string[] => {
  const runs: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const inRun = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (inRun && start < 0) start = i;
    else if (!inRun && start >= 0) {
      runs.push(text.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) runs.push(text.slice(start));
  return runs;
};

/** Lower-case, fold accents, keep title symbols, split on everything else. */
const splitWords = (text: string): string[] => {
  let folded = /[\u0080-\uffff]/.test(text)
    ? text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
    : text.toLowerCase();
  if (/[+#&'\u2019`.]/.test(folded)) {
    for (const [pattern, replacement] of SYMBOL_WORDS) {
      folded = folded.replace(pattern, replacement);
    }
  }
  if (FRONT_OR_BACK_HINT.test(folded)) folded = folded.replace(FRONT_OR_BACK, expandFrontOrBack);
  if (FOREIGN_PHRASE_HINT.test(folded)) {
    for (const [pattern, english] of FOREIGN_ROLE_PHRASES) {
      folded = folded.replace(pattern, (_phrase, rest: string) => `${rest} ${english}`);
    }
  }
  return lettersAndDigitRuns(folded);
};

/**
 * Whether the word after a compound's first word is its second, or a typo of it ("full stak"):
 * the first word, written right, is the context that makes the typo safe to read, and a short
 * typo left apart is forgiven nothing and would never meet the joined word the titles use.
 */
const secondOf = (second: string, next: string): boolean => {
  if (second === next) return true;
  // A word long enough to be forgiven a typo on its own is read so, as the titles' own words;
  // only a short one ("stak") needs the compound to be read at all.
  if (allowedEdits(next.length) > 0) return false;
  const allowed = allowedEdits(second.length);
  return allowed > 0 && editDistance(second, next, allowed) <= allowed;
};

const joinCompounds = (words: string[]): string[] => {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = words[i + 1];
    const joined =
      next === undefined
        ? undefined
        : compoundByFirst.get(word)?.find(([s]) => secondOf(s, next))?.[1];
    if (joined !== undefined) {
      out.push(joined);
      i++;
    } else {
      out.push(word);
    }
  }
  return out;
};

/**
 * The comma-separated segments without those naming work a title leaves out ("Geoscientists,
 * Except Hydrologists and Geographers"): their words say what the role is not, and would
 * otherwise draw titles of the very roles it excludes. A last "All Other" segment stays.
 */
const withoutExclusions = (segments: string[]): string[] => {
  const from = segments.findIndex((s) => /^except\b/i.test(s));
  if (from < 0) return segments;
  const allOther = segments.findIndex((s, i) => i > from && /^all other$/i.test(s));
  return [...segments.slice(0, from), ...(allOther < 0 ? [] : segments.slice(allOther))];
};

/** The text with what follows the first match of the pattern moved in front of what precedes it. */
const objectFirst = (text: string, pattern: RegExp): string => {
  const found = pattern.exec(text);
  return found === null
    ? text
    : `${text.slice(found.index + found[0].length)} ${text.slice(0, found.index)}`;
};

/**
 * Puts the head noun last. A list of words joined by commas ("Bus, Trolley, and Taxi
 * Instructor") keeps its order; a qualifier after a comma ("Engineer, Backend") moves in front
 * of the noun it qualifies, and so do the objects of "of" ("Director of Sales") and of "in"
 * ("Technician in Electrical Systems", "Operator Specialised in Mobile Crane"): otherwise the
 * field would be read as the head, and a technician in a field taken for its engineer.
 */
const putQualifiersFirst = (text: string): string => {
  let out = text;
  if (out.includes(',')) {
    const segments = withoutExclusions(out.split(',').map((s) => s.trim()));
    if (!segments.some((s, i) => i > 0 && /^(?:and|or|&)\b/i.test(s))) {
      const [head, ...qualifiers] = segments;
      out = [...qualifiers, head].join(' ');
    }
  }
  out = objectFirst(out, / (?:speciali[sz]ed )?in (?:the )?/i);
  return objectFirst(out, / of (?:the )?/i);
};

/**
 * Moves a role word of a head-first language to the end, where an English title has it. The
 * words after it qualify it nearest first ("Développeur Back-End PHP": a back-end developer
 * working in PHP), so they come before it in reverse, nearest next to it, as in English.
 */
const putHeadLast = (words: string[]): string[] => {
  const at = words.findIndex((w) => HEAD_FIRST_WORDS.has(w));
  if (at < 0 || at === words.length - 1) return words;
  return [...words.slice(0, at), ...words.slice(at + 1).reverse(), words[at] as string];
};

/**
 * Malay "guru" leading a title, or all of it, is a teacher ("Guru Tadika"), read as "cikgu", the
 * other Malay word for one; anywhere else it is praise ("SEO Guru").
 */
const teacherFirst = (words: string[]): string[] =>
  words[0] === 'guru' ? ['cikgu', ...words.slice(1)] : words;

/** Words for a technician that, before the head, say technical. */
const TECHNICAL_BEFORE_HEAD: ReadonlySet<string> = new Set(['tech', 'techs', 'tecnico', 'tecnica']);

/** The tokens after which praise stands for developer (see PRAISE_WORDS); made on first use. */
let developerFields: ReadonlySet<string> | undefined;

const praisesDeveloper = (field: string | undefined): boolean => {
  if (field === undefined) return false;
  developerFields ??= new Set([
    ...ROLE_WORDS,
    ...LANGUAGE_AND_FRAMEWORK_NAMES.flatMap((name) => normalizeTitleText(name)),
  ]);
  return developerFields.has(field);
};

/**
 * Turns title text into the tokens the index works on: case and accents folded, punctuation
 * dropped, compounds joined (back end, back-end → backend), abbreviations written out (sr eng →
 * senior engineer), filler words dropped, plurals made singular, and a qualifier after a comma
 * moved in front, so the last token is the title's head noun.
 *
 * @example normalizeTitleText('Engineers, Back-End') // ['backend', 'engineer']
 */
export const normalizeTitleText = (text: string): string[] => {
  const words = putHeadLast(teacherFirst(joinCompounds(splitWords(putQualifiersFirst(text)))));
  const tokens: string[] = [];
  const last = words.length - 1;
  for (let i = 0; i <= last; i++) {
    const word = words[i] as string;
    // "Pharmacy Tech" is a technician; "Tech Writer" and "Tech Lead" are technical, as is the
    // técnico of "Analista de Suporte Técnico".
    if (i < last && TECHNICAL_BEFORE_HEAD.has(word)) tokens.push('technical');
    // "Admin Assistant" is an administrative assistant; "IT Admin" an administrator.
    else if (i < last && word === 'admin') tokens.push('administrative');
    else if (i === last && PRAISE_WORDS.has(word) && praisesDeveloper(tokens.at(-1))) {
      tokens.push('developer');
    } else if (!STOP_WORDS.has(word)) addTokensOf(word, tokens);
  }
  return tokens;
};
