/** A word of a text, reduced to its stem, with where it was written. */
export interface Token {
  /** The word in lower case, without a trailing 's or n't. */
  word: string;
  stem: string;
  start: number;
  end: number;
}

/** Words that say nothing about which role a text is about. */
const STOPWORDS = new Set(
  `a about above after again against all almost also am an and any are aren around as at be
  because been before being below between both but by can cannot could did do does doing don
  down during each either else even ever every few for from further get gets getting got had has
  have having he her here hers him his how however i if in into is isn it its itself just keep
  keeps kept least less let lets like likely lot lots made make makes making many may me might
  more most much must my need needs needed no nor not now of off often on once one only onto or
  other others our ours out over own per perhaps quite rather really same say says see seems
  seem shall she should since so some something sometimes still such than that the their theirs
  them then there these they thing things this those though through thus to too under until up
  upon us very via was wasn way ways we well were weren what when where whether which while who
  whom whose why will with within without won would yet you your yours yourself
  able across along already always among another anyone anything become becomes bit day days
  enough etc example especially first give gives given go goes going gone good great help helps
  kind know knows last look looks new next nothing often put right seem set show shows start
  starts take takes taking tell tells time times try tries trying use used uses using want wants
  whole work works working year years doesn didn hasn haven couldn shouldn wouldn
  nobody somebody someone anyone everyone everybody everything anything somewhere anywhere
  everywhere two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
  hundred hundreds thousand thousands million millions half`.split(/\s+/),
);

const SUFFIXES = [
  'izations',
  'ization',
  'ational',
  'ations',
  'ation',
  'ities',
  'ments',
  'ment',
  'ness',
  'ings',
  'ing',
  'ance',
  'ence',
  'ers',
  'ies',
  'ied',
  'ity',
  'ate',
  'ated',
  'ates',
  'ive',
  'ful',
  'ous',
  'est',
  'er',
  'ed',
  'es',
  'ly',
  'al',
  's',
];

/**
 * Reduces a lower-case word to a crude stem, the same way for every text, so that "crashes",
 * "crashed" and "crashing" meet at "crash" and "developer" meets "development".
 * @example stem('crashing') === 'crash'; stem('slowly') === 'slow'
 */
export const stem = (word: string): string => {
  if (word.length <= 3 || /[^a-z]/.test(word)) return word;
  let w = word;
  let agent = false;
  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      if (suffix === 's' && /(ss|us|is)$/.test(w)) continue;
      w = w.slice(0, -suffix.length);
      if (suffix === 'ies' || suffix === 'ied') w += 'y';
      agent = suffix === 'er' || suffix === 'ers';
      break;
    }
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  const doubled = w.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w);
  // A person named from a longer word that doubles its last letter ("programmer") keeps it: the
  // bare word may name another thing ("a program" is also a programme of work), while a person
  // formed without doubling ("designer", "tester") or from a short word ("planner") is its word.
  if (doubled && !(agent && w.length > 5)) w = w.slice(0, -1);
  return w;
};

const WORD = /[\p{L}\p{N}]+(?:[+#]+|(?:['’][a-z]+))?/gu;

/** Every word of a text with its stem, stop words included, in order ("don't" reads as "don"). */
export const words = (text: string): Token[] => {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0].toLowerCase().replace(/['’](s|t|re|ve|ll|d|m)$/, '');
    out.push({ word: raw, stem: stem(raw), start: m.index, end: m.index + m[0].length });
  }
  return out;
};

/**
 * The words a word may be formed from by an ending: "sites" → site, "stopping" → stop,
 * "copies" → copy, "coder" → code, "guidance" → guide.
 */
const roots = (word: string): Set<string> => {
  const out = new Set([word]);
  const add = (root: string) => {
    if (root.length >= 2) out.add(root);
  };
  if (/[^s]s$/.test(word)) add(word.slice(0, -1));
  if (/(?:ss|x|z|ch|sh|o)es$/.test(word)) add(word.slice(0, -2));
  if (/ie[sd]$/.test(word)) add(`${word.slice(0, -3)}y`);
  for (const suffix of ['ing', 'ed', 'er', 'ers', 'ly', 'ance', 'ence', 'ment', 'ments', 'ness']) {
    if (!word.endsWith(suffix)) continue;
    const root = word.slice(0, -suffix.length);
    add(root);
    add(`${root}e`);
    if (/([b-df-hj-np-tv-z])\1$/.test(root)) add(root.slice(0, -1));
  }
  return out;
};

/**
 * True when two words are forms of one word, told apart only by an ending: "crashes" and
 * "crashed", "sites" and "site", "coder" and "code", but neither "sits" and "site" nor
 * "career" and "car", which the stemmer brings together.
 * @example sameWord('freezing', 'freeze') === true; sameWord('sits', 'site') === false
 */
export const sameWord = (a: string, b: string): boolean => {
  if (a === b) return true;
  const ofB = roots(b);
  return [...roots(a)].some((r) => ofB.has(r));
};

/** True for words like "the", "we", "need" that carry no subject. */
export const isStopword = (word: string): boolean => STOPWORDS.has(word);
