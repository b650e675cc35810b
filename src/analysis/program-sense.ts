import type { ConceptHit } from './concepts.js';
import type { Token } from './words.js';

/** The concept a programme of work across teams is read as, and the one writing software is. */
const WORK_PROGRAMME = 'cross-team';
const SOFTWARE_WRITTEN = 'general-development';

/** Verbs whose object, when it is a program, is software: "write the program", "code a program". */
const WRITING = new Set(['write', 'writes', 'wrote', 'written', 'writing', 'code', 'coding']);
/** Words a writing verb may stand before its program: "write us a simple program". */
const BETWEEN = 3;

/**
 * The concept hits with "program" read as software where the problem writes one: "programming"
 * is always writing code, and "program" after a verb of writing ("someone to write the
 * program") is software to build, not a programme of work to coordinate across teams.
 */
export const programSense = (tokens: readonly Token[], hits: readonly ConceptHit[]): ConceptHit[] =>
  hits.map((h) => {
    if (h.concept !== WORK_PROGRAMME) return h;
    const at = tokens.findIndex((t) => t.start === h.start);
    const said = tokens[at];
    if (!said || said.end !== h.end) return h;
    const written =
      said.word === 'programming' ||
      (/^programs?$/.test(said.word) &&
        tokens.slice(Math.max(0, at - BETWEEN), at).some((t) => WRITING.has(t.word)));
    return written ? { ...h, concept: SOFTWARE_WRITTEN } : h;
  });
