import {
  limits,
  slugify,
  type Link,
  type Point,
  type Skill,
  type TermCategory,
  type TermContent,
} from '../../domain/index.js';
import { stripEmphasis } from './page-lines.js';

/** Why an item could not be read, for a `malformed-item` finding. */
export interface ItemProblem {
  problem: string;
}

export const isProblem = (value: unknown): value is ItemProblem =>
  typeof value === 'object' && value !== null && 'problem' in value;

/** Links and URLs: their colons and dashes part no title from its text. */
const LINKED = /\[[^\]]*\]\([^)]*\)|\b[a-z][a-z0-9+.-]*:\/\/\S+|\bwww\.\S+/gi;

const splitTitledAsWritten = (item: string): [string, string] | undefined => {
  const bold = /^(\*\*|__)(.+?)\1\s*[:–—-]?\s*(.*)$/.exec(item);
  if (bold) return [bold[2]!.replace(/:$/, '').trim(), bold[3]!.trim()];
  // Same length as the item, so a separator found in it is at the item's own index.
  const unlinked = item.replace(LINKED, (link) => '_'.repeat(link.length));
  const colon = unlinked.indexOf(':');
  if (colon > 0) return [item.slice(0, colon).trim(), item.slice(colon + 1).trim()];
  const dash = /\s[–—-]\s/.exec(unlinked);
  if (dash)
    return [item.slice(0, dash.index).trim(), item.slice(dash.index + dash[0].length).trim()];
  return undefined;
};

/** Splits "Title: text" (or "Title – text"); Markdown emphasis in the title is dropped. */
const splitTitled = (item: string): [string, string] | undefined => {
  const parts = splitTitledAsWritten(item);
  return parts && [stripEmphasis(parts[0]), parts[1]];
};

/** A point read from a page; `untitled` when the page gave only its text. */
export interface PagePoint extends Point {
  untitled?: true;
}

/** Words of a point's text that make a title, when the page gave it none. */
const LABEL_WORDS = 8;

