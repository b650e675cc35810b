/**
 * British and American spellings of one word read as one ("Labourer", "Laborer"), so a posting
 * written on one side of the Atlantic finds the titles a taxonomy wrote on the other: ESCO
 * writes British English, O*NET American. Both the index and the query go through the same
 * rules, so a rule that also rewrites some unrelated word only has to do it the same way twice;
 * what the rules must never do is join two different words, so each is narrow.
 */

/** Whole words whose spellings differ in ways no suffix rule covers. */
const WORDS: ReadonlyMap<string, string> = new Map([
  ['tyre', 'tire'],
  ['kerb', 'curb'],
  ['mould', 'mold'],
  ['moulder', 'molder'],
  ['moulding', 'molding'],
  ['plough', 'plow'],
  ['aluminium', 'aluminum'],
  ['programme', 'program'],
  ['catalogue', 'catalog'],
  ['dialogue', 'dialog'],
  ['analogue', 'analog'],
  ['cheque', 'check'],
  ['grey', 'gray'],
  ['licence', 'license'],
  ['defence', 'defense'],
  ['offence', 'offense'],
  ['practise', 'practice'],
  ['draught', 'draft'],
  ['jewellery', 'jewelry'],
  ['jeweller', 'jeweler'],
  ['counsellor', 'counselor'],
  ['counselling', 'counseling'],
  ['travelling', 'traveling'],
  ['traveller', 'traveler'],
  ['modelling', 'modeling'],
  ['modeller', 'modeler'],
  ['labelling', 'labeling'],
  ['levelling', 'leveling'],
  ['signalling', 'signaling'],
  ['fuelling', 'fueling'],
  ['tunnelling', 'tunneling'],
  ['cancelled', 'canceled'],
  ['enrolment', 'enrollment'],
  ['fulfilment', 'fulfillment'],
  ['instalment', 'installment'],
  ['manoeuvre', 'maneuver'],
  ['pyjama', 'pajama'],
  ['sceptic', 'skeptic'],
  ['storey', 'story'],
  ['ageing', 'aging'],
  ['centre', 'center'],
  ['theatre', 'theater'],
  ['metre', 'meter'],
  ['litre', 'liter'],
  ['fibre', 'fiber'],
  ['calibre', 'caliber'],
  ['sabre', 'saber'],
  ['spectre', 'specter'],
  ['sombre', 'somber'],
  ['meagre', 'meager'],
]);

/** Words that end like a British -our word but are spelt so on both sides. */
const OUR_WORDS = new Set([
  'our',
  'hour',
  'four',
  'pour',
  'your',
  'tour',
  'sour',
  'dour',
  'flour',
  'detour',
  'contour',
  'devour',
  'velour',
  'amour',
  'troubadour',
  'paramour',
]);

/** Greek and Latin ae and oe that American English writes as e, where they begin a stem. */
const DIGRAPHS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^paed/, 'ped'],
  [/^anaes/, 'anes'],
  [/^haem/, 'hem'],
  [/^gynaec/, 'gynec'],
  [/^oesoph/, 'esoph'],
  [/^foet/, 'fet'],
  [/^oedem/, 'edem'],
  [/^orthopaed/, 'orthoped'],
  [/^encyclopaed/, 'encycloped'],
];

/** Cheap first test: a word with none of these has no British spelling the rules know. */
const HINT = /our|[iy]s(?:e|ed|er|ing|ation)|ae|oe/;

/**
 * The American spelling of a lower-case word; the word itself when there is none.
 * @example americanSpelling('organiser') // 'organizer'
 */
export const americanSpelling = (word: string): string => {
  const whole = WORDS.get(word);
  if (whole !== undefined) return whole;
  if (word.length < 5 || !HINT.test(word)) return word;
  // colour, labour, behaviour, harbour, labourer: -our at the end or before -er, -ed, -ing.
  const our = /^(.+)our(|s|er|ers|ed|ing|ite|able)$/.exec(word);
  if (our !== null && !OUR_WORDS.has(`${our[1]}our`)) return `${our[1]}or${our[2]}`;
  // organise, specialiser, organisation, analyse, paralysed.
  const ise = /^(.{3,}[^aeiou])(i|y)s(e|es|ed|er|ers|ing|ation|ations)$/.exec(word);
  if (ise !== null) return `${ise[1]}${ise[2]}z${ise[3]}`;
  for (const [pattern, replacement] of DIGRAPHS) {
    if (pattern.test(word)) return word.replace(pattern, replacement);
  }
  return word;
};

/** A job word ending in -man or -woman after a stem of four letters or more. */
const GENDERED = /^(.{4,}?)(?:wo)?man$/;

/**
 * The -person form of a job word written for a man or a woman: taxonomies name the job
 * neutrally ("draughtsperson", "handyperson") where postings still write "Draughtsman".
 * @example personForm('draughtsman') // 'draughtsperson'
 */
export const personForm = (word: string): string => {
  const gendered = GENDERED.exec(word);
  return gendered === null ? word : `${gendered[1]}person`;
};
