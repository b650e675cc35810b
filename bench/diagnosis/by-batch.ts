/**
 * The diagnosis on the dev half, batch by batch, to judge a change by the writers it was not
 * drawn from: a rule learnt from one batch's words should also help the batches whose writers
 * it never saw. Reads only the dev half.
 *
 *   npx tsx bench/diagnosis/by-batch.ts [--cases FILE]
 *
 * `--cases FILE` writes each dev problem's first answer, one a line, to compare two versions
 * of the engine case by case.
 */
import { join } from 'node:path';
import { diagnose, linkGlossary, readGuides, TermSpotter } from '../../src/analysis/index.js';
import { readContentLibrary } from '../../src/importers/content/index.js';
import { libraryForEngines, outsideProblemCases } from '../../test/fixtures/analysis/evaluation.js';
import {
  addTally,
  countAnswer,
  emptyTally,
  tallyCells,
  writeCasesIfAsked,
  type Tally,
} from './batch-tally.js';

const library = await readContentLibrary(join(import.meta.dirname, '../../content'));
const { roles, terms } = libraryForEngines(library);
const spotter = TermSpotter.build(terms);
const termMap = new Map(terms.map((t) => [t.slug, t]));
const deps = {
  roles,
  spotter,
  terms: termMap,
  profiles: linkGlossary(readGuides(roles), { spotter, terms: termMap }),
};

const tally = new Map<number, Tally>();
const lines: string[] = [];
for (const [i, p] of outsideProblemCases().entries()) {
  if (p.split !== 'dev') continue;
  const got = diagnose(p.text, deps).roles[0]?.code;
  const t = tally.get(p.batch) ?? emptyTally();
  countAnswer(t, p, got);
  tally.set(p.batch, t);
  lines.push(`${i}\t${got ?? '-'}\t${p.role ?? '-'}`);
}

console.log('| Batch | right first | no-fit refused |');
console.log('|---|---:|---:|');
const all = emptyTally();
for (const [batch, t] of [...tally].sort((a, b) => a[0] - b[0])) {
  console.log(`| ${batch} | ${tallyCells(t)} |`);
  addTally(all, t);
}
console.log(`| all | ${tallyCells(all)} |`);
writeCasesIfAsked(lines);
