/**
 * Our engine on posting titles as job boards write them (bench/normalize/postings/titles.tsv),
 * against the built-in library, at the default threshold: how many tech titles get the right
 * role first, and how many titles from other occupational fields are refused.
 *
 * Titles whose expected role is not in the library (yet) are reported apart, so the figures
 * read the same before and after those roles exist.
 *
 *   npx tsx bench/normalize/postings.ts [--split dev|test|outsideN-dev|outsideN-test|all] [--misses]
 *     [--min-score 0.5]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readContentLibrary } from '../../src/importers/content/index.js';
import { DEFAULT_MIN_SCORE, TitleIndex, titleSourceOf } from '../../src/matching/index.js';

const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'dev' },
    misses: { type: 'boolean', default: false },
    'min-score': { type: 'string' },
  },
});

interface Case {
  split: string;
  expected: string | undefined;
  title: string;
}

const cases: Case[] = readFileSync(join(import.meta.dirname, 'postings', 'titles.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line.length > 0 && !line.startsWith('#'))
  .map((line) => {
    const [split, expected, title] = line.split('\t') as [string, string, string];
    return { split, expected: expected === '-' ? undefined : expected, title };
  })
  .filter((c) => values.split === 'all' || c.split === values.split);

const library = await readContentLibrary(join(import.meta.dirname, '..', '..', 'content'));
const index = TitleIndex.build(
  library.roles.map((r) => titleSourceOf({ taxonomy: 'rolebook', code: r.code, ...r.content })),
);
const present = new Set(library.roles.map((r) => r.code));
const minScore =
  values['min-score'] === undefined ? DEFAULT_MIN_SCORE : Number(values['min-score']);

interface Tally {
  total: number;
  right: number;
  refused: number;
  wrong: string[];
}
const tally = (): Tally => ({ total: 0, right: 0, refused: 0, wrong: [] });
const inLibrary = tally();
const notYet = tally();
const outside = tally();

for (const c of cases) {
  const top = index.match(c.title, { top: 1, minScore }).matches[0];
  const group = c.expected === undefined ? outside : present.has(c.expected) ? inLibrary : notYet;
  group.total++;
  if (top === undefined) group.refused++;
  else if (top.code === c.expected) group.right++;
  if (top !== undefined && top.code !== c.expected) {
    group.wrong.push(`  ${c.title} → ${top.code} (${top.score}); want ${c.expected ?? 'refusal'}`);
  }
  if (values.misses && top === undefined && c.expected !== undefined && group === inLibrary) {
    group.wrong.push(`  ${c.title} → (none); want ${c.expected}`);
  }
}

const pct = (n: number, of: number): string => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
const out = (line: string): void => void process.stdout.write(`${line}\n`);
out(`split ${values.split}, threshold ${minScore}, ${library.roles.length} roles in the library`);
out(
  `tech titles, role in the library: ${inLibrary.total}; right first ${pct(inLibrary.right, inLibrary.total)}, ` +
    `refused ${pct(inLibrary.refused, inLibrary.total)}, wrong ${pct(inLibrary.wrong.filter((w) => !w.includes('(none)')).length, inLibrary.total)}`,
);
out(
  `tech titles, role not in the library: ${notYet.total}; right first ${pct(notYet.right, notYet.total)}, ` +
    `refused ${pct(notYet.refused, notYet.total)}, answered with another role ${pct(notYet.wrong.length, notYet.total)}`,
);
out(
  `tech titles, all: ${inLibrary.total + notYet.total}; right first ` +
    pct(inLibrary.right + notYet.right, inLibrary.total + notYet.total),
);
out(`out-of-domain titles: ${outside.total}; refused ${pct(outside.refused, outside.total)}`);
if (values.misses) {
  for (const [name, group] of [
    ['in library', inLibrary],
    ['not in library', notYet],
    ['out of domain', outside],
  ] as const) {
    if (group.wrong.length > 0) out(`${name}:\n${group.wrong.join('\n')}`);
  }
}