/** A title from a point's own words: the whole sentence if short, else its first clause. */
const labelOf = (text: string): string => {
  const sentence = text.replace(/[.!]+$/, '');
  const words = (part: string) => part.split(/\s+/).length;
  if (words(sentence) <= LABEL_WORDS) return sentence;
  const clause = /^[^,;:–—(]+/.exec(sentence)?.[0]?.trim();
  if (clause && words(clause) <= LABEL_WORDS) return clause;
  return `${sentence
    .split(/\s+/)
    .slice(0, LABEL_WORDS - 2)
    .join(' ')}…`;
};

/**
 * Reads a bullet of a benefits or signs section: "Scalability: Develop solutions that grow". A
 * bullet with no title of its own ("Dashboards are always a day late") is kept, titled by its
 * own words and marked `untitled` for the editor to review.
 * @example parsePoint('Security:Protect the data') // { title: 'Security', text: 'Protect the data' }
 */
export const parsePoint = (item: string): PagePoint | ItemProblem => {
  const parts = splitTitled(item);
  if (!parts || !parts[0] || !parts[1]) {
    const text = stripEmphasis(item);
    if (!text) return { problem: 'says nothing' };
    if (text.length > limits.shortText)
      return { problem: `is longer than ${limits.shortText} characters` };
    return { title: labelOf(text).slice(0, limits.title), text, untitled: true };
  }
  const [title, text] = parts;
  if (title.length > limits.title)
    return { problem: `has a title longer than ${limits.title} characters` };
  if (text.length > limits.shortText)
    return { problem: `is longer than ${limits.shortText} characters` };
  return { title, text };
};

/**
 * Reads a bullet of a responsibilities section as it stands, emphasis aside.
 * @example parseResponsibility('**Design** the schema') // 'Design the schema'
 */
export const parseResponsibility = (item: string): string | ItemProblem => {
  const text = item.replace(/(\*\*|__)(.+?)\1/g, '$2').trim();
  if (text.length > limits.shortText)
    return { problem: `is longer than ${limits.shortText} characters` };
  return text;
};

/**
 * Reads a bullet of a skills section: the skill is its title ("SQL: querying data" → SQL) or,
 * without one, the whole bullet.
 * @example parseSkill('**Python** – scripting and data work') // { name: 'Python' }
 */
export const parseSkill = (item: string): Skill | ItemProblem => {
  const name = (splitTitled(item)?.[0] ?? item).replace(/(\*\*|__)(.+?)\1/g, '$2').trim();
  if (!name) return { problem: 'names no skill' };
  if (name.length > limits.name)
    return { problem: `names a skill longer than ${limits.name} characters` };
  return { name };
};

/** A skill a list names in a few words. */
const isListedSkill = (name: string) =>
  name !== '' && name.length <= 40 && name.split(/\s+/).length <= 4;

/**
 * Reads a line of a skills paragraph as the skills it names: an untitled line listing three or
 * more short names between commas ("SQL, Python, dbt or BigQuery.") names each of them; any other
 * line names one skill, as parseSkill reads it.
 * @example parseSkills('SQL, Python, dbt or BigQuery.') // SQL, Python, dbt, BigQuery
 */
export const parseSkills = (item: string): Skill[] | ItemProblem => {
  const listed = splitTitled(item)
    ? []
    : item
        .replace(/\.$/, '')
        .split(/\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+/)
        .map((name) => name.trim());
  if (listed.length >= 3 && listed.every(isListedSkill)) return listed.map((name) => ({ name }));
  const one = parseSkill(item);
  return isProblem(one) ? one : [one];
};

// The domain's schema types `category` as `never` (a union built from a mapped array loses its
// members); the value is checked against the schema when the page is parsed.
const PAGE_TERM_CATEGORY = 'concept' satisfies TermCategory as TermContent['category'];

const ABBREVIATION = /^[A-Z0-9][A-Za-z0-9&/.+-]{0,11}$/;
const isAbbreviation = (text: string) => ABBREVIATION.test(text) && /[A-Z].*[A-Z]/.test(text);

export interface PageTerm {
  slug: string;
  content: TermContent;
}

/**
 * Reads a bullet of the terminology section: "Term (ABBR): definition" or "ABBR (Full name):
 * definition". The slug comes from the abbreviation when there is one (`api`, `dbms`).
 * @example parseTerm('Database Management System (DBMS): Software for …').slug // 'dbms'
 */
export const parseTerm = (item: string): PageTerm | ItemProblem => {
  const parts = splitTitled(item);
  if (!parts || !parts[0] || !parts[1]) return { problem: 'is not "Term: definition"' };
  const [head, definition] = parts;
  const paren = /^(.+?)\s*\(([^()]+)\)$/.exec(head);
  let name = head;
  const abbreviations: string[] = [];
  const aliases: string[] = [];
  if (paren) {
    const [outer, inner] = [paren[1]!.trim(), paren[2]!.trim()];
    if (isAbbreviation(inner) && !isAbbreviation(outer)) {
      name = outer;
      abbreviations.push(inner);
    } else if (isAbbreviation(outer) && !isAbbreviation(inner)) {
      name = inner;
      abbreviations.push(outer);
    } else {
      name = outer;
      aliases.push(inner);
    }
  }
  const slug = slugify(abbreviations[0] ?? name);
  if (!slug) return { problem: 'has no name to make a term of' };
  if (name.length > limits.name) {
    return { problem: `has a name longer than ${limits.name} characters` };
  }
  if ([...abbreviations, ...aliases].some((n) => n.length > limits.termForm)) {
    return { problem: `has an abbreviation or alias longer than ${limits.termForm} characters` };
  }
  if (definition.length > limits.shortText) {
    return { problem: `has a definition longer than ${limits.shortText} characters` };
  }
  return {
    slug,
    content: {
      name,
      abbreviations,
      aliases,
      definition,
      examples: [],
      category: PAGE_TERM_CATEGORY,
      caseSensitive: false,
    },
  };
};

const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>()]+|\bwww\.[^\s<>()]+/i;

/**
 * Reads a bullet of the links section: a Markdown link, "Title: URL", "Title – URL" or a bare
 * URL (titled by its host). A URL that is not absolute (`www.example.org`) is a problem; an
 * absolute non-https one is kept for lint to report.
 * @example parseLink('[MDN](https://developer.mozilla.org/)') // { title: 'MDN', url: 'https://developer.mozilla.org/' }
 */
export const parseLink = (item: string): Link | ItemProblem => {
  const markdown = /\[([^\]]+)\]\(([^)\s]+)\)/.exec(item);
  const raw = markdown ? undefined : URL_IN_TEXT.exec(item)?.[0];
  const url = markdown?.[2] ?? raw?.replace(/[.,;]$/, '');
  if (!url) return { problem: 'has no URL' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { problem: `has "${url}", which is not an absolute URL` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { problem: `has "${url}", which is not an http or https URL` };
  }
  if (url.length > limits.url) return { problem: `has a URL longer than ${limits.url} characters` };
  const title = stripEmphasis(
    (markdown?.[1] ?? item.replace(raw ?? '', '')).replace(/^[\s:–—-]+|[\s:–—-]+$/g, '').trim(),
  );
  return { title: (title || parsed.hostname).slice(0, limits.title), url };
};

const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  // Spanish titles keep their joining words small too: "Analista de Datos".
  'de',
  'del',
  'y',
  'for',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
]);

