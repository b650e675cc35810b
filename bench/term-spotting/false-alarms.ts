/**
 * False alarms: every glossary term the spotter finds in writing about work outside
 * technology, where any hit is a term read in its everyday sense. The text is ESCO's
 * occupation descriptions and O*NET's task statements, less the computing occupations (ISCO
 * groups 25 and 35, SOC 15-xxxx), read from /work/shared/data (or $ESCO_DIR and $ONET_DIR),
 * never copied.
 *
 *   npx tsx bench/term-spotting/false-alarms.ts [--samples 1] [--top 60]
 *
 * Prints the hit count, the number of occupations hit and the terms hit, then each term with
 * its count, the forms written and sample contexts, most hits first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { TermSpotter } from '../../src/analysis/index.js';
import { readContentLibrary } from '../../src/importers/content/index.js';
import { libraryForEngines } from '../../test/fixtures/analysis/evaluation.js';

const esco = process.env.ESCO_DIR ?? '/work/shared/data/esco';
const onet = process.env.ONET_DIR ?? '/work/shared/data/onet';
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const samples = arg('samples', 1);
const top = arg('top', Infinity);
const REACH = 60;

interface Document {
  source: string;
  text: string;
}

/** ISCO groups 25 (ICT professionals) and 35 (ICT technicians), their subgroups included. */
const isComputingIsco = (code: string) => /^(?:25|35)/.test(code);

const escoDocuments = (): Document[] => {
  const path = join(esco, 'occupations_en.csv');
  if (!existsSync(path)) return [];
  return parse<Record<string, string>>(readFileSync(path, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  })
    .filter((row) => !isComputingIsco(row['iscoGroup'] ?? '') && row['description'])
    .map((row) => ({ source: `ESCO ${row['preferredLabel']}`, text: row['description']! }));
};

const onetDocuments = (): Document[] => {
  const path = join(onet, 'Task Statements.txt');
  if (!existsSync(path)) return [];
  const [header, ...rows] = readFileSync(path, 'utf8').split('\n');
  const columns = header!.split('\t');
  const [code, task] = [columns.indexOf('O*NET-SOC Code'), columns.indexOf('Task')];
  const byOccupation = new Map<string, string[]>();
  for (const row of rows) {
    const fields = row.split('\t');
    const soc = fields[code];
    if (!soc || soc.startsWith('15-')) continue;
    byOccupation.set(soc, [...(byOccupation.get(soc) ?? []), fields[task] ?? '']);
  }
  return [...byOccupation].map(([soc, tasks]) => ({
    source: `O*NET ${soc}`,
    text: tasks.join('\n'),
  }));
};

interface Tally {
  hits: number;
  documents: Set<string>;
  forms: Map<string, number>;
  contexts: string[];
}

const library = await readContentLibrary(join(import.meta.dirname, '../../content'));
const spotter = TermSpotter.build(libraryForEngines(library).terms);
const documents = [...escoDocuments(), ...onetDocuments()];
const tallies = new Map<string, Tally>();
const words = documents.reduce((n, d) => n + d.text.split(/\s+/).length, 0);

for (const { source, text } of documents) {
  for (const hit of spotter.spot(text)) {
    const tally: Tally = tallies.get(hit.slug) ?? {
      hits: 0,
      documents: new Set(),
      forms: new Map(),
      contexts: [],
    };
    tally.hits++;
    tally.documents.add(source);
    tally.forms.set(hit.text, (tally.forms.get(hit.text) ?? 0) + 1);
    if (tally.contexts.length < samples) {
      const around = text
        .slice(Math.max(0, hit.start - REACH), hit.end + REACH)
        .replace(/\s+/g, ' ');
      tally.contexts.push(`${source}: …${around}…`);
    }
    tallies.set(hit.slug, tally);
  }
}

const sorted = [...tallies].sort((a, b) => b[1].hits - a[1].hits || a[0].localeCompare(b[0]));
const hits = sorted.reduce((n, [, t]) => n + t.hits, 0);
const hitDocuments = new Set(sorted.flatMap(([, t]) => [...t.documents])).size;
console.log(
  `${documents.length} documents (${words} words): ${hits} hits of ${sorted.length} terms in ${hitDocuments} documents`,
);
for (const [slug, t] of sorted.slice(0, top)) {
  const forms = [...t.forms]
    .sort((a, b) => b[1] - a[1])
    .map(([form, n]) => `${form} ×${n}`)
    .join(', ');
  console.log(`\n${t.hits}\t${slug} (${t.documents.size} documents): ${forms}`);
  for (const context of t.contexts) console.log(`\t${context}`);
}
