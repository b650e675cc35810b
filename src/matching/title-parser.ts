import {
  seniorityRank,
  type ContractType,
  type Seniority,
  type Shift,
  type TitleFacts,
  type WorkMode,
  gendersPhrase,
  teamLeadPhrase,
  workModePhrases,
} from '../domain/index.js';
import { completeCutWord } from './cut-word.js';
import { deliverableRole } from './deliverable.js';
import { leadBeforeRole } from './lead-before-role.js';
import { withoutHeadcount } from './headcount.js';
import { leadingTechnology } from './leading-technology.js';
import { withoutMarkup } from './markup.js';
import { isPlace } from './places.js';
import { purposeRole } from './purpose-clause.js';
import { qualifierOf } from './qualifiers.js';
import { asResearcher } from './research-post.js';
import { unglueFeed } from './glued-feed.js';
import { unslug } from './slug.js';
import { squashSpaces, trimEdges } from './whitespace.js';

/** What a free-text title says besides the role: the parts the matcher sets aside. */
export interface ParsedTitle extends TitleFacts {
  /** The title left after stripping: what is matched against the index. */
  core: string;
  /** Requisition numbers and bracketed text read as nothing else: not the role. */
  noise: string[];
}

/**
 * What the parser may ask of the index it parses for: whether a piece of a title ends in a
 * word that heads some role title (so it can be the role phrase), and whether it has any word
 * the index knows (so it can be matched at all).
 */
export interface RoleWords {
  endsInRoleHead(text: string): boolean;
  knowsAnyWord(text: string): boolean;
  /** Whether the index knows every word of the text as written. */
  knowsEveryWord(text: string): boolean;
  /** Whether the index knows every word of the text, or a typo of each. */
  readsEveryWord(text: string): boolean;
  /** Whether some role lists exactly this title. */
  listsTitle(text: string): boolean;
  /** Whether some role's guide lists the text as a technology of its work. */
  namesTechnology(text: string): boolean;
  /** Whether a role listing the title lists the technology among its guide's tools. */
  toolOfTitle(technology: string, title: string): boolean;
  /** The one role name these capitals are the initials of, and no word the index knows. */
  nameOfInitials(text: string): string | undefined;
  /** Whether the text alone is answered with a role. */
  namesRole(text: string): boolean;
  /** The word heading titles of the most roles among those starting with the prefix. */
  headStartingWith(prefix: string): string | undefined;
}

// Control characters are exactly what this pattern is for: they never belong in a title.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const HAS_CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

const FULL_WIDTH = /[\uff01-\uff5e]/;

/**
 * Pictographs (emoji with their joiners and variation selectors) that boards and posters put
 * between the role and the rest ("Product Manager 🚀 Remote"): they mark a break, never a word.
 */
const PICTOGRAPHS = /[\p{Extended_Pictographic}\uFE0F\u200D]+/gu;
const HAS_PICTOGRAPH = /\p{Extended_Pictographic}/u;

/** Longer input is cut here: no real title is this long, and matching work stays bounded. */
export const MAX_TITLE_LENGTH = 512;

/**
 * Words that only say how senior the holder is; they leave the core, and so do lead, staff,
 * principal and distinguished in front of a role. Role words that also say seniority (head, director, chief...)
 * stay in the core because taxonomies use them.
 */
const LEVEL_ONLY_WORDS: ReadonlyArray<readonly [RegExp, Seniority]> = [
  [
    // Working students, interns and trainees as postings in Europe and Brazil name them, the
    // year or placement a British degree spends in work, and North America's co-op terms.
    /\b(?:(?:industrial\s+)?placement\s+(?:years?|students?)|industrial\s+placement|year\s+in\s+industry|co-?op(?:\s+students?)?|working\s+students?|interns?|internships?|trainees?|(?:degree\s+)?apprentices?|(?:degree\s+)?apprenticeships?|werkstudent(?:in)?|praktikant(?:in)?|stagiaires?|stagistas?|tirocinantes?|becari[oa]s?|estagi[aá]ri[oa]s?|sta[zż]ysta)\b/gi,
    'intern',
  ],
  [/\b(?:j[uú]nior|jr|jnr)\b\.?(?!\s+(?:high|college|school))/gi, 'junior'],
  [/\b(?:entry[\s-]?level|graduate|grad|freshers?)\b(?=.*\w)/gi, 'junior'],
  // Not a market segment or a place: Mid-Market, Mid-Size, Mid West, the Midlands.
  [
    // Pleno, semi senior (SSR): the middle rung in Brazil and Spanish-speaking America; medior
    // in the Netherlands and Belgium.
    /\b(?:mid[\s-]?level|mid[\s-]?senior|intermediate|pleno|semi[\s-]?senior|ssr|medior|mid(?![\s-]?(?:market|size|sized|west|atlantic)\b))\b/gi,
    'mid',
  ],
  // Kanan: senior in Malay, after the role as Malay has it ("Jurutera Kanan").
  [
    /\b(?:s[eê]nior|sr|snr|kanan)\b\.?(?!\s+(?:high|citizens?|living|care|center|centre))/gi,
    'senior',
  ],
  // Confirmé: experienced, as French postings rank it.
  [/\b(?:experienced|confirm[ée]e?)(?![a-z\u00c0-\u024f])/gi, 'senior'],
];

const LEVEL_WORD = String.raw`(?:sr|snr|senior|jr|jnr|junior|mid|intermediate|lead|staff|principal)`;
const LEVELS_JOINED = new RegExp(String.raw`\b(${LEVEL_WORD}\.?)\s*\/\s*(?=${LEVEL_WORD}\b)`, 'gi');