/**
 * Capitalises a title as the library writes them; words that already carry capitals (API,
 * iOS) are kept as they are, and so are names their makers write in lower case (`lower`).
 * @example titleCase('senior backend software engineer') // 'Senior Backend Software Engineer'
 */
export const titleCase = (text: string, lower: ReadonlySet<string> = new Set()): string =>
  text
    .split(/\s+/)
    .filter(Boolean)
    .map((word, i) =>
      /[A-Z]/.test(word) || lower.has(word) || (i > 0 && SMALL_WORDS.has(word))
        ? word
        : `${word[0]!.toUpperCase()}${word.slice(1)}`,
    )
    .join(' ');

/** A sentence's first word, past the marks that may open it: a link's bracket, emphasis, a quote. */
const FIRST_WORD = /^[[*_`"“‘(]*([\p{L}\d][\p{L}\d.+#-]*)/u;

/**
 * The words a page writes in lower case where a capital would go (opening a line or a
 * sentence: "dbt models pile up", "[dbt Learn](…)") and never with a capital: names their
 * makers write so. A page that opens its lines in lower case as a habit names none this way.
 * @example namesKeptLower(['dbt models pile up.', 'Every team has a number.', 'So does dbt.']) // Set { 'dbt' }
 */
export const namesKeptLower = (lines: readonly string[]): Set<string> => {
  const openers = lines
    .flatMap((line) => line.split(/(?<=[.!?])\s+/))
    .map((sentence) => FIRST_WORD.exec(sentence)?.[1])
    .filter((word): word is string => word !== undefined && /^\p{L}/u.test(word));
  const lowered = openers.filter((word) => /^\p{Ll}/u.test(word));
  if (lowered.length * 2 >= openers.length) return new Set();
  const capitalised = new Set(
    lines
      .flatMap((line) => line.split(/[^\p{L}\d.+#-]+/u))
      .filter((word) => /\p{Lu}/u.test(word))
      .map((word) => word.toLowerCase()),
  );
  return new Set(lowered.filter((word) => !capitalised.has(word)));
};

/** The words that join a list's last title to it, in the languages whose headings are read. */
const OR = String.raw`(?:or|and|o|y|oder|und)`;

/**
 * The other titles a summary gives: "A backend developer, also known as backend engineer or
 * API developer, is …" → Backend Engineer, API Developer; also after a label and a colon, as
 * notes write them ("Other titles: …", "Also called: …"); in Spanish ("también llamado …",
 * "otros títulos: …") and German ("auch bekannt als …", "Andere Bezeichnungen: …") too.
 * @example alsoKnownAs('A tester, also called QA analyst, checks software.') // ['QA Analyst']
 */
export const alsoKnownAs = (summary: string, lower: ReadonlySet<string> = new Set()): string[] => {
  const match =
    /(?:\b(?:also|sometimes|often) (?:known as|called|referred to as):?|\btambién (?:llamad[oa]s?|conocid[oa]s? como):?|\bauch (?:bekannt als|genannt):?|\b(?:(?:other|alternative) (?:job )?(?:titles|names)|otros (?:títulos|nombres)|andere (?:bezeichnungen|titel|namen))\b[^:.]{0,40}:)\s+(.+?)(?:,\s+(?:is|are|was|who|works?|helps?|builds?)\b|[.;)]|$)/i.exec(
      summary,
    );
  if (!match) return [];
  // A list's last title follows its "or" or "and": a comma after that title goes on with the
  // sentence ("…, network architect or infrastructure engineer, plans and runs …").
  const listed = match[1]!.replace(
    new RegExp(String.raw`((?:,\s*|\s+)${OR}\s+[^,]+),.*$`, 'i'),
    '$1',
  );
  return listed
    .split(new RegExp(String.raw`\s*,\s*(?:${OR}\s+)?|\s+${OR}\s+`))
    .map((t) =>
      t
        .replace(/^(?:an?|the|una?|el|la|eine?|der|die)\s+/i, '')
        .replace(/["“”]/g, '')
        .trim(),
    )
    .filter(Boolean)
    .map((title) => titleCase(title, lower));
};

/**
 * The role a summary is about, from its opening words: "A backend developer, also known as …"
 * or "A data analyst is …" → the role's name in title case.
 * @example nameFromSummary('A data analyst is someone who…') // 'Data Analyst'
 */
export const nameFromSummary = (summary: string): string | undefined => {
  const match =
    /^(?:an?|the)\s+([^,.;:()]{2,80}?)(?:,|\s+(?:is|are|who|works?|builds?|helps?|designs?)\b)/i.exec(
      summary.trim(),
    );
  return match ? titleCase(match[1]!.trim()) : undefined;
};
