/**
 * Term spotting benchmark: our automaton against what a team would otherwise reach for, on the
 * same glossary and the same text, in one run.
 *
 *   npx tsx bench/term-spotting/run.ts [--mb 8] [--runs 5]
 *
 * Contenders: our TermSpotter; one big case-insensitive RegExp alternation with \b; and, when
 * installed under bench/.cache/ac (see README.md), the npm packages modern-ahocorasick and
 * ahocorasick.
 * Text: O*NET task statements, occupation descriptions and technology examples (read from
 * /work/shared/data/onet when present, never copied), the evaluation job descriptions and the
 * library's own guides, repeated to the size asked for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { TermSpotter, textView } from '../../src/analysis/index.js';
import { readContentLibrary } from '../../src/importers/content/index.js';
import { jobDescriptionCases, libraryForEngines } from '../../test/fixtures/analysis/evaluation.js';
import type { Term } from '../../src/domain/index.js';

const root = join(import.meta.dirname, '../..');
const onet = process.env.ONET_DIR ?? '/work/shared/data/onet';
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const targetMb = arg('mb', 8);
const runs = arg('runs', 5);
const SLOW_MB_S = 2;
const SAMPLE_CHARS = 200_000;

interface Contender {
  name: string;
  notes: string;
  /** Slugs found in a text, with their count of hits. */
  spot: (text: string) => { hits: number; slugs: Set<string> };
}

const rate = (mbs: number) => mbs.toFixed(mbs < 1 ? 3 : 1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const out = f();
  return [out, performance.now() - t];
};

const onetColumn = (file: string, column: string): string[] => {
  const path = join(onet, file);
  if (!existsSync(path)) return [];
  const [header, ...rows] = readFileSync(path, 'utf8').split('\n');
  const at = header!.split('\t').indexOf(column);
  return rows.map((r) => r.split('\t')[at] ?? '').filter(Boolean);
};

const corpus = (guides: string[]): { text: string; sources: string } => {
  const jds = jobDescriptionCases().map(
    (c) =>
      textView(
        readFileSync(join(root, 'test/fixtures/analysis/job-descriptions', c.file), 'utf8'),
        c.format,
      ).text,
  );
  const onetParts = [
    ...onetColumn('Task Statements.txt', 'Task'),
    ...onetColumn('Occupation Data.txt', 'Description'),
    onetColumn('Technology Skills.txt', 'Example').join(', '),
  ];
  const seed = [...onetParts, ...jds, ...guides].join('\n\n');
  const parts: string[] = [];
  let size = 0;
  while (size < targetMb * 1e6) {
    parts.push(seed);
    size += Buffer.byteLength(seed);
  }
  return {
    text: parts.join('\n\n'),
    sources: `${onetParts.length > 0 ? 'O*NET tasks, descriptions and technology examples; ' : ''}${jds.length} job descriptions; ${guides.length} guide texts`,
  };
};

const forms = (t: Term) => [t.name, ...t.abbreviations, ...t.aliases];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One alternation of every name, longest first, the way a team would write it quickly. (The
 * same with Unicode lookarounds instead of \b, so that C++ and .NET can match, ran below
 * 0.1 MB/s and is left out.)
 */
