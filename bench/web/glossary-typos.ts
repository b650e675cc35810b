/**
 * Glossary search with typos: Rolebook's (a name, abbreviation or alias within one or two edits,
 * swapped neighbours counting as one) next to MiniSearch's fuzzy search over the same forms,
 * the library a developer would reach for. Found = the wanted term among the answers; first =
 * it leads them.
 *
 *   npx tsx bench/web/glossary-typos.ts [--no-write]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { openRolebook, searchGlossary } from '../../src/services/index.js';
import { writeResultsSection } from '../results-file.js';

const { values } = parseArgs({ options: { 'no-write': { type: 'boolean', default: false } } });
const HEADING = '## Glossary search with typos';
const ROUNDS = 20;

/** Misspellings as people type them: a letter missing, doubled, swapped or wrong. */
const queries: readonly (readonly [typed: string, wanted: string])[] = [
  ['kubernets', 'kubernetes'],
  ['postgress', 'postgresql'],
  ['pyhton', 'python'],
  ['javscript', 'javascript'],
  ['elasticsearh', 'elasticsearch'],
  ['kafak', 'apache-kafka'],
  ['contianer', 'container'],
  ['Aplication Programing Interface', 'api'],
  ['typescrpt', 'typescript'],
  ['ansibel', 'ansible'],
  ['terrafrom', 'terraform'],
  ['graphgl', 'graphql'],
  ['mongodbb', 'mongodb'],
  ['jenkis', 'jenkins'],
  ['tablaeu', 'tableau'],
  ['salesfroce', 'salesforce'],
];

const dir = mkdtempSync(join(tmpdir(), 'rolebook-bench-typos-'));
const rolebook = await openRolebook({
  database: join(dir, 'bench.sqlite'),
  contentDir: join(import.meta.dirname, '../../content'),
});
const library = await rolebook.ctx.library.get();
const terms = [...library.terms.values()];
const mini = new MiniSearch({ fields: ['forms'], idField: 'slug' });
mini.addAll(
  terms.map((t) => ({
    slug: t.slug,
    forms: [t.name, ...t.abbreviations, ...t.aliases].join(' | '),
  })),
);

const tools: Record<string, (q: string) => Promise<string[]>> = {
  Rolebook: async (q) => (await searchGlossary(rolebook.ctx, q, 10)).terms.map((t) => t.slug),
  'MiniSearch (fuzzy 0.2)': (q) =>
    Promise.resolve(mini.search(q, { fuzzy: 0.2, combineWith: 'AND' }).map((r) => String(r.id))),
};

const lines: string[] = [];
for (const [name, search] of Object.entries(tools)) {
  let found = 0;
  let first = 0;
  for (const [q, wanted] of queries) {
    const answer = await search(q);
    if (answer.includes(wanted)) found++;
    if (answer[0] === wanted) first++;
  }
  const started = performance.now();
  for (let i = 0; i < ROUNDS; i++) for (const [q] of queries) await search(q);
  const ms = (performance.now() - started) / (ROUNDS * queries.length);
  lines.push(
    `| ${name} | ${found} of ${queries.length} | ${first} of ${queries.length} | ${ms.toFixed(2)} ms |`,
  );
}

const section = `${HEADING}

Command: \`npx tsx bench/web/glossary-typos.ts\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, load average ${loadavg()[0]!.toFixed(2)}).

${queries.length} misspelt names of the built-in glossary's ${terms.length} terms (bench/web/glossary-typos.ts); each tool searches every name, abbreviation and alias. Rolebook's time is the whole glossary search (exact names through the term spotter, then typos, then names that hold the words); MiniSearch's is its query alone.

| search | found | first | per query |
| --- | --- | --- | --- |
${lines.join('\n')}
`;
process.stdout.write(section);
if (!values['no-write']) writeResultsSection(HEADING, section);
await rolebook.close();
rmSync(dir, { recursive: true, force: true });
