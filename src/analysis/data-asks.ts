/**
 * What a problem about a business's data asks for, read from how the ask is put rather than
 * from its topic: the data roles share most of their words (reports, numbers, systems), and
 * tell apart by what the writer wants done with them, such as a question answered, a view kept or
 * a design drawn. Only problems that already speak of data are read this way.
 */

/** Concepts that put a problem among the data roles at all. */
const DATA_CONCEPTS = new Set([
  'reporting',
  'data-mess',
  'data-pipeline',
  'data-model',
  'data-architecture',
  'prediction',
  'database',
  'sql-work',
]);

export interface DataAsk {
  /** What was asked for, in a reader's words. */
  label: string;
  roles: Readonly<Record<string, number>>;
  /** Where in the problem it was asked. */
  start: number;
  end: number;
}

/**
 * A question the writer wants answered from the data: "want to know which…", "need to find out
 * whether…", "tell us what…". Asked this way the writer wants an answer, not a report built or
 * data moved; "nobody knows why until hours later" asks nothing.
 */
const QUESTION =
  /\b(?:(?:want|wants|wanted|like|love|need|needs|trying|some(?:one|body))\s+to\s+(?:know|find out|work out|understand|see)|tell (?:me|us|them))\s+(?:which|what|whether|if|why|how (?:many|much|often|well))\b/i;

/** A view to open and look at, again and again: "a screen each manager can open, showing…". */
const VIEW = /\b(?:can|could|to)\s+(?:look at|open|check|see)\b[^.?!\n]{0,60}?\bshowing\b/i;

/**
 * A design of how the data is laid out: "design how our data should be structured", "design how
 * it should all fit together" after the data is named. A design of software or of products
 * bought is another architect's.
 */
const DESIGN =
  /\bdesign\s+how\b[^.?!\n]{0,80}?\b(?:fit|fits|structured|organi[sz]ed|laid out|live|lives|stored|kept)\b/i;
const DATA_WORD = /\b(?:data|info|information|records)\b/i;
/** How far before a design asked for the data it is about may be named. */
const DATA_WORD_BEFORE = 150;

const CUES: {
  pattern: RegExp;
  about?: RegExp;
  ask: Omit<DataAsk, 'start' | 'end'>;
}[] = [
  {
    pattern: QUESTION,
    ask: { label: 'a question to answer from your data', roles: { 'data-analyst': 1 } },
  },
  {
    pattern: VIEW,
    ask: { label: 'a view of your figures kept up to date', roles: { 'bi-developer': 1 } },
  },
  {
    pattern: DESIGN,
    about: DATA_WORD,
    ask: { label: 'a design of how your data is laid out', roles: { 'data-architect': 1 } },
  },
];

/**
 * The asks of a problem that speaks of data, each with the data roles it points at; none when
 * no data concept was said.
 * @example dataAsks('i want to know which dishes make money', new Set(['reporting']))[0].roles
 *   // { 'data-analyst': 1 }
 */
export const dataAsks = (text: string, concepts: ReadonlySet<string>): DataAsk[] => {
  if (![...concepts].some((c) => DATA_CONCEPTS.has(c))) return [];
  return CUES.flatMap(({ pattern, about, ask }) => {
    const m = pattern.exec(text);
    if (!m) return [];
    const end = m.index + m[0].length;
    if (about && !about.test(text.slice(Math.max(0, m.index - DATA_WORD_BEFORE), end))) return [];
    return [{ ...ask, start: m.index, end }];
  });
};
