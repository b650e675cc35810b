/**
 * A/B of two versions of job-description analysis in one process: every posting of both
 * evaluation sets (ours and the outside one) analysed by both, first checked for identical
 * answers, then timed in interleaved rounds (A B, then B A, ...) so load from the other
 * engineers on this shared machine falls on both alike. Only the ratio says anything.
 *
 * Each side is src/analysis (with the matching and domain code it imports) at a git revision,
 * or as it stands in this worktree, compiled to JavaScript.
 *
 *   npx tsx bench/term-spotting/posting-ab.ts [--base REV] [--head REV|worktree] [--rounds N]
 *
 * The base defaults to the merge base of HEAD and main, the head to the worktree.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type * as Analysis from '../../src/analysis/index.js';
import { readContentLibrary } from '../../src/importers/content/index.js';
import type * as Matching from '../../src/matching/index.js';
import {
  jobDescriptionCases,
  libraryForEngines,
  outsideJobDescriptionCases,
} from '../../test/fixtures/analysis/evaluation.js';
import { compileRevision, git, root } from '../compiled-revision.js';
import { median } from '../median.js';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    head: { type: 'string', default: 'worktree' },
    rounds: { type: 'string', default: '15' },
  },
});

const FOLDERS = ['src/analysis', 'src/matching', 'src/domain'];
const fixtures = join(root, 'test', 'fixtures', 'analysis');
const log = (line: string): void => void process.stderr.write(`${line}\n`);

type Analyze = (input: { text: string; format: Analysis.TextFormat }) => Analysis.JobAnalysis;

/** Compiles one side, builds its engines over the library as the server does, and returns its reader. */
const loadSide = async (
  revision: string,
  dir: string,
  library: ReturnType<typeof libraryForEngines>,
) => {
  const described = compileRevision(revision, dir, FOLDERS);
  const dist = (folder: string) => pathToFileURL(join(dir, 'dist', folder, 'index.js')).href;
  const analysis = (await import(dist('analysis'))) as typeof Analysis;
  const matching = (await import(dist('matching'))) as typeof Matching;
  const { roles, terms } = library;
  const spotter = analysis.TermSpotter.build(terms);
  const termMap = new Map(terms.map((t) => [t.slug, t]));
  const titles = matching.TitleIndex.build(roles.map(matching.titleSourceOf));
  const profiles = analysis.linkGlossary(analysis.readGuides(roles), { spotter, terms: termMap });
  const analyze: Analyze = (input) =>
    analysis.analyzeJobDescription(input, { spotter, terms: termMap, roles, titles, profiles });
  return { described, analyze };
};

const postings = [
  ...jobDescriptionCases().map((c) => ({ ...c, folder: join(fixtures, 'job-descriptions') })),
  ...outsideJobDescriptionCases().map((c) => ({
    ...c,
    folder: join(fixtures, 'outside', 'job-descriptions'),
  })),
].map((c) => ({ text: readFileSync(join(c.folder, c.file), 'utf8'), format: c.format }));

const timeAll = (analyze: Analyze): number => {
  const began = performance.now();
  for (const posting of postings) analyze(posting);
  return performance.now() - began;
};

const library = libraryForEngines(await readContentLibrary(join(root, 'content')));
const scratch = mkdtempSync(join(tmpdir(), 'rolebook-posting-ab-'));
try {
  log('compiling both sides');
  const base = await loadSide(
    values.base ?? git('merge-base', 'HEAD', 'main'),
    join(scratch, 'a'),
    library,
  );
  const head = await loadSide(values.head, join(scratch, 'b'), library);
  const differing = postings.filter(
    (p) => JSON.stringify(base.analyze(p)) !== JSON.stringify(head.analyze(p)),
  ).length;
  const rounds = Math.max(1, Number(values.rounds));
  const loadBefore = loadavg()[0]!;
  const times: [number[], number[]] = [[], []];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const side of order) times[side]!.push(timeAll([base, head][side]!.analyze));
  }
  const loadAfter = loadavg()[0]!;
  const perPosting = times.map((t) => median(t) / postings.length);
  const ratios = times[1].map((b, i) => b / times[0][i]!);
  console.log(`| Side | Revision | ms per posting (median of ${rounds} rounds) |`);
  console.log('|---|---|---:|');
  console.log(`| A (base) | ${base.described} | ${perPosting[0]!.toFixed(2)} |`);
  console.log(`| B (head) | ${head.described} | ${perPosting[1]!.toFixed(2)} |`);
  console.log(
    `\n${postings.length} postings; answers differing: ${differing}; B/A time ${median(ratios).toFixed(3)} ` +
      `(median of the per-round ratios, ${Math.min(...ratios).toFixed(3)} to ` +
      `${Math.max(...ratios).toFixed(3)}); load ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after.`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
