import {
  absorbsWords,
  conceptHits,
  hintedConcepts,
  isContext,
  mendTypos,
  type ConceptHit,
} from './concepts.js';
import { TECHNOLOGY_HEADS } from './plain-words.js';
import { programSense } from './program-sense.js';
import { insideAnySpan } from './span-cover.js';
import { isStopword, words, type Token } from './words.js';

/** Weighted features of a text: `w:` stems of content words and `c:` concepts. */
export type Features = Map<string, number>;

/** Concepts say more than single words: "fell over" and "outage" meet only there. */
export const CONCEPT_WEIGHT = 1.5;
/** A concept only hinted at by one of its words weighs this much. */
const HINT_WEIGHT = 0.5;

/** Where a feature came from in the text, so a match can quote the words that made it. */
export interface FeatureSource {
  feature: string;
  start: number;
  end: number;
}

/**
 * "We don't need a designer", "not a DBA job", "it isn't the day to day IT help we need": a need
 * or a role turned down, up to the end of its clause. Only needs, wants and roles are negated; "the app doesn't open" is a symptom and
 * stays evidence.
 */
const NEGATED_NEED =
  /\b(?:(?:do|does|did)\s*n[o’']?t|dont|doesnt|didnt|no longer|not)\s+(?:really\s+|actually\s+)?(?:need|want|require|looking for|after|hiring)\b|\bno need (?:for|of)\b|\b(?:not|isn[’']?t)\s+an?\s+(?=[\w/&+ -]{1,40}?\b(?:job|role|position|post|hire)\b)|\bnothing to do with\b|\b(?:isn[’']?t|is not|it[’']?s not|its not|not)\s+(?:the|a|an|some|more)\s+(?=[\w/&+ -]{1,40}?\b(?:we|i)\s*(?:[’']re|[’']m|are|am)?\s+(?:need|want|after|looking for)\b)|\bnot\s+(?:the\s+)?(?=[\w -]{1,30}?\b(?:part|side|bit)\b)/gi;
const CLAUSE_END = /[.,;:!?\n]|\b(?:but|just|only|instead)\b/gi;

/**
 * "The iPhone version is fine", "Android can wait", "the server side isn't the problem", "the
 * scanners are working", "the records are up to date", "the tracking system works.": a part
 * said to be working or not to matter yet is not where the work is. The clause is dropped from
 * its start to these words. Working must end its clause, as "is working on" says what someone
 * does, and a bare "works" must not follow "that", "whether" or "if" in its clause or "never" or
 * "only" just before it, as "a system that works" is wanted and "it only works." is a symptom.
 */
const SAID_FINE =
  /\b(?:is|are|was|were|seems?|looks?|works?|runs?)\s+(?:all\s+|totally\s+|perfectly\s+|completely\s+|absolutely\s+)?(?:fine|ok|okay|good|great|perfect|unaffected)\b|['’]s\s+(?:fine|ok|okay)\b|\bcan wait\b|\b(?:is|are)\s*n[o’']?t\s+the\s+problem\b|\b(?:is|are)\s+(?:already\s+|all\s+)?(?:(?:installed\s+and\s+)?working(?:\s+(?:fine|well|properly))?|up to date|sorted|in place)(?=\s*(?:[.,;:!?\n]|$|\b(?:and|but|so)\b))|(?<!\b(?:that|which|who|whether|if|how|until|unless|sure)\b[^.,;:!?\n]*|\b(?:never|hardly|rarely|barely|sometimes|only|half|nothing|no\s+longer)\s+)\bworks(?=\s*(?:[.;!\n]|$))/gi;
const CLAUSE_START = /[.,;:!?\n]|\b(?:but|and|while|though|although|whereas)\b/gi;

/**
 * "Phones that aren't iPhones", "laptops which are not Macs", "phones other than iPhones", "all
 * laptops except Macs": a kind set apart from what is described, named in the plural, is the
 * one thing the text is not about. A state said the same way ("pages that aren't loading") and
 * a part said to fail ("everything works except the checkout") stay evidence.
 */
