/**
 * What a problem about a business's data asks for, read from how the ask is put rather than
 * from its topic: the data roles share most of their words (reports, numbers, systems), and
 * tell apart by what the writer wants done with them, such as a question answered. Only problems that already speak of data are read this way.
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

const CUES: { pattern: RegExp; ask: Omit<DataAsk, 'start' | 'end'> }[] = [
  {
    pattern: QUESTION,
    ask: { label: 'a question to answer from your data', roles: { 'data-analyst': 1 } },
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
  return CUES.flatMap(({ pattern, ask }) => {
    const m = pattern.exec(text);
    return m ? [{ ...ask, start: m.index, end: m.index + m[0].length }] : [];
  });
};
