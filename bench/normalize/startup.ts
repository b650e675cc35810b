/**
 * `rolebook normalize` as a whole process, start-up included, with the whole O*NET release
 * imported: the first answer (one title on stdin) and a batch of 42,000 titles from a file,
 * against the loop a user would write instead, a Node script that asks SQLite FTS5 for each
 * title, over an FTS5 table of the same titles. All in one run, the tools taking turns.
 *
 *   npm run build && npx tsx bench/normalize/startup.ts [--onet DIR] [--titles 42000]
 *     [--rounds 5] [--baseline PATH/dist/cli/main.js] [--no-write]
 *
 * `--baseline` times another build of the CLI beside this one (the same commands on a copy of
 * the same database, so that each keeps its own index), to show before and after in one run. Needs /usr/bin/time (Debian package time).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { builtCli, importOnetWithCli, requireBuiltCli } from '../built-cli.js';
import { median } from '../median.js';
import { writeResultsSection } from '../results-file.js';
import { makeNoisy } from './noise.js';
import { onetFilesPresent, readOnet } from './onet-titles.js';

const { values } = parseArgs({
  options: {
    onet: { type: 'string', default: '/work/shared/data/onet' },
    titles: { type: 'string', default: '42000' },
    rounds: { type: 'string', default: '5' },
    baseline: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});

const HEADING = '## Normalize start-up (whole process)';
const TIME = '/usr/bin/time';
const log = (line: string): void => void process.stderr.write(`${line}\n`);

/**
 * The loop a user would write over FTS5: open the database, read the titles, ask for each one's
 * best titles by bm25 (every word, OR'ed, as bench/normalize/tools/sqlite-fts5.tool.ts asks),
 * and write the first five distinct occupations as a JSON line. Plain JavaScript, run by node.
 */
const FTS5_LOOP = `
import { readFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
const [betterSqlite3, database, input] = process.argv.slice(2);
const Database = createRequire(import.meta.url)(betterSqlite3);
const db = new Database(database, { readonly: true });
const search = db.prepare('SELECT code FROM titles WHERE titles MATCH ? ORDER BY bm25(titles) LIMIT 25');
let out = '';
for (const title of readFileSync(input, 'utf8').split('\\n')) {
  if (title === '') continue;
  const words = title.toLowerCase().split(/[^\\p{L}\\p{N}]+/u).filter((w) => w.length > 0);
  const codes = [];
  if (words.length > 0) {
    for (const { code } of search.all(words.map((w) => '"' + w + '"').join(' OR '))) {
      if (!codes.includes(code)) codes.push(code);
      if (codes.length === 5) break;
    }
  }
  out += JSON.stringify({ input: title, codes }) + '\\n';
  if (out.length > 65536) { writeSync(1, out); out = ''; }
}
writeSync(1, out);
`;

interface Timed {
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
  outputLines: number;
}