const SET_APART_THAT = /\b(?:that|which)\s+(?:aren[’']?t|are\s+not)\s+(?=[\w-]*[^\Ws]s\b)/gi;
/**
 * The plural before "other than" is matched, not looked behind for: a lookbehind of any length
 * is tried again at every position of a long run of spaces, which made 200 KB of them take
 * minutes. Group 1 is where the span starts.
 */
const SET_APART_PLURAL =
  /(?<![\w-])[\w-]*[^\Ws]s\s+((?:other\s+than|except(?:\s+for)?|apart\s+from|but\s+not)\s+)(?=[\w-]*[^\Ws]s\b)/gi;
/**
 * "The other non-Apple phones", "non-Windows laptops": a kind set apart by "non-" before the
 * things it names. A quality said so ("a non-technical founder", "non-functional requirements")
 * describes what the text is about and stays evidence; qualities end like adjectives.
 */
const NON_KIND =
  /\bnon-(?!\w*(?:al|ic|ive|ent|ant|ous|able|ible|ed|ing|ary|less|ful)\b)\w+(?=\s+[\w-]*[^\Ws]s\b)/gi;
/**
 * "The app is fine on iPhones but…", "looks OK on desktop, on phones…": the platform a thing is
 * fine on is the one the work is not about, to the end of its clause.
 */
const FINE_ON =
  /\b(?:is|are|was|were|seems?|looks?|works?|runs?)\s+(?:all\s+|totally\s+|perfectly\s+)?(?:fine|ok|okay|good|great|perfect)\s+on\b/gi;

/**
 * A few words in quotation marks: "what a 'resident' is", "what counts as a “tenant”". A word
 * quoted is talked about (a definition, a label), not asked for. A mark after a letter is an
 * apostrophe ("the partners' email"), not a quotation.
 */
const QUOTED = /(?<!\w)['‘"“]([a-z][\w -]{0,38}\w)['’"”](?!\w)/gi;

const quotedSpans = (text: string) =>
  [...text.matchAll(QUOTED)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

/** The span from where a pattern matched (or from `start` in its match) to the end of its clause. */
const toClauseEnd = (
  text: string,
  m: RegExpExecArray,
  start = m.index,
): { start: number; end: number } => {
  CLAUSE_END.lastIndex = m.index + m[0].length;
  return { start, end: CLAUSE_END.exec(text)?.index ?? text.length };
};

/** Where a text turns a need or a role down: each span from the negation to the end of its clause. */
export const turnedDownSpans = (text: string): { start: number; end: number }[] =>
  [...text.matchAll(NEGATED_NEED)].map((m) => toClauseEnd(text, m));

/**
 * Where a text turns a need down or says a part is fine: each span from the negation to the end
 * of its clause, or from the start of its clause to the words saying it is fine.
 */
export const negatedSpans = (text: string): { start: number; end: number }[] => [
  ...turnedDownSpans(text),
  ...[...text.matchAll(SET_APART_THAT)].map((m) => toClauseEnd(text, m)),
  ...[...text.matchAll(SET_APART_PLURAL)].map((m) =>
    toClauseEnd(text, m, m.index + m[0].length - (m[1]?.length ?? 0)),
  ),
  ...[...text.matchAll(FINE_ON)].map((m) => toClauseEnd(text, m)),
  ...[...text.matchAll(NON_KIND)].map((m) => ({ start: m.index + 4, end: m.index + m[0].length })),
  ...[...text.matchAll(SAID_FINE)].map((m) => ({
    start: subjectStart(text, m.index),
    end: m.index + m[0].length,
  })),
];

/**
 * Words a listed part never holds: a person doing something or a verb. Their absence between
 * two clause marks makes the words there one more part of a subject joined by "and" or commas.
 */
const CLAUSE_WORDS =
  /\b(?:i|we|you|they|he|she|it|is|are|was|were|be|has|have|had|do|does|did|need|needs|want|wants|can|could|will|would|keep|keeps|get|gets|got)\b|['’](?:s|re|ve|m|d)\b/i;
/** A part listed before "and" or a comma is this many words at most: "the online ordering app". */
const PART_WORDS = 5;

/**
 * Where the subject of the words saying a part is fine starts: at the start of its clause, or
 * further back when the subject lists several parts ("our tills, the scanners and the ordering
 * app work fine"), each a few words without a verb.
 */
const subjectStart = (text: string, at: number): number => {
  const marks = [...text.slice(0, at).matchAll(CLAUSE_START)];
  let k = marks.length - 1;
  while (k >= 0 && /^(?:,|and)$/i.test(marks[k]![0])) {
    const from = k > 0 ? marks[k - 1]!.index + marks[k - 1]![0].length : 0;
    const part = text.slice(from, marks[k]!.index);
    const count = part.split(/\s+/).filter(Boolean).length;
    if (count === 0 || count > PART_WORDS || CLAUSE_WORDS.test(part)) break;
    k--;
  }
  const mark = marks[k];
  return mark ? mark.index + mark[0].length : 0;
};

/**
 * Who says each message of a forwarded chat: "[Bev - Bev's Cakes]:", "Kim:", "Dan (Dan's Dog
 * Walking):" at the start of a line.
 */
const BRACKETED_LABEL = /\[[^\]\n]{1,60}\]\s*:/g;
const NAME_LABEL =
  /^[ \t]*(\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,2}(?:[ \t]*\([^)\n]{1,40}\))?)[ \t]*:/gmu;

/**
 * The labels saying who wrote each message of a chat: the speaker's name and business set the
 * scene ("Tom's Tyres", "Meg Florist") and ask for nothing. A name at the start of a line counts
 * as one only when none of its words is the library's ("Android: crashes" is a symptom), so it
 * is read only with the library's words given.
 */
const speakerLabels = (
  text: string,
  vocabulary?: ReadonlySet<string>,
): { start: number; end: number }[] => [
  ...[...text.matchAll(BRACKETED_LABEL)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  })),
  ...(vocabulary === undefined
    ? []
    : [...text.matchAll(NAME_LABEL)]
        .filter((m) => words(m[1]!).every((t) => !vocabulary.has(t.word)))
        .map((m) => ({ start: m.index, end: m.index + m[0].length }))),
];

