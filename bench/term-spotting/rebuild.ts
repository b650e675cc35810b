/**
 * What a glossary write costs the server: the term spotter's tables and build time, for the
 * built-in library and with one term whose aliases use 10,000 distinct CJK characters; then,
 * over a fresh SQLite database with the built-in library, how long the first guide and analysis
 * after a write take, the longest hold of the event loop meanwhile, and when analysis sees the
 * written term; and the scan speed on a long job description.
 *
 *   npx tsx bench/term-spotting/rebuild.ts [--baseline DIR] [--no-write]
 *
 * With --baseline, the same measures run first on the code in DIR (a copy of an earlier commit
 * with its own src, test and content, and node_modules linked), each tree in its own process,
 * and the section shows both.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type * as Analysis from '../../src/analysis/index.js';
import type * as Content from '../../src/importers/content/index.js';
import type * as Services from '../../src/services/index.js';
import type * as Evaluation from '../../test/fixtures/analysis/evaluation.js';
import { writeResultsSection } from '../results-file.js';

const { values } = parseArgs({
  options: {
    tree: { type: 'string' },
    baseline: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});

const HEADING = '## Term spotter: memory and rebuilds';
const here = resolve(import.meta.dirname, '../..');
const log = (line: string): void => void process.stderr.write(`${line}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Past the old snapshot's one-second check, so the next request is the one that rebuilds. */
const AFTER_WRITE_MS = 1_100;

interface Figures {
  stock: { buildMs: number; tableBytes: number; states: number };
  wide: { buildMs: number; tableBytes: number; states: number; rssMb: number };
  writes: { guideMs: number; analyzeMs: number; stallMs: number; visibleMs: number }[];
  wideWrite: { guideMs: number; analyzeMs: number; stallMs: number; rssMb: number };
  scanMbPerS: number;
}

const cjk = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => String.fromCharCode(0x4e00 + from + i)).join('');
/** 50 aliases of 200 distinct CJK characters: over today's limits, as a database from before them may hold. */
const wideAliases = Array.from({ length: 50 }, (_, i) => cjk(i * 200, 200));

const timed = async <T>(f: () => Promise<T> | T): Promise<[T, number]> => {
  const began = performance.now();
  const out = await f();
  return [out, performance.now() - began];
};

/**
 * Watches a 1 ms timer and returns a function that stops it and tells the most processor time
 * the process spent between two ticks: how long the event loop was held, however busy the
 * machine (wall-clock delays would count the time other processes had the core).
 */
const watchLongestRun = (): (() => number) => {
  let last = process.cpuUsage();
  let longest = 0;
  const timer = setInterval(() => {
    const now = process.cpuUsage();
    longest = Math.max(longest, (now.user - last.user + now.system - last.system) / 1000);
    last = now;
  }, 1);
  return () => {
    clearInterval(timer);
    return longest;
  };
};

