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
import { writeFileSync } from 'node:fs';
import { unseenEngines } from './unseen-engines.js';

const percent = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);
const lines: string[] = [];
const all = { fits: 0, first: 0, noFits: 0, refused: 0, dropped: 0 };
console.log('| Batch | phrases taken out | right first | no-fit refused |');
console.log('|---|---:|---:|---:|');
for await (const { batch, dropped, cases, analysis, deps } of unseenEngines()) {
  const t = { fits: 0, first: 0, noFits: 0, refused: 0 };
  for (const { index, problem: p } of cases) {
    const got = analysis.diagnose(p.text, deps).roles[0]?.code;
    if (p.role === null) {
      t.noFits++;
      if (got === undefined) t.refused++;
    } else {
      t.fits++;
      if (got !== undefined && [p.role, ...(p.alsoAccept ?? [])].includes(got)) t.first++;
    }
    lines.push(`${index}\t${got ?? '-'}\t${p.role ?? '-'}`);
  }
  console.log(
    `| ${batch} | ${dropped} | ${t.first}/${t.fits} ${percent(t.first, t.fits)} | ${t.refused}/${t.noFits} ${percent(t.refused, t.noFits)} |`,
  );
  all.fits += t.fits;
  all.first += t.first;
  all.noFits += t.noFits;
  all.refused += t.refused;
  all.dropped += dropped;
}
console.log(
  `| all | ${all.dropped} | ${all.first}/${all.fits} ${percent(all.first, all.fits)} | ${all.refused}/${all.noFits} ${percent(all.refused, all.noFits)} |`,
);
const at = process.argv.indexOf('--cases');
if (at > 0) writeFileSync(process.argv[at + 1]!, `${lines.join('\n')}\n`);
