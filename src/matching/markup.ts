/**
 * Markup a scraped feed leaves in a title: tags ("<b>Data Analyst</b>"), character references
 * ("R&amp;D", "&#8211;", "&#x2013;") and markdown emphasis ("**Data Scientist**").
 */
const TAG = /<\/?([a-z][a-z0-9]*)(?:\s[^<>]*)?\/?>/gi;
const REFERENCE = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi;
const EMPHASIS = /(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g;
const HAS_MARKUP = /[<&]|\*\*|__/;

/** Tags that break a line or a block: what they part are separate pieces of the title. */
const BREAKING_TAGS = new Set(['br', 'p', 'div', 'li', 'tr', 'td', 'h1', 'h2', 'h3', 'h4']);

/** The named references feeds use in titles; any other name is left as written. */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  nbsp: ' ',
  ndash: '\u2013',
  mdash: '\u2014',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bull: '\u2022',
  middot: '\u00b7',
  pound: '\u00a3',
  euro: '\u20ac',
};

const character = (code: number, written: string): string =>
  code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : written;

/**
 * The title as the page showed it to a reader: tags gone (those that break a line read as a
 * bar between pieces), references read as their characters, emphasis marks dropped. A title
 * with none of these is returned as it is.
 *
 * @example withoutMarkup('<b>QA Engineer</b> &ndash; Manual &amp; Automation') // ' QA Engineer  – Manual & Automation'
 */
export const withoutMarkup = (text: string): string => {
  if (!HAS_MARKUP.test(text)) return text;
  return text
    .replace(TAG, (_tag, name: string) => (BREAKING_TAGS.has(name.toLowerCase()) ? ' | ' : ' '))
    .replace(REFERENCE, (written, decimal?: string, hex?: string, name?: string) => {
      if (decimal !== undefined) return character(Number(decimal), written);
      if (hex !== undefined) return character(Number.parseInt(hex, 16), written);
      return NAMED[(name as string).toLowerCase()] ?? written;
    })
    .replace(EMPHASIS, '$2');
};
