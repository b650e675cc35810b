/**
 * Vacancy titles as a Malaysian job board shows them (bench/normalize/postings/vacancies-esco.tsv,
 * or another file of the same columns in that folder, such as vacancies-coded.tsv) against every
 * ESCO occupation, every candidate ranked: accuracy at 1 and the mean reciprocal
 * rank of the occupation a careful labeller chose, the measures of the real-vacancy set, and how
 * often an occupation the labeller would accept comes first.
 *
 *   npx tsx bench/normalize/vacancies.ts [--split dev|test|all] [--file NAME.tsv] [--esco DIR] [--misses]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TitleIndex } from '../../src/matching/index.js';
import { escoFilesPresent, readEsco, splitEsco } from './esco-titles.js';

const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'dev' },
    file: { type: 'string', default: 'vacancies-esco.tsv' },
    esco: { type: 'string', default: '/work/shared/data/esco' },
    misses: { type: 'boolean', default: false },
  },
});

if (!escoFilesPresent(values.esco)) {
  process.stderr.write(`Skipped: no ESCO files in ${values.esco}.\n`);
  process.exit(0);
}
const occupations = readEsco(values.esco);
const cases = readFileSync(join(import.meta.dirname, 'postings', values.file), 'utf8')
  .split('\n')
  .filter((line) => line.length > 0 && !line.startsWith('#'))
  .map((line) => {
    const [split, title, labels] = line.split('\t') as [string, string, string];
    const accepted = labels.split('|');
    return { split, title, chosen: accepted[0] as string, accepted: new Set(accepted) };
  })
  .filter((c) => values.split === 'all' || c.split === values.split);

const index = TitleIndex.build(splitEsco(occupations, 0, 0).sources);
const everyCandidate = { top: occupations.length, minScore: 0 };
let first = 0;
let acceptedFirst = 0;
let reciprocalRanks = 0;
for (const { title, chosen, accepted } of cases) {
  const names = index.match(title, everyCandidate).matches.map((m) => m.name);
  const rank = names.indexOf(chosen) + 1;
  if (rank > 0) reciprocalRanks += 1 / rank;
  if (rank === 1) first++;
  if (accepted.has(names[0] ?? '')) acceptedFirst++;
  else if (values.misses) console.log(`${title} -> ${names[0] ?? '(none)'} (${chosen}: ${rank})`);
}
const percent = (n: number) => `${((n / cases.length) * 100).toFixed(1)}%`;
console.log(
  `${values.file} ${values.split}, ${cases.length} titles: acc@1 ${percent(first)}, MRR ${(reciprocalRanks / cases.length).toFixed(3)}, an accepted occupation first ${percent(acceptedFirst)}`,
);
