/**
 * Engines as if one dev batch's writers had never been read: the phrases of the concept map
 * and of the plain-words lists that only that batch's dev problems use (and neither the role
 * guides nor our own problems) are taken out of a copy of the sources, which is then loaded.
 * Phrases two batches share stay, as a list written without either would likely hold them.
 * Reads only the dev half.
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
  type OutsideProblemCase,
} from '../../test/fixtures/analysis/evaluation.js';

const root = join(import.meta.dirname, '../..');
const LIST_FILES = ['analysis/concepts.ts', 'analysis/plain-words.ts'];
const cache = join(root, 'bench/.cache/unseen-writers');

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
const isList = (body: string) => body.split(',').length >= 10;

const phrasesOf = (source: string): string[] =>
  [...source.matchAll(LIST)]
    .filter((m) => isList(m[1]!))
    .flatMap((m) => m[1]!.split(','))
    .map((p) => normal(p))
    .filter((p) => p.trim().length > 0);

const without = (source: string, dropped: ReadonlySet<string>) =>
  source.replace(LIST, (whole, body: string) =>
    isList(body)
      ? `\`${body
          .split(',')
          .filter((p) => !dropped.has(normal(p)))
          .join(',')}\``
      : whole,
  );

export interface UnseenEngine {
  batch: Batch;
  /** How many list phrases were taken out. */
  dropped: number;
  /** The batch's dev problems, with their place in the whole set. */
  cases: { index: number; problem: OutsideProblemCase }[];
  analysis: typeof Analysis;
  deps: Analysis.DiagnoseDeps;
}

/** One engine per dev batch, each without the list phrases only that batch uses. */
export async function* unseenEngines(): AsyncGenerator<UnseenEngine> {
  const all = outsideProblemCases();
  const dev = all.filter((p) => p.split === 'dev');
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
  const usedBy = (batch: Batch, p: string) => textsOf.get(batch)!.some((t) => t.includes(p));
  for (const batch of batches) {
    const dropped = new Set(
      phrases.filter(
        (p) =>
          !guides.includes(p) &&
          !ours.includes(p) &&
          usedBy(batch, p) &&
          batches.every((b) => b === batch || !usedBy(b, p)),
      ),
    );
    const copy = join(cache, String(batch));
    rmSync(copy, { recursive: true, force: true });
    mkdirSync(copy, { recursive: true });
    cpSync(join(root, 'src'), join(copy, 'src'), { recursive: true });
    for (const [file, source] of sources) {
      writeFileSync(join(copy, 'src', file), without(source, dropped));
    }
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
    yield {
      batch,
      dropped: dropped.size,
      cases: all
        .map((problem, index) => ({ index, problem }))
        .filter((c) => c.problem.split === 'dev' && c.problem.batch === batch),
      analysis,
      deps: {
        roles,
        spotter,
        terms: termMap,
        profiles: analysis.linkGlossary(analysis.readGuides(roles), { spotter, terms: termMap }),
      },
    };
  }
}
