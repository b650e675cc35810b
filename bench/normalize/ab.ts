/**
 * A/B of two versions of the matching engine in one process: the same seeded O*NET split (or
 * ESCO's, with `--taxonomy esco`), clean and noisy, answered by both, first checked for identical answers, then timed in
 * interleaved rounds (A B, then B A, ...) so load from the other engineers on this shared
 * machine falls on both alike.
 *
 * Each side is src/matching at a git revision, or as it stands in this worktree, compiled by
 * this worktree's tsc with tsconfig.build.json's options into a temporary directory: both are
 * timed as compiled JavaScript, the way `rolebook` runs the engine.
 *
 *   npx tsx bench/normalize/ab.ts [--base REV] [--head REV|worktree] [--rounds N] [--seed N]
 *     [--taxonomy onet|esco] [--onet DIR] [--esco DIR] [--no-write] [--allow-different]
 *     [--snapshot]
 *
 * `--snapshot` loads the head's indexes from a snapshot of the built ones (TitleIndex.snapshot),
 * as `rolebook normalize` loads them, for the answer check and the timed rounds alike.
 * The base defaults to the merge base of HEAD and main, the head to the worktree. Passing the
 * same revision twice is an A/A run: how far from 1 noise alone puts the ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type * as Matching from '../../src/matching/index.js';
import { compileRevision, git } from '../compiled-revision.js';
import { writeResultsSection } from '../results-file.js';
import { escoFilesPresent, readEsco, splitEsco } from './esco-titles.js';
import { makeNoisy } from './noise.js';
import { onetFilesPresent, readOnet, splitOnet, type Split } from './onet-titles.js';
import { seededRandom, shuffle } from './random.js';

export const ENGINE_AB_HEADING = '## Matching engine A/B';

const { values } = parseArgs({
  options: {
    taxonomy: { type: 'string', default: 'onet' },
    onet: { type: 'string', default: '/work/shared/data/onet' },
    esco: { type: 'string', default: '/work/shared/data/esco' },
    seed: { type: 'string', default: '42' },
    base: { type: 'string' },
    head: { type: 'string', default: 'worktree' },
    rounds: { type: 'string', default: '30' },
    'no-write': { type: 'boolean', default: false },
    'allow-different': { type: 'boolean', default: false },
    snapshot: { type: 'boolean', default: false },
  },
});

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const log = (line: string): void => void process.stderr.write(`${line}\n`);

interface Engine {
  label: string;
  /** The commit compiled, or "worktree" with the commit it stands on. */
  revision: string;
  TitleIndex: typeof Matching.TitleIndex;
}

/** The engine's folders: matching, and the domain vocabulary it imports. */
const ENGINE_FOLDERS = ['src/matching', 'src/domain'];

/** Compiles one side's src/matching into `dir` and imports it. */
const loadEngine = async (label: string, revision: string, dir: string): Promise<Engine> => {
  const described = compileRevision(revision, dir, ENGINE_FOLDERS);
  const entry = pathToFileURL(join(dir, 'dist', 'matching', 'index.js')).href;
  const { TitleIndex } = (await import(entry)) as typeof Matching;
  return { label, revision: described, TitleIndex };
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

if (values.taxonomy !== 'onet' && values.taxonomy !== 'esco') {
  throw new Error(`--taxonomy is onet or esco, not ${values.taxonomy}`);
}
const esco = values.taxonomy === 'esco';
const taxonomyName = esco ? 'ESCO' : 'O*NET';

/** Options the answers are compared under: the benchmark's, and every role of one taxonomy. */
const CHECKED_OPTIONS: Matching.MatchOptions[] = [
  { top: 5, minScore: 0 },
  { top: 100, minScore: 0, taxonomy: esco ? 'esco' : 'onet' },
  {},
];

/** How many answers differ between the two engines, and the first that does. */
const compareAnswers = (
  a: Matching.TitleIndex,
  b: Matching.TitleIndex,
  titles: readonly string[],
): { differing: number; first?: string } => {
  let differing = 0;
  let first: string | undefined;
  for (const options of CHECKED_OPTIONS) {
    for (const title of titles) {
      const left = JSON.stringify(a.match(title, options));
      const right = JSON.stringify(b.match(title, options));
      if (left === right) continue;
      differing++;
      first ??= `${JSON.stringify(title)} with ${JSON.stringify(options)}:\n  ${left}\n  ${right}`;
    }
  }
  return { differing, ...(first !== undefined ? { first } : {}) };
};

/**
 * Queries per timed stretch. The engines take turns stretch by stretch, so a burst of load
 * from another process falls on both, and each stretch of one is paired with the same stretch
 * of the other, run a few milliseconds apart.
 */
const STRETCH = 250;

/** One engine's seconds (elapsed, and CPU of the whole process) over one stretch of titles. */
interface Stretch {
  seconds: number;
  cpuSeconds: number;
}

/** Answers the titles once, as run.ts does (top 5, no minimum score), timed. */
const timeStretch = (index: Matching.TitleIndex, titles: readonly string[]): Stretch => {
  let answers = 0;
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (const title of titles) answers += index.match(title, { top: 5, minScore: 0 }).matches.length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  if (answers === 0) throw new Error('no answers at all: the index is empty');
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
};

/** The value below which a share `q` of the values fall (nearest rank). */
const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
};