/** Runs every measure on the code in `tree`, whose modules have the shapes of this tree's. */
const measure = async (tree: string): Promise<Figures> => {
  const load = <T>(path: string) => import(pathToFileURL(join(tree, path)).href) as Promise<T>;
  const { TermSpotter } = await load<typeof Analysis>('src/analysis/index.js');
  const { readContentLibrary } = await load<typeof Content>('src/importers/content/index.js');
  const { libraryForEngines, jobDescriptionCases } = await load<typeof Evaluation>(
    'test/fixtures/analysis/evaluation.js',
  );
  const services = await load<typeof Services>('src/services/index.js');
  const { terms } = libraryForEngines(await readContentLibrary(join(tree, 'content')));
  const wideTerm = {
    ...terms[0]!,
    slug: 'wide',
    name: 'Wide',
    abbreviations: [],
    aliases: wideAliases,
  };

  log('spotter builds');
  const spotter = TermSpotter.build(terms);
  const builds = Array.from({ length: 9 }, () => TermSpotter.build(terms).stats);
  const stock = { ...builds[0]!, buildMs: median(builds.map((b) => b.buildMs)) };
  log('scan speed');
  const postings = jobDescriptionCases()
    .map((c) => readFileSync(join(tree, 'test/fixtures/analysis/job-descriptions', c.file), 'utf8'))
    .join('\n\n');
  // As long as an analysis accepts: the evaluation postings, repeated.
  const jd = postings.repeat(Math.ceil(200_000 / postings.length)).slice(0, 200_000);
  spotter.spot(jd);
  const scanMs = median(
    Array.from({ length: 21 }, () => {
      const began = process.cpuUsage();
      spotter.spot(jd);
      const spent = process.cpuUsage(began);
      return (spent.user + spent.system) / 1000;
    }),
  );
  const scanMbPerS = Buffer.byteLength(jd) / 1e6 / (scanMs / 1000);

  const rssBefore = process.memoryUsage().rss;
  const wideStats = TermSpotter.build([...terms, wideTerm]).stats;
  const wide = { ...wideStats, rssMb: (process.memoryUsage().rss - rssBefore) / 1e6 };

  log('writes through the service');
  const dir = mkdtempSync(join(tmpdir(), 'rolebook-rebuild-'));
  const rolebook = await services.openRolebook({
    database: join(dir, 'rolebook.sqlite'),
    contentDir: join(tree, 'content'),
  });
  try {
    const { ctx } = rolebook;
    await services.warmUp(ctx);
    const editor = services.systemActor('bench');
    const posting = 'Senior Backend Engineer\n\nWe build REST APIs in Java on Kubernetes.';
    const guide = () =>
      services.renderRoleGuide(ctx, { taxonomy: 'rolebook', code: 'backend-developer' }, 'html');
    const analyze = (text: string) => services.analyzeText(ctx, { text });
    await guide();
    await analyze(posting);
    /** Writes, then the first guide and analysis a moment later, watching the event loop. */
    const afterWrite = async (write: () => Promise<unknown>) => {
      const longestRun = watchLongestRun();
      await write();
      await sleep(AFTER_WRITE_MS);
      const [, guideMs] = await timed(guide);
      const [, analyzeMs] = await timed(() => analyze(posting));
      // SQLite answers synchronously, so the timer gets its turn only now.
      await sleep(10);
      return { guideMs, analyzeMs, stallMs: longestRun() };
    };
    const newTerm = (slug: string, name: string) =>
      services.createTerm(ctx, editor, slug, {
        name,
        abbreviations: [],
        aliases: [],
        definition: 'A term written by the benchmark.',
        examples: [],
        category: 'concept',
        caseSensitive: false,
      });
    /** Writes a term, then asks analysis every 5 ms until it finds it. */
    const untilVisible = async (slug: string, name: string) => {
      const written = performance.now();
      await newTerm(slug, name);
      while (!(await analyze(`We use ${name}.`)).terms.some((t) => t.slug === slug)) {
        await sleep(5);
      }
      return performance.now() - written;
    };
    const writes: Figures['writes'] = [];
    for (const letter of 'abcde') {
      const figures = await afterWrite(() => newTerm(`bench-${letter}`, `Zephyrine${letter}`));
      const visibleMs = await untilVisible(`seen-${letter}`, `Quillmore${letter}`);
      writes.push({ ...figures, visibleMs });
    }
    const wideWrite = await afterWrite(() =>
      services.createTerm(ctx, editor, 'wide', { ...wideTerm, definition: 'Wide.' }),
    );
    return {
      stock,
      wide,
      writes,
      wideWrite: { ...wideWrite, rssMb: process.memoryUsage().rss / 1e6 },
      scanMbPerS,
    };
  } finally {
    await rolebook.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Measures one tree in a process of its own, so neither run inherits the other's heap. */
const measureApart = (tree: string): Figures =>
  JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--tree', tree], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    }),
  ) as Figures;

const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en')} ms`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const range = (xs: number[]) => `${ms(Math.min(...xs))} – ${ms(Math.max(...xs))}`;

const render = (runs: [string, Figures][], loadBefore: number): string => {
  const rows = (label: string, cell: (f: Figures) => string) =>
    `| ${label} | ${runs.map(([, f]) => cell(f)).join(' | ')} |`;
  const head = `| | ${runs.map(([name]) => name).join(' | ')} |`;
  const rule = `| --- | ${runs.map(() => '---:').join(' | ')} |`;
  return [
    HEADING,
    '',
    `Command: \`npx tsx bench/term-spotting/rebuild.ts${values.baseline ? ' --baseline DIR' : ''}\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, load average ${loadBefore.toFixed(2)} before the run)${values.baseline ? '; DIR holds `src`, `test` and `content` of the commit before the bounded automaton (`git archive bcd30d8 src test content | tar -x -C DIR`, node_modules linked)' : ''}. Each tree is measured in a process of its own, through tsx.`,
    '',
    'The "wide" term has 50 aliases of 200 distinct CJK characters (10,000 characters): more than the API now accepts, as a database written before the alias limits may hold. Table bytes are what `SpotterStats.tableBytes` reports, which before counted only the transition and column tables; RSS is the growth of the process. After a write, the first guide and the first analysis are requested 1.1 s later (past the old one-second revision check); the longest hold is the most processor time the process spent between two ticks of a 1 ms timer, from the write to the end of those two requests (processor time, so that other processes on the shared machine do not count; it includes the helper threads of the garbage collector); "visible" is from another term write until an analysis, asked every 5 ms from the write on, finds that term. The scan row is timed in separate processes and varies by up to twice from run to run on the shared machine; "Term spotting" above compares the two layouts in one process.',
    '',
    head,
    rule,
    rows('Built-in library: build (median of 9)', (f) => ms(f.stock.buildMs)),
    rows('Built-in library: table bytes', (f) => mb(f.stock.tableBytes)),
    rows('Built-in library: states', (f) => f.stock.states.toLocaleString('en')),
    rows('With the wide term: build', (f) => ms(f.wide.buildMs)),
    rows('With the wide term: table bytes', (f) => mb(f.wide.tableBytes)),
    rows('With the wide term: RSS growth', (f) => `${f.wide.rssMb.toFixed(0)} MB`),
    rows('After a term write (5 times): first guide', (f) => range(f.writes.map((w) => w.guideMs))),
    rows('… then first analysis', (f) => range(f.writes.map((w) => w.analyzeMs))),
    rows('… longest hold of the event loop', (f) => range(f.writes.map((w) => w.stallMs))),
    rows('… analysis sees another new term after', (f) => range(f.writes.map((w) => w.visibleMs))),
    rows('After writing the wide term: first guide', (f) => ms(f.wideWrite.guideMs)),
    rows('… then first analysis', (f) => ms(f.wideWrite.analyzeMs)),
    rows('… longest hold of the event loop', (f) => ms(f.wideWrite.stallMs)),
    rows('… process RSS', (f) => `${f.wideWrite.rssMb.toFixed(0)} MB`),
    rows(
      'Scan of 200 KB of job descriptions (processor time, median of 21)',
      (f) => `${f.scanMbPerS.toFixed(1)} MB/s`,
    ),
  ].join('\n');
};

if (values.tree) {
  process.stdout.write(JSON.stringify(await measure(values.tree)));
} else {
  const loadBefore = loadavg()[0] as number;
  const runs: [string, Figures][] = [];
  if (values.baseline) runs.push(['before', measureApart(resolve(values.baseline))]);
  runs.push([values.baseline ? 'after' : 'this tree', measureApart(here)]);
  const section = render(runs, loadBefore);
  process.stdout.write(`${section}\n`);
  if (!values['no-write']) writeResultsSection(HEADING, section);
}
