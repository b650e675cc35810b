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
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose, linkGlossary, readGuides, TermSpotter } from '../../src/analysis/index.js';
import { readContentLibrary } from '../../src/importers/content/index.js';
import { libraryForEngines, outsideProblemCases } from '../../test/fixtures/analysis/evaluation.js';

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

const tally = new Map<number, { fits: number; first: number; noFits: number; refused: number }>();
const lines: string[] = [];
for (const [i, p] of outsideProblemCases().entries()) {
  if (p.split !== 'dev') continue;
  const got = diagnose(p.text, deps).roles[0]?.code;
  const t = tally.get(p.batch) ?? { fits: 0, first: 0, noFits: 0, refused: 0 };
  if (p.role === null) {
    t.noFits++;
    if (got === undefined) t.refused++;
  } else {
    t.fits++;
    if (got !== undefined && [p.role, ...(p.alsoAccept ?? [])].includes(got)) t.first++;
  }
  tally.set(p.batch, t);
  lines.push(`${i}\t${got ?? '-'}\t${p.role ?? '-'}`);
}

const percent = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);
console.log('| Batch | right first | no-fit refused |');
console.log('|---|---:|---:|');
const all = { fits: 0, first: 0, noFits: 0, refused: 0 };
for (const [batch, t] of [...tally].sort((a, b) => a[0] - b[0])) {
  console.log(
    `| ${batch} | ${t.first}/${t.fits} ${percent(t.first, t.fits)} | ${t.refused}/${t.noFits} ${percent(t.refused, t.noFits)} |`,
  );
  for (const k of Object.keys(all) as (keyof typeof all)[]) all[k] += t[k];
}
console.log(
  `| all | ${all.first}/${all.fits} ${percent(all.first, all.fits)} | ${all.refused}/${all.noFits} ${percent(all.refused, all.noFits)} |`,
);
const at = process.argv.indexOf('--cases');
if (at > 0) writeFileSync(process.argv[at + 1]!, `${lines.join('\n')}\n`);