const sum = (values: number[]): number => values.reduce((total, x) => total + x, 0);

const rate = (x: number): string => Math.round(x).toLocaleString('en-US');

const main = async (): Promise<void> => {
  const dir = esco ? values.esco : values.onet;
  if (!(esco ? escoFilesPresent(dir) : onetFilesPresent(dir))) {
    log(`Skipped: no ${taxonomyName} files in ${dir} (pass --${values.taxonomy} DIR).`);
    return;
  }
  const rounds = Math.max(1, Number(values.rounds));
  const seed = Number(values.seed);
  const scratch = mkdtempSync(join(tmpdir(), 'rolebook-ab-'));
  try {
    log('compiling both engines');
    // By default, the commit this branch left main at: what the branch changed.
    const baseRevision = values.base ?? git('merge-base', 'HEAD', 'main');
    const base = await loadEngine('A (base)', baseRevision, join(scratch, 'base'));
    const head = await loadEngine('B (head)', values.head, join(scratch, 'head'));
    const engines = [base, head] as const;
    const indexOf = (engine: Engine): Matching.TitleIndex => {
      const built = engine.TitleIndex.build(split.sources);
      if (!values.snapshot || engine !== head) return built;
      const loaded = engine.TitleIndex.fromSnapshot(built.snapshot());
      if (loaded === undefined) throw new Error('the head refused its own snapshot');
      return loaded;
    };

    const split: Split = esco ? splitEsco(readEsco(dir), seed) : splitOnet(readOnet(dir), seed);
    const clean = split.queries.map((q) => q.title);
    const noisy = makeNoisy(clean, seed + 1);
    const warmUp = makeNoisy(
      shuffle(
        seededRandom(seed + 2),
        split.rows.map((row) => row.title),
      ).slice(0, 5_000),
      seed + 3,
    );
    const modes = [
      ['clean', clean],
      ['noisy', noisy],
    ] as const;

    log('comparing answers');
    const { differing, first } = compareAnswers(indexOf(base), indexOf(head), [
      ...clean,
      ...noisy,
      ...warmUp,
    ]);
    if (first !== undefined) {
      // A change meant to alter answers is still timed when asked: speed is then all it says.
      if (!values['allow-different']) {
        throw new Error(`the engines answer differently: ${first}`);
      }
      log(`the engines answer differently (timed anyway): ${first.split('\n')[0]}`);
    }
    const compared = (clean.length + noisy.length + warmUp.length) * CHECKED_OPTIONS.length;
    const verdict =
      differing === 0
        ? 'identical as JSON: the same roles, matched titles and scores to the last bit'
        : `${differing.toLocaleString('en-US')} of them different (timed anyway, as ` +
          `--allow-different asks: the speeds compare engines that answer differently)`;

    // Untimed warm-up of each engine's compiled code, on titles that are never measured.
    for (const engine of engines) {
      const index = indexOf(engine);
      for (const title of warmUp) index.match(title, { top: 5, minScore: 0 });
    }

    const loadBefore = loadavg()[0] as number;
    /** Per side, per mode, per round, the stretches in order. */
    const timed = engines.map(() => ({ clean: [] as Stretch[][], noisy: [] as Stretch[][] }));
    for (let round = 0; round < rounds; round++) {
      // A fresh index per round, as run.ts does: no answer cached from an earlier round.
      // Built in turns too (A first, then B first), so neither index always sits later in memory.
      const built = (round % 2 === 0 ? engines : [...engines].reverse()).map(indexOf);
      const indexes = round % 2 === 0 ? built : built.reverse();
      for (const [mode, titles] of modes) {
        for (const side of [0, 1]) timed[side]?.[mode].push([]);
        collect();
        for (let from = 0; from < titles.length; from += STRETCH) {
          const stretch = titles.slice(from, from + STRETCH);
          // A B, then B A: neither engine always runs second, just after the other; and each
          // stretch is run A B in one round, B A in the next.
          const order = (from / STRETCH + round) % 2 === 0 ? [0, 1] : [1, 0];
          for (const side of order) {
            timed[side]?.[mode][round]?.push(
              timeStretch(indexes[side] as Matching.TitleIndex, stretch),
            );
          }
        }
      }
      log(
        `round ${round + 1}/${rounds}: ` +
          modes
            .map(([mode, titles]) => {
              const perSecond = (side: number): number =>
                titles.length / sum((timed[side]?.[mode][round] ?? []).map((t) => t.seconds));
              return `${mode} A ${rate(perSecond(0))} B ${rate(perSecond(1))}`;
            })
            .join(', '),
      );
    }
    const loadAfter = loadavg()[0] as number;

    const rows: string[] = [];
    const ratios: string[] = [];
    for (const [mode, titles] of modes) {
      const [a, b] = [timed[0]?.[mode] ?? [], timed[1]?.[mode] ?? []];
      const perRound = (side: Stretch[][], key: keyof Stretch): number[] =>
        side.map((stretches) => titles.length / sum(stretches.map((t) => t[key])));
      const elapsed = [a, b].map((side) => perRound(side, 'seconds'));
      const cpu = [a, b].map((side) => median(perRound(side, 'cpuSeconds')));
      // Each stretch at its fastest over the rounds: what the engine does on a free core.
      const fastest = [a, b].map((side) => {
        const best = (side[0] ?? []).map((_, i) =>
          Math.min(...side.map((stretches) => stretches[i]?.seconds ?? Infinity)),
        );
        return titles.length / sum(best);
      });
      const paired = a.flatMap((stretches, round) =>
        stretches.map((t, i) => t.seconds / (b[round]?.[i]?.seconds ?? Infinity)),
      );
      engines.forEach((engine, side) => {
        const runs = elapsed[side] ?? [];
        rows.push(
          `| ${mode} | ${engine.label}: ${engine.revision} | ${rate(median(runs))} | ` +
            `${rate(Math.min(...runs))} to ${rate(Math.max(...runs))} | ` +
            `${rate(fastest[side] as number)} | ${rate(cpu[side] as number)} |`,
        );
      });
      const [rateA, rateB] = elapsed.map(median) as [number, number];
      ratios.push(
        `- ${mode}: B/A ${median(paired).toFixed(3)} (median over the ${paired.length} paired ` +
          `stretches of the time A took over the time B took; quartiles ` +
          `${quantile(paired, 0.25).toFixed(3)} and ${quantile(paired, 0.75).toFixed(3)}), ` +
          `${(rateB / rateA).toFixed(3)} ` +
          `(medians of titles/s), ${((fastest[1] as number) / (fastest[0] as number)).toFixed(3)} ` +
          `(titles/s at each stretch's fastest), ` +
          `${((cpu[1] as number) / (cpu[0] as number)).toFixed(3)} (medians of titles per CPU-second).`,
      );
    }

    const args = process.argv.slice(2).join(' ');
    const section = [
      ENGINE_AB_HEADING,
      '',
      `Command: \`npx tsx bench/normalize/ab.ts${args.length > 0 ? ` ${args}` : ''}\`  `,
      `Date: ${new Date().toISOString().slice(0, 10)}; Node ${process.version}; 2-core shared ` +
        `machine, load average ${loadBefore.toFixed(1)} when the timed rounds started, ` +
        `${loadAfter.toFixed(1)} when they ended.`,
      '',
      `Both engines compiled by tsc from src/matching into a temporary directory and run in one ` +
        `process. Data: the seeded ${taxonomyName} split of run.ts (seed ${seed}): ` +
        `${split.queries.length.toLocaleString('en-US')} held-out titles, clean and noisy, ` +
        `against ${split.rows.length.toLocaleString('en-US')} indexed titles. Answers compared ` +
        `first: ${compared.toLocaleString('en-US')} matches (every clean, noisy and warm-up title ` +
        `under ${CHECKED_OPTIONS.length} sets of options: top 5 with no minimum score, top 100 ` +
        `of one taxonomy, the defaults), ${verdict}. ` +
        (values.snapshot
          ? "B's indexes are loaded from a snapshot of the built ones, as the CLI loads them. "
          : '') +
        'Then, after 5,000 untimed warm-up titles each, ' +
        `${rounds} rounds, each on freshly built indexes, in which every title of each mode is ` +
        `answered once by each engine (top 5, no minimum score), the engines taking turns ` +
        `every ${STRETCH} titles (A B, then B A) so that load from other processes falls on ` +
        "both alike. A round's titles/s is its titles over the summed time of its stretches; " +
        'the fastest-stretch rate sums, stretch by stretch, the least time any round took, which ' +
        'leaves out most of the time other processes held the core.',
      '',
      '| Queries | Engine | titles/s (median) | titles/s (range) | titles/s (each stretch at its fastest) | titles per CPU-second (median) |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      ...ratios,
      '',
    ].join('\n');
    process.stdout.write(`${section}\n`);
    if (!values['no-write']) writeResultsSection(ENGINE_AB_HEADING, section);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
};

await main();