/** Looked for once the words above are gone: "Senior Staff Engineer" starts with staff then. */
const LEADING_LEVEL_WORDS: ReadonlyArray<readonly [RegExp, Seniority]> = [
  [/^\s*staff\b(?=\s+[\w.#])/gi, 'staff'],
  [/^\s*lead\b(?=\s+[\w.#])/gi, 'lead'],
  [/^\s*principal\b(?=\s+[\w.#])/gi, 'principal'],
  [/^\s*distinguished\b(?=\s+[\w.#])/gi, 'distinguished'],
  // Before a role of two words or more ("Associate Software Engineer"): the first rung. A
  // taxonomy that lists the title with it ("Associate Professor") still matches it whole.
  [/^\s*associate\b(?=\s+[\w.#]+\s+[\w.#])/gi, 'junior'],
];

/** One pattern with one capture group per entry, so a title is scanned once, not per word. */
const combine = (
  entries: ReadonlyArray<readonly [RegExp, Seniority]>,
): { pattern: RegExp; seniorities: Seniority[] } => ({
  pattern: new RegExp(entries.map(([p]) => `(${p.source})`).join('|'), 'gi'),
  seniorities: entries.map(([, seniority]) => seniority),
});

const LEVEL_ONLY = combine(LEVEL_ONLY_WORDS);
const LEADING_LEVEL = combine(LEADING_LEVEL_WORDS);

/**
 * Removes the words of one combined pattern, recording their seniority; keeps the text as it
 * was if nothing would be left.
 */
const removeLevelWords = (
  text: string,
  { pattern, seniorities }: { pattern: RegExp; seniorities: Seniority[] },
  found: Findings,
): string => {
  const without = text.replace(pattern, (...groups: unknown[]) => {
    const which = groups.slice(1, seniorities.length + 1).findIndex((g) => g !== undefined);
    found.addSeniority(seniorities[which] as Seniority);
    return ' ';
  });
  return /[a-z]/i.test(without) ? without : text;
};

/** Role words reported as seniority but kept for matching. */
const ROLE_SENIORITY: ReadonlyArray<readonly [RegExp, Seniority]> = [
  [new RegExp(`\\b(?:${teamLeadPhrase})\\b`, 'i'), 'lead'],
  [/^head\b|\bhead\s+of\b/i, 'head'],
  [/\bdirector\b/i, 'director'],
  [/\b(?:vp|svp|evp|avp|vice[\s-]+president)\b/i, 'vp'],
  [/\bchief\b|\bc(?:[etfiom]|is)o\b/i, 'chief'],
];

/** Cheap first test: a title without any of these has no seniority word to look for. */
const SENIORITY_HINT =
  /\b(?:placement|year|co-?op|intern|trainee|apprentic|werkstudent|praktikant|stagi|tirocinant|becari|estagi|sta[zż]ysta|working|j[uú]nior|jn?r|entry|grad|fresher|associate|mid|intermediate|pleno|semi|ssr|medior|s[eê]nior|sn?r|experienced|confirm|kanan|staff|lead|team|tech|principal|distinguished|head|director|s?vp|evp|avp|vice|chief|c(?:[etfiom]|is)o)/i;

/** Requisition numbers, one pattern per common shape, tried in this order. */
const REQUISITION_SHAPES: readonly RegExp[] = [
  /(?:#\s*)?\b(?:req(?:uisition)?|job|posting|position|ref(?:erence)?|vacancy)\s*(?:id|no|number|num|code|#)?\s*[:#.]?\s*#?\s*[a-z]{0,5}[-_]?\d[\w-]*/,
  /#\s*[a-z]{0,4}[-_]?\d[\w-]*/,
  /\b[a-z]{1,5}[-_]?\d{4,}(?:[-_]\d+)*\b/,
  /\b[a-z]{1,3}[-_]\d{3,}(?:[-_]\d+)*\b/,
  /\b\d{5,}(?:[-_]\d+)*\b/,
  /\b\d{4}[-_]\d{2,}\b/,
  // A civil-service grade ("Gred N19", "DG41", "UF41"), or a group and level as Canada's
  // public service writes them ("IT-02"): where a post sits on a pay scale.
  /(?:\b(?:gred|grade)\s+)?\b[a-z]{1,2}\d{2}\b|\b[a-z]{2}-0\d\b/,
];
/** What each shape cannot match without: most titles fail these cheap tests and skip the shape. */
const REQUISITION_HINTS: readonly RegExp[] = [
  /req|job|posting|position|ref|vacancy/i,
  /#/,
  /\d{4}/,
  /\d{3}/,
  /\d{5}/,
  /\d{4}/,
  /[a-z]-?\d\d/i,
];
const REQUISITIONS = REQUISITION_SHAPES.map((shape, i) => ({
  pattern: new RegExp(shape.source, 'gi'),
  hint: REQUISITION_HINTS[i] as RegExp,
}));

const WORK_MODES: ReadonlyArray<readonly [RegExp, WorkMode]> = [
  [
    new RegExp(
      String.raw`^(?:fully\s+|100%?\s*|full[\s-]?time\s+)?(?:${workModePhrases.remote})(?:[\s-]*(?:first|only|friendly|ok|possible|ish))?$|^anywhere$`,
      'i',
    ),
    'remote',
  ],
  [new RegExp(`^(?:${workModePhrases.hybrid})$`, 'i'), 'hybrid'],
  [new RegExp(`^(?:${workModePhrases.onsite})$`, 'i'), 'onsite'],
];

/** After these, a leading "Remote" is part of the role (Remote Sensing Analyst, Remote Pilot). */
const REMOTE_AS_ROLE_WORD =
  /^remote\s+(?:sensing|pilot|encoding|monitor|monitoring|operator|operations|control|controller|vehicle|camera|systems?|sensor|access|support\s+technician)\b/i;

// IC: the individual-contributor track of a job architecture ("Software Engineer III - IC3").
const LEVEL_SEGMENT =
  /^(?:(?:l|ic|level|lvl|grade|band|tier|step)\s*-?\s*\d{1,2}|i{1,3}|iv|v|vi{1,3}|\d)$/i;
const TRAILING_LEVEL =
  /(?:\s+|(?<=[a-z])-)(?:(?:l|ic|level|lvl|grade|band|tier)\s*-?\s*\d{1,2}|i{1,3}|iv|v|vi{1,3}|\d)\.?$/i;
const TEAM_LEVEL = /\s+(?:l|level|lvl|tier)\s*-?\s*\d{1,2}$/i;
const INNER_LEVEL = /\b(?:(?:level|lvl)\s*-?\s*\d{1,2}|l\d{1,2})\b/i;

/**
 * Whether the text may end in a level: TRAILING_LEVEL ends in a digit, an i, a v or a dot, and
 * most role phrases end in none, so they skip an expression that tries every position.
 */
const mayEndInLevel = (text: string): boolean => {
  // Lower case for letters; digits and the dot already have the bit set.
  const last = text.charCodeAt(text.length - 1) | 0x20;
  return (last >= 0x30 && last <= 0x39) || last === 0x69 || last === 0x76 || last === 0x2e;
};

/** The text without the level that ends it ("Software Engineer II"). */
const withoutTrailingLevel = (text: string): string =>
  mayEndInLevel(text) ? text.replace(TRAILING_LEVEL, '') : text;

/**
 * Splits a title into segments at brackets, spaced dashes, bars, bullets, semicolons, commas,
 * colons ("Secondment: Data Analyst") and spaced double colons ("Front End Dev :: HTML/CSS").
 * A semicolon parts fields even unspaced, as rows pasted from a spreadsheet have it ("Data
 * Scientist;Pricing;London"): no title writes one inside a role.
 */
const SEGMENT_SEPARATOR =
  /\s+[-\u2013\u2014]+\s+|\s+::\s+|\s+[cC][uU][mM]\s+|[\u2013\u2014|\u2022;,/:]+(?=\s|$)|;+|\s+[-\u2013\u2014]+$|^[-\u2013\u2014]+\s+|\s+::$/;

const GENDER_MARKER = new RegExp(
  String.raw`^(?:${gendersPhrase}|m\s*\/\s*f\s*\/\s*div(?:erse)?|gn\*?)$`,
  'i',
);
const GENDER_HINT = /\/|gender/i;
const TRAILING_GENDER_MARKER = new RegExp(String.raw`\s+(?:${gendersPhrase})$`, 'i');

/**
 * What a posting says to catch the eye ("Urgent", "Hiring now", "Immediate start", "Direct Client
 * Req", "WE NEED"), and every level at once ("all levels"): not the role.
 */
const POSTING_CALL =
  /^(?:walk[\s-]?in(?:\s+(?:drive|interview))?(?:\s+for\s+\S+)?|urgent(?:ly)?(?:\s+(?:hire|hiring|requirement|opening|vacancy|role))?|immediate(?:\s+(?:start|starter|joiners?|hire|opening))?|(?:start\s+)?asap|(?:now\s+)?hiring(?:\s+(?:now|immediately))?|we(?:'|\u2019)?re\s+hiring|we\s+are\s+hiring|apply\s+(?:now|today)|(?:all|any|multiple|various)\s+levels|new|wanted|(?:we\s+)?need(?:ed)?|required|vacancy|opportunity|job\s+opening|(?:direct\s+client\s+|hot\s+)?req(?:uirement)?)!*$/i;
/** The same words before or after the role phrase, with no separator to tell them apart. */
const LEADING_POSTING_CALL =
  /^(?:(?:urgent(?:ly)?\s+)?(?:requirement|opening|vacancy|opportunity|hiring)\s+for(?:\s+an?)?|(?:direct\s+client\s+|hot\s+)?req(?:uirement)?\s*[:!]|(?:immediate\s+)?need(?:ed)?(?:\s+an?)?|(?:we(?:'|\u2019)?re|we\s+are\s+)?(?:looking|searching)\s+for(?:\s+an?)?|urgent(?:ly)?|(?:now\s+)?hiring|we(?:'|\u2019)?re\s+hiring|we\s+are\s+hiring|wanted)\s*[:!]*\s+/i;
const TRAILING_POSTING_CALL =
  /\s+(?:urgent(?:ly)?|asap|immediate(?:\s+(?:start|starter|joiners?|hire))?|hiring(?:\s+now)?|needed|wanted|required|opportunity|vacancy|opening|position|role)!*$/i;

/**
 * The marks a mail program puts before an answered or forwarded subject ("RE: RE:", "Fwd:"):
 * recruiters send a role as a mail's subject, and titles are pasted from them.
 */
const MAIL_MARKS = /^\s*(?:(?:re|fwd?)\s*:\s*)+/i;

/** A month and year, or a year, as a CV dates a job ("Mar 2021", "05/2018", "2019"). */
const DATE_POINT = String.raw`(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+|\d{1,2}\/)?(?:19|20)\d\d`;
const PERIOD = String.raw`${DATE_POINT}\s*(?:[-\u2013\u2014]+|to)\s*(?:${DATE_POINT}|present|to\s+date|date|now|current|today)\b`;
/**
 * The years a job was held, as a CV's job history writes them before the role ("2019–2022
 * Senior Developer", "Jan 2020 - Present: Java Developer") or beside it: when, not which role.
 */
const LEADING_PERIOD = new RegExp(String.raw`^\s*${PERIOD}\s*[:|\u00b7]?`, 'i');
const PERIOD_SEGMENT = new RegExp(String.raw`^${PERIOD}$`, 'i');

/**
 * A graduate scheme's intake or cohort after the role ("2025 intake", "September cohort"), or
 * the year or academic year alone that a scheme starts in ("Graduate Engineer 2027",
 * "Placement Year 2027/28").
 */
const TRAILING_INTAKE =
  /\s+(?:(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|fall|winter)\s+)?(?:(?:(?:19|20)\d\d\s+)?(?:intake|cohort|programme|program|scheme)|(?:19|20)\d\d(?:\/\d\d)?)$/i;

/**
 * The stage of the company hiring ("Series B startup", "Seed-stage", "fast-growing scale-up"):
 * it says who employs, not the team the role sits in.
 */
const COMPANY_STAGE =
  /^(?:(?:(?:pre[\s-]?)?seed(?:[\s-]+stage)?|series\s+[a-f]\+?|(?:early|growth|late)[\s-]+stage|(?:vc|yc|venture)[\s-]+backed|(?:well[\s-]+)?funded)(?:[\s-]+(?:start[\s-]?up|scale[\s-]?up|company))?|(?:fast[\s-]+growing\s+)?(?:start[\s-]?up|scale[\s-]?up))$/i;

/** Support tiers ("1st line", "2nd Line"): a level, as "Tier 2" is. */
const SUPPORT_LINE = /\b(?:1st|2nd|3rd|first|second|third)[\s-]+line\b/i;

/** A driving licence's class ("Class 1", "Cat C+E"): what the driver may drive, not the role. */
const LICENCE_CLASS = /\s*\b(?:class|cat(?:egory)?)\s*(?:[1-4]|c1|[a-e])(?:\s*\+\s*e)?\b/i;

/** The employer after the role ("Software Engineer at Acme", "Data Analyst @ Acme"). */
const AT_EMPLOYER = /^\s*(\S.*?\S)\s+(?:at|@)\s+(\S.*)$/i;

/** "w/" for "with" ("Data Analyst w/ Python"), which would otherwise split the title at its slash. */
const WITH_ABBREVIATED = /(?<=\s)w\/\s*(?=[a-z0-9.#+]{2})/gi;
/** A role and what it works with: "Data Analyst with Python", "Backend Developer using Go". */
const WITH_TECHNOLOGIES = /^\s*(\S.*?\S)\s+(?:with|using)\s+(\S.*)$/i;

/** The text before "at" or "@" and the employer after it; undefined without one. */
const employerOf = (text: string): { role: string; employer: string } | undefined => {
  const at = AT_EMPLOYER.exec(text);
  return at === null
    ? undefined
    : { role: at[1] as string, employer: squashSpaces(at[2] as string) };
};

/** Currencies as postings write them, by sign or code. */
const CURRENCIES = String.raw`[$£€₹¥]|\b(?:usd|eur|gbp|chf|sek|nok|dkk|inr|aud|cad|nzd|sgd|pln|czk|huf|zar|rs)\b`;
/** Hours of work as written beside pay ("37.5hrs", "40 hours per week", "9am-5:30pm"). */
const HOURS = String.raw`\d+(?:\.\d+)?\s*(?:hrs?|hours?|h)\b|\d{1,2}(?::\d\d)?\s*[ap]m\b`;
/** Cheap first test: only text with one of these can be pay. */
const PAY_HINT = new RegExp(
  String.raw`${CURRENCIES}|\b(?:lpa|ctc|salary|ote|doe|day\s+rate)\b|\d\s?k\b|${HOURS}`,
  'i',
);
/**
 * Everything pay is written with: amounts, currencies, periods, and the words around them, and
 * the hours, days and shifts the pay is for.
 */
const PAY_WORDS = new RegExp(
  String.raw`${HOURS}|${CURRENCIES}|\b(?:lpa|ctc|up|to|from|per|annum|year|yr|hours?|hrs?|h|days?|week|wk|pw|month|mo|a|an|p\.?a|p\.?h|pa|ph|salary|base|ote|doe|bonus|equity|benefits|plus|negotiable|neg|gross|net|annual|monthly|daily|rate|pro|rata|competitive|depending|on|off|experience|excellent|attractive|package|fte|full|part|time|shifts?|rota|nights?|mon|fri|call|allowance|overtime)\b|\b(?:inside|outside)(?:\s+ir35)?\b|\d[\d.,' ]*k?\b|[+\-–/()%,:|]`,
  'gi',
);

/**
 * Pay written beside a title ("$120k", "£45,000 - £55,000 per annum", "€60K+", "₹12-18 LPA",
 * "90 000 - 110 000 SEK", "Competitive salary", "DOE"): never a team, never the role.
 */
const isPay = (text: string): boolean =>
  PAY_HINT.test(text) && !/[a-z]/i.test(text.replace(PAY_WORDS, ' '));

/**
 * The text without the pay that ends it, when the pay starts at a word ("QA Engineer
 * £40k-£50k"); the text as it was otherwise.
 */
const withoutTrailingPay = (text: string, found: Findings): string => {
  if (!PAY_HINT.test(text)) return text;
  for (const start of text.matchAll(/\s(?=\S)/g)) {
    const rest = text.slice(start.index + 1);
    if (isPay(rest)) {
      found.noise.push(squashSpaces(rest).replace(/^[-–—|:,\s]+|[-–—|:,\s]+$/g, ''));
      return text.slice(0, start.index);
    }
  }
  return text;
};

/** A segment naming the group the role sits in ("Payments Team", "Risk Squad"): never the role. */
const TEAM_SEGMENT = /\b(?:team|squad|tribe|group|department|dept|division)$/i;

/** A title whose first segment is ended by a spaced dash, a bar or a colon, not a comma. */
const LEADING_DASHED_SEGMENT = /^[\s|]*[^,|:]+?\s*(?:\s[-\u2013\u2014]|\||:)\s/;

/** Bracketed words that may name a role's field: one to three plain words. */
const BRACKETED_TEAM = /^[a-z][a-z&'-]*(?:\s+[a-z&'-]+){0,2}$/i;

/** One word, then a slash with spaces around it, at the start of a title. */
const WORD_THEN_SPACED_SLASH = /^\s*([a-z][a-z-]*)\s+\/\s+(?=\S)/i;

/**
 * "Visual / UI Designer" as "Visual/UI Designer": a word that is no role by itself, before a
 * spaced slash, is another field of the role after it, not a segment of its own. A work mode or
 * a place there is a segment ("Remote / Backend Engineer").
 */
const joinSpacedSlash = (text: string, words: RoleWords | undefined): string => {
  const match = words === undefined ? null : WORD_THEN_SPACED_SLASH.exec(text);
  if (words === undefined || match === null) return text;
  const word = match[1] as string;
  if (
    words.endsInRoleHead(word) ||
    !words.knowsAnyWord(word) ||
    workModeOf(word) !== undefined ||
    isPlace(word)
  ) {
    return text;
  }
  return `${word}/${text.slice(match[0].length)}`;
};

/** The one spaced slash of a title, with the text before and after it. */
const ONE_SPACED_SLASH = /^([^/]*\S)\s+\/\s+(\S[^/]*)$/;

/**
 * "Salesforce Admin / Developer" as "Salesforce Admin/Developer": where the parts on both sides
 * of a spaced slash end in a role's head, they are two roles offered, not a role and its team.
 * Only after a role phrase of two words or more the index reads, the shape two roles joined by
 * an unspaced slash are told apart in: one word ("CTO / Co-founder") or a word no title uses
 * ("Pemandu Pelancong / Tour Guide") is read as it was.
 */
const closeSlashBetweenRoles = (text: string, words: RoleWords | undefined): string => {
  const parts = words === undefined ? null : ONE_SPACED_SLASH.exec(text);
  if (words === undefined || parts === null) return text;
  const before = squashSpaces((parts[1] as string).split(SEGMENT_SEPARATOR).at(-1) as string);
  const after = squashSpaces((parts[2] as string).split(SEGMENT_SEPARATOR)[0] as string);
  return /\S\s\S/.test(before) &&
    words.readsEveryWord(before) &&
    words.endsInRoleHead(before) &&
    words.endsInRoleHead(after)
    ? `${parts[1] as string}/${parts[2] as string}`
    : text;
};

/** Exclamation marks ending a call, as flyers and boards shout them ("Sysadmins!! We want YOU"). */
const EXCLAIMED = /!+(?=\s|$)/;

/**
 * The one call of a shouted title that ends in a role's head ("CLOUD ENGINEERS" of "CLOUD
 * ENGINEERS!!! we are growing", "Looking for a UX Designer" of "We're growing! Looking for a UX
 * Designer"): the others cheer the employer. The text as it was where no call or several do.
 */
const exclaimedRole = (text: string, words: RoleWords | undefined, found: Findings): string => {
  if (words === undefined || !text.includes('!')) return text;
  const calls = text.split(EXCLAIMED).filter((call) => /[a-z0-9]/i.test(call));
  if (calls.length < 2) return text;
  const roles = calls.filter((call) => words.endsInRoleHead(squashSpaces(call)));
  if (roles.length !== 1) return text;
  const role = roles[0] as string;
  found.noise.push(...calls.filter((call) => call !== role).map(squashSpaces));
  return role;
};

/** Spaced slashes or angle marks between the parts of a career site's department path. */
const PATH_SEPARATOR = /\s+[/>\u203a\u00bb]\s+/;
const PATH_MARK = /[/>\u203a\u00bb]/;

/**
 * "Engineering / Platform / Senior SRE" as "Senior SRE - Platform": a career site files a job
 * under its department and team, the job last, and the team nearest it says the most. Only with
 * three parts or more, where the last ends in a role head and no other does: three roles offered
 * at once ("DevOps / SRE / Platform Engineer") stay as they are.
 */
const fromDepartmentPath = (text: string, words: RoleWords | undefined): string => {
  // Most titles have none of the separators: they skip the split.
  if (words === undefined || !PATH_MARK.test(text)) return text;
  const parts = text.split(PATH_SEPARATOR);
  if (parts.length < 3) return text;
  const job = parts.at(-1) as string;
  if (!words.endsInRoleHead(job) || parts.slice(0, -1).some((p) => words.endsInRoleHead(p))) {
    return text;
  }
  return `${job} - ${parts.at(-2) as string}`;
};

/** Two role phrases, the first of two words or more, joined by a slash without spaces or "or". */
const JOINED_ROLES = /^(\S+\s+[^/]*?\S)(?:\/|\s+or\s+)(\S[^/]*)$/i;

/**
 * Two roles of one word each, joined by a slash, "or" or "&" ("BA/QA", "DevOps or SRE"). One
 * word before a role phrase of more ("AI/ML Engineer") is a field the phrase's head is shared by.
 */
const JOINED_ROLE_WORDS = /^([a-z][\w-]*)(?:\/|\s+(?:or|&)\s+)([a-z][\w-]*)$/i;

/**
 * A level written after the role, as payroll systems order a title's fields in capitals ("ML
 * ENGR STAFF"); elsewhere a last "Staff" is a word of the role ("Kitchen Staff").
 */
const PAYROLL_TRAILING_LEVEL = /^([A-Z0-9][A-Z0-9 &./-]*[A-Z0-9])\s+(STAFF|PRINCIPAL)$/;

/** A role of two words or more, then "to (the)" and whom it serves. */
const REPORTS_TO = /^(\S+\s+\S.*?)\s+to\s+(?:the\s+)?(\S.*)$/i;

/**
 * A British civil-service grade before the role ("HEO Software Developer", "SEO Technical
 * Architect"): where the post sits, as a band is. The same letters name search-engine work
 * ("SEO Specialist"), so they are a grade only before a title some role lists whole.
 */
const LEADING_CIVIL_SERVICE_GRADE = /^(?:aa|ao|eo|heo|seo)\s+(?=\S+\s+\S)/i;

/**
 * A code in capitals, as a civil service clips a specialty's words ("SYSADMIN", "INFOSEC"):
 * longer than the initials taxonomies bracket after a title ("Customer Service Associate
 * (CSA)"), which say the title again.
 */
const CAPITALS_CODE = /^[A-Z][A-Z0-9]{5,}$/;

/**
 * A segment of two to four capitals alone, as a role's initials are written, after the level
 * word it may follow ("Sr. DS") and before the ladder level it may carry ("EM2", "EM II"); IC is
 * the individual contributor's ladder, never a role's initials.
 */
const INITIALS =
  /^(\s*(?:(?:[Ss]n?r|[Ss]enior|SENIOR|SNR|SR|[Jj]n?r|[Jj]unior|JUNIOR|JNR|JR|[Ll]ead|LEAD)\.?\s+)?)(?!IC\s*\d)([A-Z]{2,4})(?:\s*([1-9]|I{1,3}|IV))?\s*$/;

/** A role phrase, then "for" and whom or what it serves: "Scrum Master for two squads". */
const SERVES = /^(\S.*?)\s+for\s+(\S.*)$/i;

/**
 * Whether the text before "for" is a whole role phrase, two words or more ending in a head or a
 * title by itself ("vCISO"), and the clause after it says only whom it serves: a clause of
 * words titles all use, or typos of them, may name the role's own field ("General Manager
 * for Nursing Home"). A bare head ("Engineer for our payments API") is read with its clause's
 * words instead (see purposeRole).
 */
const servesAsRole = (role: string, clause: string, words: RoleWords): boolean =>
  (/\S\s+\S/.test(role) ? words.endsInRoleHead(role) : words.listsTitle(role)) &&
  !words.readsEveryWord(clause);

/**
 * A field named where the role belongs ("Software Engineering Intern", "Data Science Intern",
 * "Intern - Software") stands for the one who practises it. Read as the field, its words lead
 * to roles that merely share them: "Software Engineering" to the Software Engineering Manager.
 */
const PRACTITIONERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(\S.*\s)engineering$/i, '$1Engineer'],
  // Not every development is a developer's: business, sales or organisational development is not.
  [
    /^(\S.*\s)?((?:software|web|app(?:lication)?|mobile|game|front[\s-]?end|back[\s-]?end|full[\s-]?stack)\s+)development$/i,
    '$1$2Developer',
  ],
  // German names the work as one word with its field ("Werkstudent Softwareentwicklung"); a
  // word before it is most often who leads it ("Leiter Softwareentwicklung"), left as it is.
  [
    /^((?:software|web|app|anwendungs|frontend|front-end|backend|back-end|fullstack|full-stack|spiele|mobile)[\s-]?)entwicklung$/i,
    '$1Entwickler',
  ],
  [/^(\S.*\s)science$/i, '$1Scientist'],
  [/^(\S.*\s)design$/i, '$1Designer'],
  [/^(\S.*\s)analy(?:tics|sis)$/i, '$1Analyst'],
  [/^(\S.*\s)administration$/i, '$1Administrator'],
  [/^(\S.*\s)testing$/i, '$1Tester'],
  [/^(\S.*\s)writing$/i, '$1Writer'],
  [/^software$/i, 'Software Engineer'],
];

/**
 * One or two acronyms (a certificate, a unit, a clearance) ending a role phrase, or one group
 * of technologies ("AWS/Azure").
 */
const TRAILING_ACRONYMS =
  /\s((?:[A-Z][A-Z0-9]{1,5})(?:\s+[A-Z][A-Z0-9]{1,5})?|[^\s/]+(?:\/[^\s/]+)+)$/;

/**
 * The role phrase and the acronyms after it ("Network Engineer CCNP"), when the text does not
 * end in a word heading some title but does without them.
 */
const trailingQualifier = (
  core: string,
  words: RoleWords,
  beforePay: boolean,
): TrailingQualifier | undefined => {
  // Most titles end in no acronym: the test on the text spares them the index look-ups.
  const trailing = TRAILING_ACRONYMS.exec(core);
  const found =
    trailing === null
      ? trailingWords(core, words)
      : !words.endsInRoleHead(core.slice(0, trailing.index)) || words.endsInRoleHead(core)
        ? undefined
        : { role: core.slice(0, trailing.index), qualifier: trailing[1]! };
  return found ?? (beforePay ? placeBeforePay(core, words) : undefined);
};

interface TrailingQualifier {
  role: string;
  qualifier: string;
  /** Set when the words are read as a place for their shape alone. */
  place?: true;
}

/**
 * A word of a place as a feed writes it: capitalised ("Reading", "Milton Keynes"), a postcode
 * district ("RG1", "EC2"), or a joining word inside a name ("Newcastle upon Tyne").
 */
const PLACE_WORD = /^(?:\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*|[A-Z]{1,2}\d[A-Z\d]?)$/u;
const PLACE_JOINING_WORD = /^(?:upon|on|under|le|la|de|am|sur)$/;

/**
 * The place a job feed writes between the role and the pay ("Linux Systems Administrator
 * Reading RG1 £45-50k"): one to three capitalised words or postcodes after a role head, read
 * as a place for their shape when no list knows them, since a feed's line is role, place, pay.
 */
const placeBeforePay = (core: string, words: RoleWords): TrailingQualifier | undefined => {
  if (words.endsInRoleHead(core)) return undefined;
  const parts = core.split(' ');
  for (let k = 1; k <= Math.min(MOST_TRAILING_WORDS, parts.length - 1); k++) {
    const first = parts[parts.length - k] as string;
    // A joining word may sit inside the place, never start it: read on to the word before.
    if (k > 1 && PLACE_JOINING_WORD.test(first)) continue;
    if (!PLACE_WORD.test(first)) return undefined;
    const role = parts.slice(0, -k).join(' ');
    if (words.endsInRoleHead(role)) {
      return { role, qualifier: parts.slice(-k).join(' '), place: true };
    }
  }
  return undefined;
};

/** The most words a place, a shift or a work mode after the role takes ("New York City"). */
const MOST_TRAILING_WORDS = 3;

/**
 * A place, a work mode, a shift, terms of employment, technologies or a hashtag written after
 * the role with no mark between ("Backend Developer London", "IT Helpdesk Technician 2nd
 * shift", "Backend Developer #hiring"), when the text does not end in a word heading some title
 * but does without them.
 */
const trailingWords = (
  core: string,
  words: RoleWords,
): { role: string; qualifier: string } | undefined => {
  // Most titles end in a head: match() reads the same tokens, so the look-up costs little.
  if (words.endsInRoleHead(core)) return undefined;
  const parts = core.split(' ');
  for (let k = 1; k <= Math.min(MOST_TRAILING_WORDS, parts.length - 1); k++) {
    const qualifier = parts.slice(-k).join(' ');
    const known =
      qualifier.startsWith('#') ||
      workModeOf(qualifier) !== undefined ||
      qualifierOf(qualifier) !== undefined ||
      isPlace(qualifier);
    if (!known) continue;
    const role = parts.slice(0, -k).join(' ');
    if (words.endsInRoleHead(role)) return { role, qualifier };
  }
  return undefined;
};

/**
 * A core split into the words before its head that no title uses ("Deputy" of "Deputy
 * Manager"), a designation that ranks the head and names no kind of it, and the head. The designation is empty for a bare head; undefined where a word before
 * the head is one the index knows.
 */
const designatedHead = (
  core: string,
  words: RoleWords,
): { designation: string; head: string } | undefined => {
  const cut = core.lastIndexOf(' ');
  const designation = core.slice(0, Math.max(0, cut));
  const known = designation.split(' ').some((word) => words.knowsEveryWord(word));
  return designation !== '' && known ? undefined : { designation, head: core.slice(cut + 1) };
};

/**
 * The field named after a bare or merely designated head ("Analyst - Data Science", "Deputy
 * Manager - IT"): one to three words the index knows, no role phrase by itself but a field of
 * work, as the only segment after the head. Undefined for any other title.
 */
const fieldAfterHead = (
  core: string,
  teams: readonly string[],
  words: RoleWords,
  title: string,
): string | undefined => {
  // Most titles have no team: they are out before the words before the head are looked up,
  // each normalized on its own.
  if (teams.length !== 1) return undefined;
  const designated = designatedHead(core, words);
  if (designated === undefined) return undefined;
  const field = teams[0] as string;
  const written = title.toLowerCase();
  // A team named before the role ("Software Engineering Team - Developer") is a team still.
  if (written.indexOf(field.toLowerCase()) < written.indexOf(core.toLowerCase())) return undefined;
  if (!BRACKETED_TEAM.test(field)) return undefined;
  // A designated head keeps its kind: "Mechanical Engineer - Product Design" is no designer.
  const { designation, head } = designated;
  if (designation !== '' && !practitionerIn(field, head, words).endsWith(head)) return undefined;
  const practitioner = practitionerOf(field, undefined);
  if (practitioner !== field) return words.knowsEveryWord(practitioner) ? field : undefined;
  return words.knowsEveryWord(field) && !words.endsInRoleHead(field) ? field : undefined;
};

/** Heads that lead the field after them rather than practise it ("Manager - Software Development"). */
const LEADING_HEAD = /^(?:lead|leader|manager|head|director|supervisor|chief)$/i;

/**
 * The role phrase of a bare head and the field after it: the two as one title where a role
 * lists it or the head leads the field ("Software Development Manager"), else the practitioner
 * of a field of work ("Data Scientist" of "Data Science", "Manual Tester" of "Manual Testing")
 * where the field names one, else the field before the head ("IT Infra Executive").
 */
const practitionerIn = (field: string, head: string, words: RoleWords): string => {
  const merged = `${field} ${head}`;
  if (words.listsTitle(merged) || LEADING_HEAD.test(head)) return merged;
  const practitioner = practitionerOf(field, undefined);
  return practitioner !== field && words.endsInRoleHead(practitioner) ? practitioner : merged;
};

/** Who leads a field is no practitioner of it: "Director, Software Engineering" stays as it is. */
const LEADS_FIELD: ReadonlySet<Seniority> = new Set(['head', 'director', 'vp', 'chief']);

/** The last words of the fields above: most titles end in none, and skip the patterns. */
const FIELD_WORDS = new Set([
  'administration',
  'testing',
  'writing',
  'engineering',
  'development',
  'science',
  'design',
  'analytics',
  'analysis',
  'software',
]);

const practitionerOf = (core: string, seniority: Seniority | undefined): string => {
  const last = core.slice(core.lastIndexOf(' ') + 1).toLowerCase();
  if (!FIELD_WORDS.has(last) && !last.endsWith('entwicklung')) return core;
  if (seniority !== undefined && LEADS_FIELD.has(seniority)) return core;
  const rule = PRACTITIONERS.find(([field]) => field.test(core));
  return rule === undefined ? core : core.replace(rule[0], rule[1]);
};

/** A leader of a field, the leader first ("Director of Data Science") or last ("Data Science Manager"). */
const LEADER_FIRST = /^(head|director|vp|vice\s+president)\s+of\s+(\S.*)$/i;
const LEADER_LAST = /^(\S.*?)\s+(manager|director|head|lead)$/i;

/**
 * The practitioner of a field whose leader no role lists ("Data Scientist" of "Director of Data
 * Science"): a library with no leader of that field may answer with the work led. Where some role
 * lists a leader of one of the field's words ("Engineering Manager" for "Civil Engineering
 * Manager", "Animation Director" for "Animation Design Director"), the leader is that role's,
 * and the title is left as it is.
 */
const practitionerLed = (core: string, words: RoleWords): string | undefined => {
  const first = LEADER_FIRST.exec(core);
  const last = first === null ? LEADER_LAST.exec(core) : null;
  const [leader, field] =
    first !== null ? [first[1], first[2]] : last !== null ? [last[2], last[1]] : [];
  if (leader === undefined || field === undefined) return undefined;
  const practitioner = practitionerOf(field, undefined);
  if (practitioner === field || !words.listsTitle(practitioner) || words.listsTitle(core)) {
    return undefined;
  }
  const led = field.split(' ').flatMap((word) => [`${word} ${leader}`, `${leader} of ${word}`]);
  return led.some((title) => words.listsTitle(title)) ? undefined : practitioner;
};

/** Cheap first test: only text with one of these words can name a work mode. */
const WORK_MODE_HINT = /remote|hybrid|site|office|person|home|wfh|tele|anywhere|distributed/i;

const workModeOf = (segment: string): WorkMode | undefined =>
  WORK_MODE_HINT.test(segment)
    ? WORK_MODES.find(([pattern]) => pattern.test(segment))?.[1]
    : undefined;

const levelText = (raw: string): string => {
  const text = squashSpaces(raw.replace(/\.$/, '').replace(/^\s*-/, ''));
  const digits = /(\d+)/.exec(text)?.[1];
  if (digits !== undefined && /^l\s*-?\s*\d/i.test(text)) return `L${digits}`;
  if (digits !== undefined && /^ic\s*-?\s*\d/i.test(text)) return `IC${digits}`;
  if (digits !== undefined && /^[a-z]/i.test(text)) return `Level ${digits}`;
  return text.toUpperCase();
};

class Findings {
  seniority?: Seniority;
  level?: string;
  workMode?: WorkMode;
  readonly locations: string[] = [];
  shift?: Shift;
  contract?: ContractType;
  private contractFromDuration = false;
  readonly technologies: string[] = [];
  readonly team: string[] = [];
  readonly noise: string[] = [];
  readonly bracketed: string[] = [];
  /** Qualifiers the matcher weighs lightly: technologies and teams beside the role. */
  readonly setAside: string[] = [];
  /** The core before seniority words were taken out of it. */
  withSeniority = '';

  addSeniority(value: Seniority): void {
    if (this.seniority === undefined || seniorityRank(value) > seniorityRank(this.seniority)) {
      this.seniority = value;
    }
  }

  /**
   * The team without the level that ends it ("SOC Tier 2", "Service Desk L2"): the tier the
   * role works at within the team, recorded as its level. Only a level word with its number:
   * a bare number or numeral may name the team itself ("Squad 7").
   */
  private withoutTeamLevel(team: string): string {
    const level = TEAM_LEVEL.exec(team);
    if (level === null || level.index === 0) return team;
    this.level ??= levelText(level[0]);
    return team.slice(0, level.index);
  }

  /** Segments naming the group the role sits in: a qualifier the matcher weighs lightly. */
  addTeams(segments: readonly string[]): void {
    const teams = segments.map((segment) => this.withoutTeamLevel(squashSpaces(segment)));
    this.team.push(...teams);
    this.setAside.push(...teams);
  }

  /**
   * Records a shift, terms of employment or technologies; false for text that is none of
   * them. An explicit "Contract" wins over a bare duration ("6 months") read first.
   */
  qualifier(text: string): boolean {
    const found = qualifierOf(trimEdges(squashSpaces(text), '-:', '-:.'));
    if (found === undefined) return false;
    if (found.kind === 'shift') this.shift ??= found.shift;
    else if (found.kind === 'technologies') {
      this.technologies.push(...found.technologies);
      this.setAside.push(found.technologies.join(' '));
    } else if (this.contract === undefined || (this.contractFromDuration && !found.fromDuration)) {
      this.contract = found.contract;
      this.contractFromDuration = found.fromDuration;
    }
    return true;
  }

  /** A whole segment that is a modifier is recorded and dropped; anything else is kept. */
  classify(segment: string): boolean {
    const text = trimEdges(squashSpaces(segment), '-:', '-:.');
    if (text.length === 0) return true;
    const mode = workModeOf(text);
    if (mode !== undefined) {
      this.workMode ??= mode;
      return true;
    }
    const modeThenPlace = /^(remote|hybrid|on[\s-]?site)\s*[-:(,]?\s*(.+?)\)?$/i.exec(text);
    if (modeThenPlace !== null && isPlace(modeThenPlace[2] as string)) {
      this.workMode ??= workModeOf(modeThenPlace[1] as string);
      this.locations.push(modeThenPlace[2] as string);
      return true;
    }
    const placeOrMode = /^(.+?)\s+(?:or|\/|&|and)\s+(\S.*)$/i.exec(text);
    const orMode = placeOrMode === null ? undefined : workModeOf(placeOrMode[2] as string);
    if (orMode !== undefined && isPlace(placeOrMode![1] as string)) {
      // "Berlin or remote": the place, and the work mode offered instead of it.
      this.workMode ??= orMode;
      this.locations.push(placeOrMode![1] as string);
      return true;
    }
    if (isPlace(text)) {
      this.locations.push(text);
      return true;
    }
    if (LEVEL_SEGMENT.test(text)) {
      this.level ??= levelText(text);
      return true;
    }
    if (GENDER_MARKER.test(text) || POSTING_CALL.test(text) || COMPANY_STAGE.test(text)) {
      this.noise.push(text);
      return true;
    }
    if (isPay(text) || (/\d\d\d/.test(text) && PERIOD_SEGMENT.test(text))) {
      this.noise.push(text);
      return true;
    }
    return false;
  }
}

const stripRequisitions = (text: string, found: Findings): string => {
  if (!/[\d#]/.test(text)) return text;
  let out = text;
  for (const { pattern, hint } of REQUISITIONS) {
    if (!hint.test(out)) continue;
    out = out.replace(pattern, (match) => {
      found.noise.push(squashSpaces(match));
      return ' | ';
    });
  }
  return out;
};

/**
 * A gendered ending bracketed onto a word ("Engenheiro(a)", "Entwickler(in)"), as Portuguese,
 * Spanish, Italian and German postings address either gender: part of the word, never a
 * bracket of its own that would split the role from its field.
 */
const GENDERED_ENDING = /(?<=\p{L})\((?:a|as|o|os|e|es|in|innen)\)(?!\p{L})/giu;

/**
 * The inclusive ending German postings join to a word with a star, colon, underscore or slash
 * ("Entwickler*in", "Analyst:in", "Administrator_innen"): part of the word, as the bracketed
 * ending is.
 */
const INCLUSIVE_ENDING = /(?<=\p{Ll})[*:_/](?:in|innen)(?!\p{L})/gu;
const HAS_INCLUSIVE_ENDING = /\p{Ll}[*:_/]in/u;

const stripBrackets = (text: string, found: Findings): string =>
  !/[([{]/.test(text)
    ? text
    : text.replace(
        /\(([^()]*)\)|\[([^\]]*)\]|\{([^}]*)\}/g,
        (_m, a?: string, b?: string, c?: string) => {
          const inner = squashSpaces(a ?? b ?? c ?? '');
          if (/[a-z0-9]/i.test(inner) && !found.classify(inner) && !found.qualifier(inner)) {
            found.noise.push(inner);
            found.bracketed.push(inner);
          }
          return ' | ';
        },
      );

/** After the role phrase, "at" or "@" starts the employer ("Backend @ Acme"): noise. */
const withoutEmployer = (segment: string, found: Findings): string => {
  const at = employerOf(segment);
  if (at === undefined) return segment;
  found.noise.push(at.employer);
  return at.role;
};

/** Drops modifier segments; a "City, ST" pair spans two segments, so pairs are tried first. */
const keepSegments = (pieces: string[], found: Findings): string[] => {
  const segments = pieces.filter((piece) => /[a-z0-9]/i.test(piece));
  const kept: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    // "Ingénieur DevOps H/F - CDI": a gender marker may end any segment, not only the last.
    const piece = segments[i] as string;
    const segment = GENDER_HINT.test(piece)
      ? stripEdge(piece, TRAILING_GENDER_MARKER, found)
      : piece;
    const next = segments[i + 1];
    if (next !== undefined && isPlace(`${segment}, ${next}`) && !isPlace(next)) {
      found.locations.push(`${squashSpaces(segment)}, ${squashSpaces(next)}`);
      i++;
    } else if (!found.classify(segment)) {
      kept.push(kept.length > 0 ? withoutEmployer(segment, found) : segment);
    }
  }
  // A segment of seniority words only ("Intern - Software") says how senior, not which role.
  // A lone segment stays whatever it says, so most titles skip the test.
  if (kept.length < 2) return kept;
  const roles = kept.filter((segment) => !seniorityOnly(segment));
  if (roles.length === 0 || roles.length === kept.length) return kept;
  for (const segment of kept)
    if (seniorityOnly(segment)) removeLevelWords(segment, LEVEL_ONLY, found);
  return roles;
};

/** The season and year an internship or scheme starts: "Summer 2027 Intern" is an intern only. */
const STARTING = /\b(?:spring|summer|autumn|fall|winter|(?:19|20)\d\d(?:\/\d\d)?)\b/gi;

const seniorityOnly = (segment: string): boolean =>
  SENIORITY_HINT.test(segment) &&
  !/[a-z]/i.test(segment.replace(LEVEL_ONLY.pattern, ' ').replace(STARTING, ' '));

/**
 * The role phrase among the segments left: up to the first that ends in a role word ("Product
 * Manager" of "Product Manager, Payments"; "Governance, Risk and Compliance Analyst" whole).
 * Shifts, terms of employment and technologies are qualifiers wherever they stand, unless
 * nothing else is left; the segments after the role phrase name its team.
 */
const roleSegments = (
  segments: string[],
  found: Findings,
  words: RoleWords | undefined,
  title: string,
  written: string,
): string[] => {
  if (segments.length < 2) return segments;
  const unread = segments.filter((segment) => !found.qualifier(segment));
  let rest = unread.length > 0 ? unread : segments.slice(0, 1);
  if (words === undefined || rest.length < 2) return rest;
  const leadingTeams = rest.findIndex((segment) => !TEAM_SEGMENT.test(squashSpaces(segment)));
  if (leadingTeams > 0) {
    // The team named before the role ("Payments Team - Backend Engineer") is the team still.
    found.addTeams(rest.slice(0, leadingTeams));
    rest = rest.slice(leadingTeams);
    if (rest.length < 2) return rest;
  }
  const [first, second] = rest.map(squashSpaces) as [string, string];
  if (
    LEADING_DASHED_SEGMENT.test(title) &&
    !words.endsInRoleHead(first) &&
    words.endsInRoleHead(withoutTrailingLevel(squashSpaces(unranked(second)))) &&
    (/^\S+$/.test(first) ||
      // Brackets split a title as a bar does: only a dash or bar as written marks an employer.
      (LEADING_DASHED_SEGMENT.test(written) &&
        /\S\s+\S/.test(withoutTrailingLevel(squashSpaces(unranked(second))))))
  ) {
    // A department of one word before a dash or bar ("Engineering - Software Engineer"), or
    // the employer before a role phrase whole in itself ("Northwind Bank — iOS Engineer"). A
    // field of more words before a bare head ("Data Platform - Senior Engineer") is the
    // role's own field, read with it as an inverted title. Segments after the role phrase
    // name its team, as they do after any role phrase.
    found.addTeams([first, ...rest.slice(2)]);
    return [second];
  }
  const end = rest.findIndex(
    (segment, i) =>
      words.endsInRoleHead(withoutTrailingLevel(squashSpaces(segment))) ||
      TEAM_SEGMENT.test(squashSpaces(rest[i + 1] ?? '')),
  );
  if (end === rest.length - 1) return rest;
  if (end < 0) {
    // No part ends in a role's head, but the first holds a role phrase followed by a word of
    // its own ("Project Manager IT – Nantes"): that part is the role, the later ones its team.
    if (!opensWithRolePhrase(squashSpaces(first), words)) return rest;
    found.addTeams(rest.slice(1));
    return [first];
  }
  found.addTeams(rest.slice(end + 1));
  return rest.slice(0, end + 1);
};

/** Whether the text's words up to one before its last end in a role's head. */
const opensWithRolePhrase = (text: string, words: RoleWords): boolean => {
  const tokens = text.split(' ');
  for (let n = tokens.length - 1; n > 0; n--) {
    if (words.endsInRoleHead(tokens.slice(0, n).join(' '))) return true;
  }
  return false;
};

/** Removes a match of the pattern into the noise, unless nothing of the role would be left. */
const stripEdge = (text: string, pattern: RegExp, found: Findings): string => {
  const match = pattern.exec(text);
  if (match === null) return text;
  const rest = text.slice(0, match.index) + text.slice(match.index + match[0].length);
  if (!/[a-z]/i.test(rest)) return text;
  found.noise.push(squashSpaces(match[0]));
  return rest;
};

/** Terms of employment said after the role, with no separator ("6-12 months contract"). */
const TRAILING_TERMS =
  /\s+(?:\d+(?:\s*[-–]\s*\d+)?\s*(?:months?|mos?)\s+)?(contract|fixed[\s-]term|temporary|temp|permanent|perm|part[\s-]time|full[\s-]time|freelance|(?:w2|c2c)(?:\s+only)?)$/i;

/**
 * Terms of employment said before the role ("Contract Data Engineer"). Only before two words
 * or more: "Contract Manager" and "Temporary Teacher"-like pairs name the work itself.
 */
const LEADING_TERMS =
  /^(contract|contractor|freelance|interim|temporary|temp|permanent|perm|fixed[\s-]term|part[\s-]time|full[\s-]time)\s+(?=\S+\s+\S)/i;

/** Cheap first test: a core without any of these has none of the words stripEdgeWords takes. */
const EDGE_WORD_HINT =
  /urgent|hiring|need|req|wanted|opening|vacanc|opportunit|position|role|looking|searching|asap|immediate|intake|cohort|program|scheme|(?:19|20)\d\d(?:\/\d\d)?$|class|cat|line|contract|term|temp|perm|time|freelance|interim|w2|c2c/i;

/** Takes off the words around the role phrase that say nothing of the role. */
const stripEdgeWords = (core: string, found: Findings): string => {
  let text = stripEdge(core, LEADING_POSTING_CALL, found);
  text = stripEdge(text, TRAILING_POSTING_CALL, found);
  text = stripEdge(text, TRAILING_INTAKE, found);
  text = stripEdge(text, LICENCE_CLASS, found);
  const terms = TRAILING_TERMS.exec(text);
  if (terms !== null && /[a-z]/i.test(text.slice(0, terms.index)) && found.qualifier(terms[1]!)) {
    text = text.slice(0, terms.index);
  }
  const leading = LEADING_TERMS.exec(text.trimStart());
  if (leading !== null && found.qualifier(leading[1]!)) {
    text = text.trimStart().slice(leading[0].length);
  }
  const line = SUPPORT_LINE.exec(text);
  if (line !== null) {
    // Before the role ("First Line Support Analyst") the tier is part of titles taxonomies
    // list; after it, it is only the level.
    found.level ??= squashSpaces(line[0]);
    const before = text.slice(0, line.index);
    if (/^\s*$/.test(text.slice(line.index + line[0].length)) && /[a-z]/i.test(before)) {
      text = before;
    }
  }
  return text;
};

const stripWordModifiers = (core: string, found: Findings): string => {
  let text = EDGE_WORD_HINT.test(core) ? stripEdgeWords(core, found) : core;
  const leadingMode = /^(?:fully\s+|100%\s*)?(remote|hybrid)\s+/i.exec(text);
  if (leadingMode !== null && !REMOTE_AS_ROLE_WORD.test(text)) {
    found.workMode ??= /^remote/i.test(leadingMode[1] as string) ? 'remote' : 'hybrid';
    text = text.slice(leadingMode[0].length);
  }
  const trailingMode = /\s+(remote|hybrid|on[\s-]?site)$/i.exec(text);
  if (trailingMode !== null) {
    found.workMode ??= workModeOf(trailingMode[1] as string);
    text = text.slice(0, trailingMode.index);
  }
  const trailingLevel = mayEndInLevel(text) ? TRAILING_LEVEL.exec(text) : null;
  if (trailingLevel !== null && text.slice(0, trailingLevel.index).trim().length > 0) {
    found.level ??= levelText(trailingLevel[0]);
    text = text.slice(0, trailingLevel.index);
  }
  const innerLevel = INNER_LEVEL.exec(text);
  if (innerLevel !== null) {
    found.level ??= levelText(innerLevel[0]);
    text = text.replace(INNER_LEVEL, ' ');
  }
  found.withSeniority = squashSpaces(text);
  if (!SENIORITY_HINT.test(text)) return found.withSeniority;
  // "Sr./Lead Engineer", "Mid/Senior Developer": two levels offered, read as two words. Only a
  // slash joins them, and the pattern is tried at every word of a title without one.
  if (text.includes('/')) text = text.replace(LEVELS_JOINED, '$1 ');
  for (const [pattern, seniority] of ROLE_SENIORITY) {
    if (pattern.test(text)) found.addSeniority(seniority);
  }
  text = removeLevelWords(text, LEVEL_ONLY, found);
  text = removeLevelWords(text, LEADING_LEVEL, found);
  return squashSpaces(text);
};

/** The text without its seniority words. */
const unranked = (text: string): string =>
  text.replace(LEVEL_ONLY.pattern, ' ').replace(LEADING_LEVEL.pattern, ' ');

/** Whether the index reads every word of the role phrase but its seniority words. */
const readsRole = (roleText: string, words: RoleWords): boolean =>
  words.readsEveryWord(roleText) || words.readsEveryWord(unranked(roleText));

/** What the matcher needs besides the parsed title: the words it set aside, to weigh lightly. */
export interface TitleForMatching {
  parsed: ParsedTitle;
  /** The core with its seniority words still in it ("Lead Developer" for "Lead Developer"). */
  withSeniority: string;
  /** Qualifiers and bracketed text that are not modifiers ("Node.js", "Payments", "Android"). */
  setAside: string[];
  /** The role phrase with the team segments after it: a taxonomy may list it whole. */
  whole: string;
  /** The practitioner of the field the role phrase leads, to answer with if it is not answered. */
  led?: string;
}

/**
 * parseTitle, plus what the matcher weighs lightly: the seniority words taken out of the core
 * and the bracketed extras.
 *
 * @example parseTitleForMatching('Lead Developer (Android)').withSeniority // 'Lead Developer'
 */
/**
 * The member-of-technical-staff ladder with its rung's initial glued on ("SMTS", "PMTS"):
 * read as the rung's word before MTS, so the rung is the seniority and MTS the title.
 */
const LADDER_INITIALS = /\b([slp])mts\b/gi;
const LADDER_RUNGS: Readonly<Record<string, string>> = { s: 'Senior', l: 'Lead', p: 'Principal' };

/**
 * The pay scale a grade belongs to, written beside it ("Band 6 (AfC)", "Agenda for Change Band
 * 5"): the National Health Service names its own on nearly every post, and the name says
 * nothing of the role; the band itself is read as a level.
 */
const PAY_SCALE_NAME =
  /\(\s*(?:afc|agenda\s+for\s+change)\s*\)|\b(?:afc|agenda\s+for\s+change)\b/gi;
const PAY_SCALE_HINT = /afc|agenda/i;

/**
 * A level word as the last comma-separated part of a title, brackets after it already taken
 * off (see parseTitleForMatching).
 */
const RUNG_ENDING_HEAD_FIRST = /,\s*(staff|lead|principal|distinguished)[\s|]*$/i;

export const parseTitleForMatching = (input: string, words?: RoleWords): TitleForMatching => {
  const found = new Findings();
  const cut = input.slice(0, MAX_TITLE_LENGTH);
  // Full-width Latin letters and digits, as Japanese and Chinese postings write English titles
  // ("Ｂａｃｋｅｎｄ Ｄｅｖｅｌｏｐｅｒ"), read as the ASCII they stand for.
  const wide = FULL_WIDTH.test(cut) ? cut.normalize('NFKC') : cut;
  const head = withoutMarkup(wide);
  let text = unslug(
    HAS_CONTROL_CHARACTER.test(head) ? head.replace(CONTROL_CHARACTERS, ' ') : head,
    words,
  );
  if (HAS_PICTOGRAPH.test(text)) text = text.replace(PICTOGRAPHS, ' | ');
  text = unglueFeed(text, (word) => words?.endsInRoleHead(word) === true);
  const mail = MAIL_MARKS.exec(text);
  if (mail !== null) {
    found.noise.push(squashSpaces(mail[0]));
    text = text.slice(mail[0].length);
  }
  text = completeCutWord(text, words);
  const counted = withoutHeadcount(text);
  found.noise.push(...counted.counts);
  text = counted.text;
  if (/^\s*\S{0,5}\s?\d/.test(text)) text = stripEdge(text, LEADING_PERIOD, found);
  text = stripRequisitions(text, found);
  if (LADDER_INITIALS.test(text)) {
    text = text.replace(
      LADDER_INITIALS,
      (_m, rung: string) => `${LADDER_RUNGS[rung.toLowerCase()] as string} MTS`,
    );
  }
  if (PAY_SCALE_HINT.test(text)) {
    text = text.replace(PAY_SCALE_NAME, (name) => {
      found.noise.push(squashSpaces(name.replace(/[()]/g, '')));
      return ' ';
    });
  }
  if (HAS_INCLUSIVE_ENDING.test(text)) text = text.replace(INCLUSIVE_ENDING, '');
  if (text.includes('(')) text = text.replace(GENDERED_ENDING, '');
  text = stripBrackets(text, found);
  // A level word ending a title written head first ("Engineer, Frontend, Staff") goes in front,
  // where English puts it and where it is read as a level ("Staff Engineer, Frontend").
  const endingRung = RUNG_ENDING_HEAD_FIRST.exec(text);
  if (endingRung !== null) text = `${endingRung[1] as string} ${text.slice(0, endingRung.index)}`;
  const withPay = text;
  text = withoutTrailingPay(text, found);
  const beforePay = text !== withPay;
  // Both patterns need a slash, and the first starts with a lookbehind tried at every
  // character: most titles have none and skip them.
  text = exclaimedRole(text, words, found);
  text = fromDepartmentPath(text, words);
  if (text.includes('/')) {
    text = closeSlashBetweenRoles(
      joinSpacedSlash(text.replace(WITH_ABBREVIATED, 'with '), words),
      words,
    );
  }
  const kept = keepSegments(text.split(SEGMENT_SEPARATOR), found);
  const initials = INITIALS.exec(kept[0] ?? '');
  const named = initials === null ? undefined : words?.nameOfInitials(initials[2] as string);
  // "BA – Payments", "Sr. DS, Pricing": a role's initials before its team stand for its name,
  // after the level word they may follow.
  if (named !== undefined) {
    const level = initials![3];
    kept[0] = `${initials![1] as string}${named}${level === undefined ? '' : ` ${level}`}`;
  }
  const trim = (t: string): string => trimEdges(squashSpaces(t), ',', ',');
  // A level ending the role's segment ("Manager II, Software Engineering") is no part of a
  // listed title.
  const whole = trim(kept.map((segment) => withoutTrailingLevel(squashSpaces(segment))).join(', '));
  let roleText = trim(roleSegments(kept, found, words, text, cut).join(', '));
  let noise = found.noise;
  let setAside = [...found.setAside, ...found.bracketed];
  const outsideUnknown = (): boolean =>
    !/[a-z0-9]/i.test(roleText) || (words !== undefined && !words.knowsAnyWord(roleText));
  // Most titles have no brackets: they skip reading the role phrase's head, which normalizes
  // a text the core often differs from.
  const bracketRole =
    words === undefined || found.bracketed.length === 0 || words.endsInRoleHead(roleText)
      ? undefined
      : found.bracketed.find((text) => words.endsInRoleHead(text));
  if (found.bracketed.length > 0 && outsideUnknown()) {
    // Nothing readable outside the brackets ("Sopir Xyzzy (Lorry Driver)"): what is inside
    // them is the title after all.
    roleText = found.bracketed.join(' ');
    noise = noise.filter((n) => !found.bracketed.includes(n));
    setAside = found.setAside;
  } else if (bracketRole !== undefined) {
    // Only the bracketed text names a role ("Sopir Lori (Lorry Driver)" where some title
    // has "Lori"): it is the role phrase, what is outside it is another language's.
    noise = [...noise.filter((n) => n !== bracketRole), roleText];
    setAside = setAside.filter((n) => n !== bracketRole);
    roleText = bracketRole;
  }
  const specialty =
    words === undefined || !/[a-z]/.test(roleText)
      ? undefined
      : found.bracketed.find((text) => CAPITALS_CODE.test(text) && words.listsTitle(text));
  if (specialty !== undefined) {
    // "IT Specialist (SYSADMIN)": the specialty a civil service codes in capitals after its
    // umbrella title is the role, where some role lists it as a title.
    noise = [...noise.filter((n) => n !== specialty), roleText];
    setAside = setAside.filter((n) => n !== specialty);
    roleText = specialty;
  }
  const sayings = [...found.bracketed, ...found.team];
  // The other saying is looked for first: most titles have none, and it asks no typo search.
  const other = sayings.find(
    (text) => words?.knowsEveryWord(text) === true && words.endsInRoleHead(text),
  );
  const translated =
    words === undefined || other === undefined || readsRole(roleText, words) ? undefined : other;
  if (translated !== undefined) {
    // The same role said twice, in brackets or after a slash or dash ("Pemandu Pelancong /
    // Tour Guide"): where the first has a word no title uses and the other none, the other
    // says more of the role.
    noise = [...noise.filter((n) => n !== translated), roleText];
    setAside = setAside.filter((n) => n !== translated);
    const asTeam = found.team.indexOf(translated);
    if (asTeam >= 0) found.team.splice(asTeam, 1);
    roleText = translated;
  }
  const joined = words === undefined ? null : JOINED_ROLES.exec(roleText);
  if (
    joined !== null &&
    words?.endsInRoleHead(joined[1] as string) &&
    words.endsInRoleHead(joined[2] as string)
  ) {
    // Two roles joined by a slash or "or" ("Data Scientist/ML Engineer"): the first is the role
    // phrase, the second set apart, so neither is matched as a blend of both.
    roleText = joined[1] as string;
    noise = [...noise, joined[2] as string];
  }
  const roleWords = words === undefined ? null : JOINED_ROLE_WORDS.exec(roleText);
  if (
    roleWords !== null &&
    words?.namesRole(roleWords[1] as string) &&
    words.namesRole(roleWords[2] as string)
  ) {
    // The first of two roles offered is the one the poster thought of first.
    roleText = words.nameOfInitials(roleWords[1] as string) ?? (roleWords[1] as string);
    noise = [...noise, roleWords[2] as string];
  }
  const employer = words === undefined ? undefined : employerOf(roleText);
  if (employer !== undefined && words?.endsInRoleHead(employer.role)) {
    // "Software Engineer at Acme": the employer is no part of the role.
    roleText = employer.role;
    noise = [...noise, employer.employer];
  }
  const withTechnologies = words === undefined ? null : WITH_TECHNOLOGIES.exec(roleText);
  if (
    withTechnologies !== null &&
    words?.endsInRoleHead(withTechnologies[1] as string) &&
    found.qualifier(withTechnologies[2] as string)
  ) {
    // "Data Analyst with Python": what the role works with qualifies it, like "(Python)".
    roleText = withTechnologies[1] as string;
    setAside = [...setAside, squashSpaces(withTechnologies[2] as string)];
  }
  const reportsTo = REPORTS_TO.exec(roleText);
  if (reportsTo !== null) {
    // "Executive Assistant to the CEO": whom the role serves is a qualifier, not the role.
    roleText = reportsTo[1] as string;
    found.team.push(reportsTo[2] as string);
    setAside.push(reportsTo[2] as string);
  }
  const serves = words === undefined ? null : SERVES.exec(roleText);
  if (serves !== null && servesAsRole(serves[1] as string, serves[2] as string, words!)) {
    // Whom the role serves is a qualifier, as whom it reports to is.
    roleText = serves[1] as string;
    found.team.push(serves[2] as string);
    setAside.push(serves[2] as string);
  }
  const grade = words === undefined ? null : LEADING_CIVIL_SERVICE_GRADE.exec(roleText);
  if (grade !== null && words!.listsTitle(roleText.slice(grade[0].length))) {
    noise = [...noise, grade[0].trim()];
    roleText = roleText.slice(grade[0].length);
  }
  roleText = asResearcher(roleText);
  const purpose = words === undefined ? undefined : purposeRole(roleText, words);
  if (purpose !== undefined) roleText = purpose;
  const payrollLevel = words === undefined ? null : PAYROLL_TRAILING_LEVEL.exec(roleText);
  if (payrollLevel !== null && words?.endsInRoleHead(payrollLevel[1] as string)) {
    // Put back where a level leads the role, so it is read as one.
    roleText = `${payrollLevel[2] as string} ${payrollLevel[1] as string}`;
  }
  let core = practitionerOf(stripWordModifiers(roleText, found), found.seniority);
  const trailing = words === undefined ? undefined : trailingQualifier(core, words, beforePay);
  if (trailing !== undefined) {
    // "Network Engineer CCNP", "Nurse Practitioner ICU": words after the role phrase qualify it.
    core = trailing.role;
    const before = found.setAside.length;
    if (trailing.place === true) {
      found.locations.push(trailing.qualifier);
    } else if (found.qualifier(trailing.qualifier)) {
      // Technologies are set aside as the other qualifiers' are; shifts and terms are not.
      setAside = [...setAside, ...found.setAside.slice(before)];
    } else if (trailing.qualifier.startsWith('#') || !found.classify(trailing.qualifier)) {
      // Noise, unless classify took it for a place or a work mode ("Backend Developer London").
      noise = [...noise, trailing.qualifier];
      setAside = [...setAside, trailing.qualifier];
    }
  }
  const led = words === undefined ? undefined : leadingTechnology(core, words);
  if (led !== undefined) {
    // "Snowflake Data Engineer" as "Data Engineer (Snowflake)".
    core = led.role;
    found.withSeniority = squashSpaces(found.withSeniority.replace(led.technology, ' '));
    found.technologies.push(led.technology);
    setAside = [...setAside, led.technology];
  }
  const leadLast = words === undefined ? undefined : leadBeforeRole(core, words);
  if (leadLast !== undefined) {
    // "Team Lead Backend Developer" leads backend developers, as "Backend Developer Team Lead"
    // does: in that order the role phrase qualifies the lead instead of being left unexplained.
    found.withSeniority = found.withSeniority.replace(core, leadLast);
    core = leadLast;
  }
  const team = found.bracketed.find((text) => setAside.includes(text) && BRACKETED_TEAM.test(text));
  if (
    team !== undefined &&
    /^\S+$/.test(core) &&
    // A field said after a comma ("Scientist, Data (Experimentation)") is the role's already.
    found.team.length === 0 &&
    (words?.endsInRoleHead(team) !== true || words.listsTitle(`${team} ${core}`))
  ) {
    // A role of one word names its field in brackets ("Junior Executive (Marketing)"): read
    // as one role phrase, Marketing Executive, not as any Executive. A field that heads titles
    // of its own ("VP Marketing") is still one where a role lists the two together.
    core = `${team} ${core}`;
    found.withSeniority = `${team} ${found.withSeniority}`;
    noise = noise.filter((n) => n !== team);
    setAside = setAside.filter((n) => n !== team);
  }
  const field = words === undefined ? undefined : fieldAfterHead(core, found.team, words, cut);
  if (field !== undefined) {
    // "Analyst - Data Science", "Specialist - Database Administration": a designation written
    // head first, its field after it, is the practitioner of that field; a word ranking the
    // head stays before it ("Deputy Manager - IT" is a Deputy IT Manager).
    const { designation, head } = designatedHead(core, words!)!;
    const role = [designation, practitionerIn(field, head, words!)].join(' ').trimStart();
    found.withSeniority = found.withSeniority.replace(core, role);
    core = role;
    found.team.splice(0, 1);
    setAside = setAside.filter((n) => n !== field);
  }
  const platform = found.technologies.find((technology) =>
    words?.listsTitle(`${technology} ${core}`),
  );
  if (platform !== undefined) {
    // A role said with its platform apart ("Software Engineer (Android)"), where some role lists
    // the two together ("Android Software Engineer"): the platform names the role.
    core = `${platform} ${core}`;
    found.withSeniority = `${platform} ${found.withSeniority}`;
    setAside = setAside.filter((text) => text !== platform);
  }
  const deliverable =
    words === undefined || words.endsInRoleHead(core) ? undefined : deliverableRole(cut, words);
  if (deliverable !== undefined) {
    // A gig named by the work to do ("Fix bugs in our React app"): its developer is the role.
    noise = [...noise, core];
    core = deliverable;
    found.withSeniority = deliverable;
  }
  const parsed: ParsedTitle = { core, noise };
  if (found.seniority !== undefined) parsed.seniority = found.seniority;
  if (found.level !== undefined) parsed.level = found.level;
  if (found.workMode !== undefined) parsed.workMode = found.workMode;
  if (found.locations.length > 0) parsed.location = found.locations.join(', ');
  if (found.team.length > 0) parsed.team = found.team.join(', ');
  if (found.technologies.length > 0) parsed.technologies = found.technologies;
  if (found.shift !== undefined) parsed.shift = found.shift;
  if (found.contract !== undefined) parsed.contract = found.contract;
  const practitioner = words === undefined ? undefined : practitionerLed(core, words);
  return {
    parsed,
    withSeniority: found.withSeniority,
    setAside,
    whole,
    ...(practitioner === undefined ? {} : { led: practitioner }),
  };
};

/**
 * Parses the modifiers off a free-text job title: seniority, level, work mode, location,
 * requisition numbers and bracketed extras. What is left is the core to match.
 *
 * @example
 * parseTitle('Sr. Back-end Engineer II (Node.js) - Remote, REQ-12345')
 * // { core: 'Back-end Engineer', seniority: 'senior', level: 'II', workMode: 'remote',
 * //   noise: ['REQ-12345', 'Node.js'] }
 */
export const parseTitle = (input: string): ParsedTitle => parseTitleForMatching(input).parsed;