/** Symptoms a thing can have as well as a system: broken, slow, a mess. */
const THING_SYMPTOM = 'thing-symptom';
const SYMPTOMS = new Set(['outage', 'bugs', 'performance', 'data-mess']);
/**
 * A leak is a breach only when data leaks: said of a machine, a pipe or a roof it is water,
 * so the breach words that are a form of "leak" are a thing's symptom too.
 */
const BREACH = 'breach';
/**
 * A mess said of work outside technology ("the rota is a mess", "payroll is a mess") is about
 * that work, not about unreliable data: only data said to be a mess is.
 */
const DATA_MESS = 'data-mess';
const OTHER_WORK = 'other-work';
const LEAK = /^leak(?:s|ed|ing|y)?$/;
/**
 * Words that may stand between a thing and what is said of it: "the boiler keeps breaking
 * down", "the coffee machine is always broken", "our broken dishwasher".
 */
const LINKING = new Set(
  `is are was were be been being has have had keeps keep kept always constantly still again
  so really very totally completely just often also too getting gets got goes going went
  on the our a an its their my this that`.split(/\s+/),
);

/**
 * The concept hits with the symptoms said of a thing that breaks as no software does ("the
 * coffee machine is always broken", "a broken dishwasher") read as said of the thing: their
 * words count for no system.
 */
