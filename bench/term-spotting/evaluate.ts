/**
 * Measures the analysis engines on our evaluation set and prints the figures that
 * bench/RESULTS.md records (test/analysis/evaluation.test.ts asserts the floors).
 *
 *   npx tsx bench/term-spotting/evaluate.ts [--verbose]
 */
import { join } from 'node:path';
import { readContentLibrary } from '../../src/importers/content/index.js';
import { evaluate } from '../../test/fixtures/analysis/evaluation.js';

const percent = (n: number) => `${(n * 100).toFixed(1)}%`;

const library = await readContentLibrary(join(import.meta.dirname, '../../content'));
const began = performance.now();
const { jobDescriptions: jd, problems } = evaluate(library);
const ms = performance.now() - began;

console.log(`Library: ${library.roles.length} roles, ${library.terms.length} terms`);
console.log(`| Measure | Figure | Floor |`);
console.log(`|---|---|---|`);
console.log(
  `| Job descriptions: expected role first (${jd.cases}) | ${percent(jd.roleFirst)} | 90% |`,
);
console.log(
  `| Job descriptions: title names the expected role first (${jd.titled} with a title) | ${percent(jd.titleRoleFirst)} | 85% |`,
);
console.log(`| Job descriptions: term recall | ${percent(jd.termRecall)} | 95% |`);
console.log(`| Job descriptions: term precision | ${percent(jd.termPrecision)} | 95% |`);
console.log(
  `| Problems: expected role first (${problems.cases}) | ${percent(problems.roleFirst)} | 85% |`,
);
console.log(
  `| Problems: expected role in the top three | ${percent(problems.roleInTopThree)} | — |`,
);
console.log(`\nWhole evaluation, spotter build included: ${ms.toFixed(0)} ms`);

if (process.argv.includes('--verbose')) {
  for (const r of [...jd.results, ...problems.results]) {
    const notes = [
      r.correct ? '' : `role ${r.got ?? 'none'} (wanted ${r.expected})`,
      r.title && r.title.got !== r.expected
        ? `title “${r.title.text}” read as ${r.title.got ?? 'no role'}`
        : '',
      r.missed.length > 0 ? `missed ${r.missed.join(', ')}` : '',
      r.extra.length > 0 ? `extra ${r.extra.join(', ')}` : '',
    ].filter(Boolean);
    if (notes.length > 0) console.log(`${r.id}: ${notes.join('; ')}`);
  }
}
