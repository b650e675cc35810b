/**
 * Malay job-board titles against every ESCO occupation (bench/normalize/postings/malay-esco.tsv):
 * how many get an acceptable occupation first and in the top five, with every candidate
 * ranked (minimum score 0), as a list of vacancies would be filed.
 *
 *   npx tsx bench/normalize/malay.ts [--esco DIR] [--misses]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TitleIndex } from '../../src/matching/index.js';
import { escoFilesPresent, readEsco, splitEsco } from './esco-titles.js';

const { values } = parseArgs({
  options: {
    esco: { type: 'string', default: '/work/shared/data/esco' },
    misses: { type: 'boolean', default: false },
  },
});

if (!escoFilesPresent(values.esco)) {
  process.stderr.write(`Skipped: no ESCO files in ${values.esco}.\n`);
  process.exit(0);
}
const cases = readFileSync(join(import.meta.dirname, 'postings', 'malay-esco.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line.length > 0 && !line.startsWith('#'))
  .map((line) => {
    const [title, labels] = line.split('\t') as [string, string];
    return { title, accepted: new Set(labels.split('|')) };
  });

const index = TitleIndex.build(splitEsco(readEsco(values.esco), 0, 0).sources);
let first = 0;
let inTopFive = 0;
for (const { title, accepted } of cases) {
  const names = index.match(title, { top: 5, minScore: 0 }).matches.map((m) => m.name);
  if (accepted.has(names[0] ?? '')) first++;
  else if (values.misses) console.log(`${title} -> ${names[0] ?? '(none)'}`);
  if (names.some((name) => accepted.has(name))) inTopFive++;
}
const percent = (n: number) => `${((n / cases.length) * 100).toFixed(1)}%`;
console.log(
  `${cases.length} titles: right first ${percent(first)}, in the top five ${percent(inTopFive)}`,
);