/** Runs a command under /usr/bin/time: its elapsed time, CPU time and peak resident memory. */
const timed = (args: string[], stdin?: string): Timed => {
  const run = spawnSync(TIME, ['-f', '%e %U %S %M', process.execPath, ...args], {
    input: stdin ?? '',
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const last = run.stderr.trim().split('\n').at(-1) ?? '';
  const [elapsed, user, system, rssKb] = last.split(' ').map(Number);
  if (run.status !== 0 || rssKb === undefined || Number.isNaN(rssKb)) {
    throw new Error(`${args.join(' ')} failed (${run.status}): ${run.stderr.slice(-2000)}`);
  }
  return {
    seconds: elapsed as number,
    cpuSeconds: (user as number) + (system as number),
    maxRssMb: rssKb / 1024,
    outputLines: run.stdout.split('\n').length - 1,
  };
};

/** The FTS5 table of every title the CLI indexes: each published role's name and titles. */
const writeFts5Index = (database: string, fts5: string): number => {
  const source = new Database(database, { readonly: true });
  const rows = source
    .prepare("SELECT taxonomy, code, name, data FROM roles WHERE status = 'published'")
    .all() as Array<{ taxonomy: string; code: string; name: string; data: string }>;
  source.close();
  const index = new Database(fts5);
  index.exec(
    "CREATE VIRTUAL TABLE titles USING fts5(title, code UNINDEXED, tokenize = 'porter unicode61')",
  );
  const insert = index.prepare('INSERT INTO titles (title, code) VALUES (?, ?)');
  let count = 0;
  index.transaction(() => {
    for (const row of rows) {
      const data = JSON.parse(row.data) as {
        alternativeTitles?: string[];
        hiddenTitles?: string[];
      };
      const code = `${row.taxonomy}/${row.code}`;
      for (const title of [
        row.name,
        ...(data.alternativeTitles ?? []),
        ...(data.hiddenTitles ?? []),
      ]) {
        insert.run(title, code);
        count++;
      }
    }
  })();
  index.close();
  return count;
};

interface Contender {
  name: string;
  run: () => Timed;
}

const main = (): void => {
  requireBuiltCli();
  if (!existsSync(TIME)) throw new Error(`${TIME} is missing: apt-get install time`);
  if (!onetFilesPresent(values.onet)) {
    log(`Skipped: no O*NET files in ${values.onet} (pass --onet DIR).`);
    return;
  }
  const count = Number(values.titles);
  const rounds = Number(values.rounds);
  const dir = mkdtempSync(join(tmpdir(), 'rolebook-startup-'));
  try {
    const database = join(dir, 'rolebook.sqlite');
    log('importing O*NET into a fresh database');
    importOnetWithCli(database, values.onet);
    const fts5 = join(dir, 'fts5.sqlite');
    const indexed = writeFts5Index(database, fts5);
    const onet = readOnet(values.onet);
    const pool = [...onet.occupations.map((o) => o.name), ...onet.alternates.map((a) => a.title)];
    const lines: string[] = [];
    for (let seed = 1; lines.length < count; seed++) lines.push(...makeNoisy(pool, seed));
    const input = join(dir, 'titles.txt');
    writeFileSync(input, `${lines.slice(0, count).join('\n')}\n`);
    const loop = join(dir, 'fts5-loop.mjs');
    writeFileSync(loop, FTS5_LOOP);
    const betterSqlite3 = createRequire(import.meta.url).resolve('better-sqlite3');
    // Each build keeps its index beside a database of its own: a snapshot one engine wrote is
    // one the other rebuilds.
    const baselineDatabase = join(dir, 'baseline.sqlite');
    if (values.baseline) copyFileSync(database, baselineDatabase);
    const kept: Array<[cli: string, database: string]> = [
      [builtCli, database],
      ...(values.baseline ? [[values.baseline, baselineDatabase] as [string, string]] : []),
    ];

    const cli = (path: string, label: string, db: string): Contender[] => [
      {
        name: `${label}: first answer, index kept`,
        run: () => timed([path, '-d', db, 'normalize'], 'backend developer\n'),
      },
      {
        name: `${label}: first answer, index built (no kept index)`,
        run: () => {
          rmSync(`${db}.title-index`, { force: true });
          return timed([path, '-d', db, 'normalize'], 'backend developer\n');
        },
      },
      {
        name: `${label}: ${count.toLocaleString('en-US')} titles (--file)`,
        run: () => timed([path, '-d', db, 'normalize', '--file', input]),
      },
    ];
    const contenders: Contender[] = [
      ...(values.baseline ? cli(values.baseline, 'baseline', baselineDatabase) : []),
      ...cli(builtCli, 'rolebook', database),
      {
        name: `SQLite FTS5 loop: ${count.toLocaleString('en-US')} titles`,
        run: () => timed([loop, betterSqlite3, fts5, input]),
      },
      {
        name: 'SQLite FTS5 loop: first answer',
        run: () => {
          writeFileSync(join(dir, 'one.txt'), 'backend developer\n');
          return timed([loop, betterSqlite3, fts5, join(dir, 'one.txt')]);
        },
      },
    ];
    // One untimed pass each: the kept index written, files in the page cache.
    const warm = (): void => {
      for (const [path, db] of kept) {
        if (!existsSync(`${db}.title-index`))
          timed([path, '-d', db, 'normalize'], 'backend developer\n');
      }
    };
    warm();
    const loadBefore = loadavg()[0] as number;
    const results = contenders.map(() => [] as Timed[]);
    for (let round = 0; round < rounds; round++) {
      log(`round ${round + 1} of ${rounds}`);
      const order = contenders.map((_, i) => i);
      if (round % 2 === 1) order.reverse();
      for (const i of order) {
        const contender = contenders[i] as Contender;
        (results[i] as Timed[]).push(contender.run());
        // After an "index built" run, whatever runs next finds the index kept again.
        warm();
      }
    }
    const loadAfter = loadavg()[0] as number;
    const rows = contenders.map((contender, i) => {
      const runs = results[i] as Timed[];
      const seconds = median(runs.map((r) => r.seconds));
      return {
        name: contender.name,
        seconds,
        cpu: median(runs.map((r) => r.cpuSeconds)),
        rss: median(runs.map((r) => r.maxRssMb)),
        lines: runs[0]?.outputLines ?? 0,
        range: `${Math.min(...runs.map((r) => r.seconds)).toFixed(2)}–${Math.max(...runs.map((r) => r.seconds)).toFixed(2)} s`,
      };
    });
    const find = (name: string) => rows.find((r) => r.name === name);
    const batch = (label: string) =>
      find(`${label}: ${count.toLocaleString('en-US')} titles (--file)`);
    const fts5Batch = find(`SQLite FTS5 loop: ${count.toLocaleString('en-US')} titles`);
    const ratio = (label: string): string => {
      const ours = batch(label);
      if (!ours || !fts5Batch) return '';
      return (
        `- Whole process, ${label} over the FTS5 loop: ${(fts5Batch.seconds / ours.seconds).toFixed(1)}x ` +
        `the titles per second (elapsed), ${(fts5Batch.cpu / ours.cpu).toFixed(1)}x the titles per ` +
        `CPU-second.`
      );
    };
    const args = process.argv.slice(2).join(' ');
    const section = [
      HEADING,
      '',
      `Command: \`npm run build && npx tsx bench/normalize/startup.ts${args ? ` ${args}` : ''}\` ` +
        `(${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ` +
        `${availableParallelism()} cores shared with other work, load average ` +
        `${loadBefore.toFixed(1)} before the timed rounds and ${loadAfter.toFixed(1)} after).`,
      '',
      `Each command a process of its own, timed by /usr/bin/time from start to exit; the median ` +
        `of ${rounds} rounds, the contenders taking turns (reversed every other round). The ` +
        `database holds the whole O*NET release and the built-in library (${indexed.toLocaleString('en-US')} ` +
        `titles); the FTS5 table holds the same titles (porter unicode61), built once and not timed, ` +
        `as the kept index is. The batch is ${count.toLocaleString('en-US')} noisy O*NET titles ` +
        `(seeded typos, seniority, places, requisition numbers), one per line; every command writes ` +
        `one JSON line per title. "Index built" deletes the kept index first, as after a change to ` +
        `the roles.`,
      '',
      '| command | elapsed (median) | elapsed (range) | CPU time | peak RSS | lines out |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map(
        (r) =>
          `| ${r.name} | ${r.seconds.toFixed(2)} s | ${r.range} | ${r.cpu.toFixed(2)} s | ` +
          `${Math.round(r.rss)} MB | ${r.lines.toLocaleString('en-US')} |`,
      ),
      '',
      ...(values.baseline ? [ratio('baseline')] : []),
      ratio('rolebook'),
      '',
    ].join('\n');
    process.stdout.write(`${section}\n`);
    if (!values['no-write']) writeResultsSection(HEADING, section);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

main();