const aboutSoftware = (tokens: readonly Token[], hits: readonly ConceptHit[]): ConceptHit[] => {
  const things = hits.filter((h) => h.thing);
  const otherWork = hits.filter((h) => h.concept === OTHER_WORK && !h.thing);
  if (things.length === 0 && otherWork.length === 0) return [...hits];
  // Words other than linking ones before each token, so a span is checked in two look-ups.
  const others = [0];
  for (const t of tokens) others.push(others.at(-1)! + (LINKING.has(t.word) ? 0 : 1));
  /** The index of the first token starting at or after an offset. */
  const tokenAt = (offset: number) => {
    let low = 0;
    let high = tokens.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (tokens[mid]!.start < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const linked = (from: number, to: number) => others[tokenAt(to)]! === others[tokenAt(from)]!;
  const saidOf = (symptom: ConceptHit, thing: ConceptHit) =>
    symptom.start >= thing.end
      ? linked(thing.end, symptom.start)
      : symptom.end <= thing.start && linked(symptom.end, thing.start);
  const isSymptom = (h: ConceptHit) =>
    SYMPTOMS.has(h.concept) ||
    (h.concept === BREACH &&
      tokens.some((t) => t.start === h.start && t.end === h.end && LEAK.test(t.word)));
  const out: ConceptHit[] = [];
  for (const h of hits) {
    const said =
      isSymptom(h) &&
      (things.some((thing) => saidOf(h, thing)) ||
        (h.concept === DATA_MESS && otherWork.some((work) => saidOf(h, work))));
    if (!said) out.push(h);
    // One phrase may have named two symptoms ("broken"): it is said of the thing once.
    else if (!out.some((o) => o.start === h.start && o.concept === THING_SYMPTOM)) {
      out.push({ ...h, concept: THING_SYMPTOM });
    }
  }
  return out;
};

/** The concept IT help is read as, and the words for a workforce it also counts. */
const IT_HELP = 'it-help';
const WORKFORCE = new Set(['staff', 'employees']);

/**
 * The concept hits without "staff" or "employees" read as IT help where nothing else calls for
 * it: a workforce named alone ("staff are angry about late pay") says who has a problem, not
 * that it is with their computers, while "staff keep forgetting passwords" still asks for help.
 */
const workforceSense = (text: string, hits: readonly ConceptHit[]): ConceptHit[] => {
  const isWorkforce = (h: ConceptHit) =>
    h.concept === IT_HELP && WORKFORCE.has(text.slice(h.start, h.end).toLowerCase());
  if (hits.some((h) => h.concept === IT_HELP && !isWorkforce(h))) return [...hits];
  return hits.filter((h) => !isWorkforce(h));
};

/**
 * Asking for people: "we need a", "hiring two", "looking for an", "we search a" and "we look for
 * a" as writers of another first language ask, a board asked to "approve a" post or "fund a"
 * job, or a message that opens on the job itself ("a PA for the senior partner", "two more
 * drivers with a licence").
 */
const ASK =
  /(?:\b(?:need|needs|needed|hiring|hire|looking for|searching for|seeking|want|wants|recruit|recruiting|require|requires|appoint|employ|find|replace|short of|look for|search for|search|seek|approve|fund)\s+|^\W*)(?:a|an|one|two|three|four|five|six|some|more|another|\d+)\s+/gi;
/**
 * Hiring words before a plural with no article: "we need seasonal packers", "hiring volunteers".
 * Wanting takes no part, as "we want customers to book online" names who a system serves, and
 * the plural must be a word no guide uses, as "we need testers" or "need users to" may be
 * technology's own.
 */
const BARE_ASK =
  /\b(?:need|needs|needed|hiring|hire|looking for|searching for|seeking|recruit|recruiting|look for|search for|search|seek)\s+(?=[a-z])/gi;
/**
 * Words that end the name of the job asked for: "a press operator who…", "a chef for…", and an
 * article opening another phrase ("an immigration solicitor a couple of days a week").
 */
const ASK_ENDS = new Set(
  `who to for that which with and or by on in at from asap urgently starting this next please of
  as so because but if when than like before after until a an the our their my your its`.split(
    /\s+/,
  ),
);
/**
 * Endings of the names of occupations: an operator, a negotiator, a florist, an electrician, a
 * salesperson.
 */
const PERSON_ENDING = /(?:er|ers|or|ors|(?<!l)ists?|ians?|\w\w(?:person|people))$/;
/** Names of occupations that do not end like one. */
const PERSON_WORDS = new Set(
  `nurse nurses chef chefs coach coaches cook cooks guard guards staff ea pa assistant
  assistants accountant accountants attendant attendants merchant crew hand hands maid medic
  temp temps apprentice apprentices operative operatives`.split(/\s+/),
);
const TECHNOLOGY_HEAD = new Set(
  TECHNOLOGY_HEADS.split(',').flatMap((w) => {
    const word = w.trim();
    return [word, `${word}s`];
  }),
);
/**
 * Names of a post rather than a trade: a manager, a lead, an officer, a controller, a partner.
 * Technology has them too ("a project manager", "an IT coordinator", "a technology partner"),
 * so one of them names work outside technology only when the words before it are none of the
 * library's titles' words ("a contracts manager", "a safeguarding lead", "a stock controller")
 * or no title puts the last of them before a post ("a site manager", though "site" opens a
 * title too, but not "a technology executive", as a chief technology officer is one).
 */
const POSTS = new Set(
  `manager managers lead leads officer officers director coordinator supervisor executive
  administrator technician technicians controller controllers partner partners`.split(/\s+/),
);
/**
 * People asked for by where they work rather than by a job’s name: "someone on the door", "two
 * more people for the counter", "staff in the stockroom".
 */
const PLACE_ASK =
  /\b(?:some(?:one|body)|people|staff|hands|cover)\s+(?:on|for|at|behind|in)\s+(?:the\s+|our\s+)?/gi;
const singular = (word: string) => word.replace(/(?<!s)s$/, '');

/**
 * Words that say a job is a vacancy after naming it: "a fundraising manager post", "an HR
 * business partner role". The job's name is the words before.
 */
const VACANCY = new Set('post posts role roles position positions vacancy vacancies'.split(' '));

/**
 * Words that ask for technology skill in whoever does a job: "a technical seller to run demos",
 * "a tech-savvy salesperson". A post keeps its own sense ("a theatre's technical manager").
 */
const TECHNICAL_QUALIFIERS = new Set(['technical', 'tech', 'technically', 'savvy']);

/** Words an asked-for job may have before it: "a qualified swimming coach", "two more cooks". */
const ASK_WORDS = 4;

/**
 * The jobs a text asks for by name when the name is no job in technology: "we need a press
 * operator who…", "looking for a lettings negotiator". A job the plain-words lists already know
 * ("a dental nurse") is widened to the words before it, so it reads as asked for whatever they
 * are ("an infection control nurse"). A name with a technology word in it ("an agile coach", "a
 * website builder") or ending in a technology job or thing ("developer", "server") is left alone, and so is anything
 * that does not end like the name of a person's job ("a dashboard showing absence") unless, with
 * the library's words given, its last word is none of them ("a warden"). People asked for by
 * where they work ("someone on the door") are read the same way.
 */
const askedForJobs = (
  text: string,
  tokens: readonly Token[],
  hits: readonly ConceptHit[],
  titleWords: ReadonlySet<string> | undefined,
  vocabulary: ReadonlySet<string> | undefined,
): ConceptHit[] => {
  const out = hits.map((h) => ({ ...h }));
  const nameAfter = (from: number) => {
    const name: Token[] = [];
    const first = tokens.findIndex((t) => t.start >= from);
    if (first < 0) return name;
    for (let i = first; i < tokens.length && name.length < ASK_WORDS; i++) {
      const t = tokens[i]!;
      const gap = text.slice(name.at(-1)?.end ?? from, t.start);
      if (ASK_ENDS.has(t.word) || (name.length > 0 && /[^\s-]/.test(gap))) break;
      name.push(t);
    }
    // "a senior post" is no senior's job: a lone word before the vacancy must name one outright.
    const before = name.at(-2)?.word;
    const job =
      before !== undefined &&
      (PERSON_WORDS.has(before) ||
        POSTS.has(before) ||
        (name.length > 2 && PERSON_ENDING.test(before)));
    if (job && VACANCY.has(name.at(-1)!.word)) name.pop();
    return name;
  };
  /** A word no guide, glossary entry or title uses: not the name of anything in technology. */
  const foreign = (t: Token) =>
    vocabulary !== undefined && !vocabulary.has(t.word) && !vocabulary.has(singular(t.word));
  const technologyAt = (start: number, end: number) =>
    out.some((h) => !isContext(h.concept) && h.start < end && h.end > start);
  for (const place of text.matchAll(PLACE_ASK)) {
    const name = nameAfter(place.index + place[0].length);
    const head = name.at(-1);
    if (!head || isStopword(head.word) || !foreign(head)) continue;
    if (technologyAt(name[0]!.start, head.end)) continue;
    out.push({ concept: 'other-work', start: place.index, end: head.end });
  }
  for (const ask of text.matchAll(BARE_ASK)) {
    const name = nameAfter(ask.index + ask[0].length);
    const head = name.at(-1);
    // A single word after the hiring word may be singular: "we need caregiver for my father"
    // drops its article as writers of another first language often do.
    const plural = /[^s]s$/.test(head?.word ?? '');
    if (!head || isStopword(name[0]!.word) || !(plural || name.length === 1)) continue;
    if (!(PERSON_WORDS.has(head.word) || PERSON_ENDING.test(head.word)) || !foreign(head)) continue;
    if (TECHNOLOGY_HEAD.has(head.word) || technologyAt(name[0]!.start, head.end)) continue;
    if (out.some((h) => h.concept === 'other-work' && h.end === head.end)) continue;
    out.push({ concept: 'other-work', start: name[0]!.start, end: head.end });
  }
  for (const ask of text.matchAll(ASK)) {
    const from = ask.index + ask[0].length;
    const name = nameAfter(from);
    // "a new EA": words that say nothing of the job may open its name.
    const opening = name.findIndex((t) => !isStopword(t.word));
    const head = name.at(-1);
    if (opening < 0 || !head || isStopword(head.word)) continue;
    const start = name[opening]!.start;
    const inName = (h: ConceptHit) => h.start < head.end && h.end > start;
    const qualifiers = name.slice(opening, -1).filter((t) => !isStopword(t.word));
    const post =
      titleWords !== undefined &&
      POSTS.has(head.word) &&
      qualifiers.length > 0 &&
      (qualifiers.every((t) => !titleWords.has(t.word)) ||
        ![...POSTS].some((p) => titleWords.has(`${qualifiers.at(-1)!.word} ${p}`)));
    // "a technical seller": the job's name asks for technology skill, so it names no work outside it.
    if (!POSTS.has(head.word) && qualifiers.some((t) => TECHNICAL_QUALIFIERS.has(t.word))) continue;
    const person =
      post ||
      ((PERSON_WORDS.has(head.word) || PERSON_ENDING.test(head.word)) &&
        !TECHNOLOGY_HEAD.has(head.word));
    // A job whose name no technology guide uses ("a warden", "a bar steward"), with no
    // technology in its name either, is work outside technology however it ends.
    if (
      !person &&
      foreign(head) &&
      !TECHNOLOGY_HEAD.has(head.word) &&
      !technologyAt(start, head.end)
    ) {
      out.push({ concept: 'other-work', start, end: head.end });
      continue;
    }
    if (!person) continue;
    const known = out.find((h) => h.concept === 'other-work' && inName(h) && h.end === head.end);
    if (known) {
      known.start = Math.min(known.start, start);
      continue;
    }
    // The name itself may be a word the concept map also reads ("coach"): then it needs words of
    // its own before it ("a swimming coach"), as "a coach to run our sprints" may be one in
    // technology, and only those words can make it a job in technology; a name ending in a word
    // no guide uses stays outside it whatever comes before ("a warehouse supervisor").
    const technology = (h: ConceptHit) => !isContext(h.concept) && h.end > start;
    const ambiguous = out.some((h) => technology(h) && h.start < head.end && h.end > head.start);
    if (ambiguous && start === head.start) continue;
    if (foreign(head) || !out.some((h) => technology(h) && h.start < head.start)) {
      out.push({ concept: 'other-work', start, end: head.end });
    }
  }
  return out;
};

/**
 * Reads a text into features and the spans that produced them. Words a framing or
 * absorbing phrase covers ("my client needs", "log in") do not count on their own, and
 * nothing in a turned-down need counts at all.
 * @example textFeatures('The site fell over').features.has('c:outage') === true
 */
export const textFeatures = (
  text: string,
  {
    vocabulary,
    titleWords,
    hints = false,
  }: {
    /** The library's own words: given, other words one letter off the concept map's are mended. */
    vocabulary?: ReadonlySet<string>;
    /**
     * The words of the library's role titles and each two side by side in one: given, a post
     * asked for without them ("a contracts manager") is work outside technology.
     */
    titleWords?: ReadonlySet<string>;
    /** Whether words of the concept map said outside its phrases hint at their concept. */
    hints?: boolean;
  } = {},
): { features: Features; sources: FeatureSource[] } => {
  const unsaid = [...negatedSpans(text), ...speakerLabels(text, vocabulary)];
  const isUnsaid = insideAnySpan(unsaid);
  const kept = words(text).filter((t) => !isUnsaid(t));
  const tokens = vocabulary ? mendTypos(kept, vocabulary) : kept;
  const features: Features = new Map();
  const sources: FeatureSource[] = [];
  const add = (feature: string, weight: number, start: number, end: number) => {
    if (weight > 0) features.set(feature, (features.get(feature) ?? 0) + weight);
    sources.push({ feature, start, end });
  };
  const quoted = insideAnySpan(quotedSpans(text));
  const concepts = workforceSense(
    text,
    askedForJobs(
      text,
      tokens,
      programSense(tokens, aboutSoftware(tokens, conceptHits(tokens))),
      titleWords,
      vocabulary,
    ),
  ).filter((c) => c.concept !== 'other-work' || !quoted(c));
  const absorbed = insideAnySpan(concepts.filter((c) => absorbsWords(c.concept)));
  for (const t of tokens) {
    if (isStopword(t.word) || /^\d+$/.test(t.word) || t.word.length < 2) continue;
    if (absorbed(t)) continue;
    add(`w:${t.stem}`, 1, t.start, t.end);
  }
  for (const c of concepts) {
    add(`c:${c.concept}`, isContext(c.concept) ? 0 : CONCEPT_WEIGHT, c.start, c.end);
  }
  for (const c of hints ? hintedConcepts(tokens, concepts) : []) {
    add(`c:${c.concept}`, HINT_WEIGHT, c.start, c.end);
  }
  return { features, sources };
};

/** Inverse document frequency of each feature over a set of documents (one per role). */
export const inverseFrequencies = (documents: readonly Set<string>[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const doc of documents) for (const f of doc) counts.set(f, (counts.get(f) ?? 0) + 1);
  const n = documents.length;
  const idf = new Map<string, number>();
  for (const [f, df] of counts) idf.set(f, Math.log((n + 1) / (df + 0.5)));
  return idf;
};

/** Length of a feature vector once weighted by idf (features no role uses weigh nothing). */
export const vectorNorm = (features: Features, idf: Map<string, number>): number => {
  let sum = 0;
  for (const [f, tf] of features) {
    const w = (idf.get(f) ?? 0) * Math.sqrt(tf);
    sum += w * w;
  }
  return Math.sqrt(sum);
};

/**
 * Cosine similarity of two texts' features under idf weighting, with the features they share,
 * those that add most first: what evidence shows of them is what weighed.
 * @example cosine(a, b, idf).score // 0.42
 */
export const cosine = (
  a: Features,
  aNorm: number,
  b: Features,
  bNorm: number,
  idf: Map<string, number>,
): { score: number; shared: string[] } => {
  if (aNorm === 0 || bNorm === 0) return { score: 0, shared: [] };
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  const added: Array<[feature: string, weight: number]> = [];
  for (const [f, tf] of small) {
    const other = large.get(f);
    if (other === undefined) continue;
    const w = idf.get(f) ?? 0;
    if (w <= 0) continue;
    const weight = w * w * Math.sqrt(tf) * Math.sqrt(other);
    dot += weight;
    added.push([f, weight]);
  }
  added.sort((x, y) => y[1] - x[1]);
  return { score: dot / (aNorm * bNorm), shared: added.map(([f]) => f) };
};

/** How quickly repeated mentions stop adding weight, and how much long documents are discounted. */
const SATURATION = 1.2;
const LENGTH_DISCOUNT = 0.5;

/** Total weight of a document's features, its length for `coverage`. */
export const featureLength = (features: Features): number => {
  let sum = 0;
  for (const tf of features.values()) sum += tf;
  return sum;
};

/** The share of a match's score that the features shown as its reasons must account for. */
const CARRIED = 0.8;

/**
 * How much of a query a document covers, 0-1: the rare features of the query that the document
 * shares count most, repeated mentions saturate and long documents are discounted (the BM25
 * shape, divided by the best score the query could reach). `shared` lists the features both
 * have, those that add most first; `carried`, the fewest of them that make four fifths of the
 * score, the reasons worth showing.
 * @example coverage(problem, sign, idf, signLength, averageLength).score // 0.64
 */
export const coverage = (
  query: Features,
  document: Features,
  idf: Map<string, number>,
  documentLength: number,
  averageLength: number,
): { score: number; shared: string[]; carried: string[] } => {
  const lengthFactor = 1 - LENGTH_DISCOUNT + (LENGTH_DISCOUNT * documentLength) / averageLength;
  let got = 0;
  let best = 0;
  const added: Array<[feature: string, weight: number]> = [];
  for (const [f, qtf] of query) {
    const w = (idf.get(f) ?? 0) * Math.sqrt(qtf);
    if (w <= 0) continue;
    best += w;
    const tf = document.get(f);
    if (tf === undefined) continue;
    const adds =
      (w * (tf * (SATURATION + 1))) / (tf + SATURATION * lengthFactor) / (SATURATION + 1);
    got += adds;
    added.push([f, adds]);
  }
  added.sort((x, y) => y[1] - x[1]);
  const carried: string[] = [];
  let sum = 0;
  for (const [f, adds] of added) {
    if (sum >= CARRIED * got) break;
    carried.push(f);
    sum += adds;
  }
  return { score: best > 0 ? got / best : 0, shared: added.map(([f]) => f), carried };
};
