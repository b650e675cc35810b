/**
 * Simulates writers the word lists never saw, inside the dev half: for each batch, the phrases of
 * the concept map and of the plain-words lists that only that batch's dev problems use (and
 * neither the role guides nor our own problems) are taken out, as if the batch had never been
 * read when the lists were written, and the batch is measured on that engine. A change that
 * lifts these figures works for words nobody listed; one that lifts only the ordinary dev
 * figures may be the dev writers' own words. Reads only the dev half.
 *
 *   npx tsx bench/diagnosis/unseen-writers.ts [--cases FILE]
 *
 * `--cases FILE` writes each dev problem's first answer, one a line, for comparing versions.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Analysis from '../../src/analysis/index.js';
import type * as Importers from '../../src/importers/content/index.js';
import {
  libraryForEngines,
  outsideProblemCases,
  problemCases,
  type Batch,
} from '../../test/fixtures/analysis/evaluation.js';

const root = join(import.meta.dirname, '../..');
const LIST_FILES = ['analysis/concepts.ts', 'analysis/plain-words.ts'];

/** Words only, lower case, apostrophes as spaces: how a phrase is looked for in a text. */
const normal = (text: string) =>
  ` ${(
    text
      .toLowerCase()
      .replace(/['’]/g, ' ')
      .match(/[a-z0-9]+/g) ?? []
  ).join(' ')} `;

/** Template literals long enough to be a word list, and not built from others. */
const LIST = /`([^`$]*,[^`$]*)`/g;

const phrasesOf = (source: string): string[] =>
  [...source.matchAll(LIST)]
    .filter((m) => m[1]!.split(',').length >= 10)
    .flatMap((m) => m[1]!.split(','))
    .map((p) => normal(p))
    .filter((p) => p.trim().length > 0);

const cases = outsideProblemCases();
const dev = cases.filter((p) => p.split === 'dev');
const batches = [...new Set(dev.map((p) => p.batch))].sort((a, b) => a - b);
const guides = normal(
  readdirSync(join(root, 'content/roles'))
    .map((f) => readFileSync(join(root, 'content/roles', f), 'utf8'))
    .join('\n'),
);
const ours = normal(
  problemCases()
    .map((p) => p.text)
    .join('\n'),
);
const textsOf = new Map(
  batches.map((b) => [b, dev.filter((p) => p.batch === b).map((p) => normal(p.text))]),
);
const sources = new Map(LIST_FILES.map((f) => [f, readFileSync(join(root, 'src', f), 'utf8')]));
const phrases = [...new Set([...sources.values()].flatMap(phrasesOf))];

/** The phrases only this batch's dev problems use: what reading it may have added to the lists. */
const learntFrom = (batch: Batch): Set<string> =>
  new Set(
    phrases.filter(
      (p) =>
        !guides.includes(p) &&
        !ours.includes(p) &&
        textsOf.get(batch)!.some((t) => t.includes(p)) &&
        batches.every((b) => b === batch || !textsOf.get(b)!.some((t) => t.includes(p))),
    ),
  );

const without = (source: string, dropped: ReadonlySet<string>) =>
  source.replace(LIST, (whole, body: string) =>
    body.split(',').length < 10
      ? whole
      : `\`${body
          .split(',')
          .filter((p) => !dropped.has(normal(p)))
          .join(',')}\``,
  );

const percent = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);
const cache = join(root, 'bench/.cache/unseen-writers');
const lines: string[] = [];
const all = { fits: 0, first: 0, noFits: 0, refused: 0, dropped: 0 };
console.log('| Batch | phrases taken out | right first | no-fit refused |');
console.log('|---|---:|---:|---:|');
for (const batch of batches) {
  const dropped = learntFrom(batch);
  const copy = join(cache, String(batch));
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  cpSync(join(root, 'src'), join(copy, 'src'), { recursive: true });
  for (const [file, source] of sources)
    writeFileSync(join(copy, 'src', file), without(source, dropped));
  const analysis = (await import(
    pathToFileURL(join(copy, 'src/analysis/index.ts')).href
  )) as typeof Analysis;
  const importers = (await import(
    pathToFileURL(join(copy, 'src/importers/content/index.ts')).href
  )) as typeof Importers;
  const { roles, terms } = libraryForEngines(
    await importers.readContentLibrary(join(root, 'content')),
  );
  const spotter = analysis.TermSpotter.build(terms);
  const termMap = new Map(terms.map((t) => [t.slug, t]));
  const deps = {
    roles,
    spotter,
    terms: termMap,
    profiles: analysis.linkGlossary(analysis.readGuides(roles), { spotter, terms: termMap }),
  };
  const t = { fits: 0, first: 0, noFits: 0, refused: 0 };
  for (const p of dev.filter((c) => c.batch === batch)) {
    const got = analysis.diagnose(p.text, deps).roles[0]?.code;
    if (p.role === null) {
      t.noFits++;
      if (got === undefined) t.refused++;
    } else {
      t.fits++;
      if (got !== undefined && [p.role, ...(p.alsoAccept ?? [])].includes(got)) t.first++;
    }
    lines.push(`${cases.indexOf(p)}\t${got ?? '-'}\t${p.role ?? '-'}`);
  }
  console.log(
    `| ${batch} | ${dropped.size} | ${t.first}/${t.fits} ${percent(t.first, t.fits)} | ${t.refused}/${t.noFits} ${percent(t.refused, t.noFits)} |`,
  );
  all.fits += t.fits;
  all.first += t.first;
  all.noFits += t.noFits;
  all.refused += t.refused;
  all.dropped += dropped.size;
}
console.log(
  `| all | ${all.dropped} | ${all.first}/${all.fits} ${percent(all.first, all.fits)} | ${all.refused}/${all.noFits} ${percent(all.refused, all.noFits)} |`,
);
const at = process.argv.indexOf('--cases');
if (at > 0) writeFileSync(process.argv[at + 1]!, `${lines.join('\n')}\n`);
