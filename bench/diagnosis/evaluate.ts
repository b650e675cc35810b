/**
 * Measures diagnosis and job-description analysis on the evaluation set written by people
 * outside the team (test/fixtures/analysis/outside), one half at a time: tune on `dev`,
 * report `test`.
 *
 *   npx tsx bench/diagnosis/evaluate.ts [dev|test] [--batch 1|2|…|15] [--verbose | --by-role]
 *
 * `--by-role` counts the misses per expected role without quoting any case, so a held-out half
 * can be read in aggregate without being learnt from.
 */
import { join } from 'node:path';
import { readContentLibrary } from '../../src/importers/content/index.js';
import {
  evaluateOutside,
  type Batch,
  type Split,
} from '../../test/fixtures/analysis/evaluation.js';

const percent = (n: number) => `${(n * 100).toFixed(1)}%`;
const splits: Split[] = process.argv.includes('dev')
  ? ['dev']
  : process.argv.includes('test')
    ? ['test']
    : ['dev', 'test'];
const batchAt = process.argv.indexOf('--batch');
const batch = batchAt > 0 ? (Number(process.argv[batchAt + 1]) as Batch) : undefined;

const library = await readContentLibrary(join(import.meta.dirname, '../../content'));
console.log(`Library: ${library.roles.length} roles, ${library.terms.length} terms`);
for (const split of splits) {
  const { problems: p, jobDescriptions: jd } = evaluateOutside(library, split, batch);
  console.log(`\n${split}${batch ? `, batch ${batch}` : ''}`);
  console.log(`| Measure | Figure | Target |`);
  console.log(`|---|---:|---:|`);
  console.log(`| Problems a role fits: right first (${p.fits}) | ${percent(p.roleFirst)} | 90% |`);
  console.log(
    `| Problems a role fits: right in the top three | ${percent(p.roleInTopThree)} | — |`,
  );
  console.log(`| Problems a role fits: wrongly refused | ${percent(p.wronglyRefused)} | — |`);
  console.log(
    `| Problems no role fits: refused (${p.noFits}) | ${percent(p.noFitRefused)} | 80% |`,
  );
  console.log(`| Job descriptions: role first (${jd.cases}) | ${percent(jd.roleFirst)} | 90% |`);
  console.log(`| Job descriptions: term recall | ${percent(jd.termRecall)} | 95% |`);
  console.log(`| Job descriptions: term precision | ${percent(jd.termPrecision)} | 95% |`);
  if (process.argv.includes('--by-role')) {
    const misses = new Map<string, number>();
    for (const r of [...p.results, ...jd.results].filter((r) => !r.correct)) {
      misses.set(r.expected, (misses.get(r.expected) ?? 0) + 1);
    }
    for (const [role, count] of [...misses].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
      console.log(`${count} missed: ${role}`);
  }
  if (process.argv.includes('--verbose')) {
    for (const r of [...p.results, ...jd.results]) {
      const notes = [
        r.correct ? '' : `got ${r.got ?? 'no role'} (wanted ${r.expected})`,
        r.missed.length > 0 ? `missed ${r.missed.join(', ')}` : '',
        r.extra.length > 0 ? `extra ${r.extra.join(', ')}` : '',
      ].filter(Boolean);
      if (notes.length > 0) console.log(`${r.id}: ${notes.join('; ')}`);
    }
  }
}
