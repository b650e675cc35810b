/**
 * Simulates writers the word lists never saw, inside the dev half: each batch measured on an
 * engine without the list phrases only that batch's dev problems use (see unseen-engines.ts). A
 * change that lifts these figures works for words nobody listed; one that lifts only the
 * ordinary dev figures may be the dev writers' own words. Reads only the dev half.
 *
 *   npx tsx bench/diagnosis/unseen-writers.ts [--cases FILE]
 *
 * `--cases FILE` writes each dev problem's first answer, one a line, for comparing versions.
 */
import { addTally, countAnswer, emptyTally, tallyCells, writeCasesIfAsked } from './batch-tally.js';
import { unseenEngines } from './unseen-engines.js';

const lines: string[] = [];
const all = emptyTally();
let dropped = 0;
console.log('| Batch | phrases taken out | right first | no-fit refused |');
console.log('|---|---:|---:|---:|');
for await (const { batch, dropped: taken, cases, analysis, deps } of unseenEngines()) {
  const t = emptyTally();
  for (const { index, problem: p } of cases) {
    const got = analysis.diagnose(p.text, deps).roles[0]?.code;
    countAnswer(t, p, got);
    lines.push(`${index}\t${got ?? '-'}\t${p.role ?? '-'}`);
  }
  console.log(`| ${batch} | ${taken} | ${tallyCells(t)} |`);
  addTally(all, t);
  dropped += taken;
}
console.log(`| all | ${dropped} | ${tallyCells(all)} |`);
writeCasesIfAsked(lines);