const regexContender = (terms: Term[]): Contender => {
  const owner = new Map<string, string>();
  for (const t of terms) for (const f of forms(t)) owner.set(f.toLowerCase(), t.slug);
  const names = [...owner.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = new RegExp(`\\b(?:${names.join('|')})\\b`, 'gi');
  return {
    name: 'RegExp alternation with \\b',
    notes: 'case-insensitive everywhere; no case rules, no support for ambiguous names',
    spot: (text) => {
      const slugs = new Set<string>();
      let hits = 0;
      for (const m of text.matchAll(pattern)) {
        hits++;
        const slug = owner.get(m[0].toLowerCase());
        if (slug) slugs.add(slug);
      }
      return { hits, slugs };
    },
  };
};

const packageContenders = (terms: Term[]): Contender[] => {
  const dir = join(root, 'bench/.cache/ac');
  if (!existsSync(join(dir, 'node_modules'))) return [];
  const require = createRequire(join(dir, 'package.json'));
  const owner = new Map<string, string>();
  for (const t of terms) for (const f of forms(t)) owner.set(f.toLowerCase(), t.slug);
  const names = [...owner.keys()];
  const out: Contender[] = [];
  try {
    type Modern = new (p: string[]) => {
      search: (t: string, o?: { strategy?: string; wholeWord?: boolean }) => { pattern: string }[];
    };
    const Modern =
      (require('modern-ahocorasick') as { default?: Modern }).default ??
      (require('modern-ahocorasick') as Modern);
    const matcher = new Modern(names);
    out.push({
      name: 'modern-ahocorasick 3 (whole words, leftmost-longest)',
      notes: 'lower-cased text; Intl word segmentation for boundaries',
      spot: (text) => {
        const found = matcher.search(text.toLowerCase(), {
          strategy: 'leftmost-longest',
          wholeWord: true,
        });
        return { hits: found.length, slugs: new Set(found.map((m) => owner.get(m.pattern)!)) };
      },
    });
  } catch (error) {
    console.error(`modern-ahocorasick not usable: ${(error as Error).message}`);
  }
  try {
    type Classic = new (p: string[]) => { search: (t: string) => [number, string[]][] };
    const Classic = require('ahocorasick') as Classic;
    const matcher = new Classic(names);
    out.push({
      name: 'ahocorasick 1 (all overlapping matches)',
      notes: 'lower-cased text; no word boundaries at all',
      spot: (text) => {
        let hits = 0;
        const slugs = new Set<string>();
        for (const [, words] of matcher.search(text.toLowerCase())) {
          hits += words.length;
          for (const w of words) slugs.add(owner.get(w)!);
        }
        return { hits, slugs };
      },
    });
  } catch (error) {
    console.error(`ahocorasick not usable: ${(error as Error).message}`);
  }
  return out;
};

/** Term recall and precision on the evaluation job descriptions. */
const quality = (contender: Contender) => {
  let correct = 0;
  let found = 0;
  let expected = 0;
  for (const c of jobDescriptionCases()) {
    const raw = readFileSync(join(root, 'test/fixtures/analysis/job-descriptions', c.file), 'utf8');
    const got = contender.spot(textView(raw, c.format).text).slugs;
    const want = new Set(c.terms);
    correct += [...got].filter((s) => want.has(s)).length;
    found += got.size;
    expected += want.size;
  }
  return { recall: correct / expected, precision: found === 0 ? 1 : correct / found };
};

const main = async () => {
  const library = libraryForEngines(await readContentLibrary(join(root, 'content')));
  const terms = library.terms;

  const [first, coldMs] = time(() => TermSpotter.build(terms));
  const rebuilds = Array.from({ length: 10 }, () => time(() => TermSpotter.build(terms))[1]);

  const guides = library.roles.map((r) =>
    [r.summary, ...r.responsibilities, ...r.signs.map((s) => `${s.title}. ${s.text}`)].join('\n'),
  );
  const { text, sources } = corpus(guides);
  const megabytes = Buffer.byteLength(text) / 1e6;

  const ours: Contender = {
    name: 'Rolebook TermSpotter (ours)',
    notes: 'word boundaries, case rules, ambiguous names checked, longest wins',
    spot: (t) => {
      const hits = first.spot(t);
      return { hits: hits.length, slugs: new Set(hits.map((h) => h.slug)) };
    },
  };
  const contenders = [ours, regexContender(terms), ...packageContenders(terms)];

  console.log(
    `Glossary: ${terms.length} terms, ${first.stats.patterns} written forms; automaton ${first.stats.states} states, ${(first.stats.tableBytes / 1e6).toFixed(1)} MB of tables`,
  );
  console.log(
    `Build: first ${coldMs.toFixed(1)} ms (with one-time character tables), rebuild median ${median(rebuilds).toFixed(1)} ms`,
  );
  console.log(
    `Text: ${megabytes.toFixed(1)} MB (UTF-8) from ${sources}; ${runs} timed runs after a warm-up on a 0.2 MB sample, one core\n`,
  );
  console.log(
    '| Contender | MB/s (median) | MB/s (best) | Hits | Eval recall | Eval precision | Notes |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const c of contenders) {
    c.spot('warm up');
    const sample = text.slice(0, SAMPLE_CHARS);
    const sampleMb = Buffer.byteLength(sample) / 1e6;
    const [, probeMs] = time(() => c.spot(sample));
    // A contender slower than SLOW_MB_S is timed on the sample only, to keep the run short.
    const slow = sampleMb / (probeMs / 1000) < SLOW_MB_S;
    const [input, mb, count] = slow ? [sample, sampleMb, 1] : [text, megabytes, runs];
    const speeds: number[] = [];
    let hits = 0;
    for (let i = 0; i < count; i++) {
      const [out, ms] = time(() => c.spot(input));
      hits = out.hits;
      speeds.push(mb / (ms / 1000));
    }
    const q = quality(c);
    const note = slow ? `${c.notes}; timed on a ${sampleMb.toFixed(1)} MB sample` : c.notes;
    console.log(
      `| ${c.name} | ${rate(median(speeds))} | ${rate(Math.max(...speeds))} | ${hits} | ${(q.recall * 100).toFixed(1)}% | ${(q.precision * 100).toFixed(1)}% | ${note} |`,
    );
  }
};

await main();
