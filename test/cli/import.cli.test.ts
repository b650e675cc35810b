import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  cliStores,
  databasesPerTest,
  exportOf,
  fixtures,
  runCli,
  onOneStore,
} from '../support/cli.js';
import {
  escoFixtureRelease,
  onetFixtureRelease,
  sharedFixtureReleases,
} from '../support/release-fixtures.js';

/** The fixture releases, shared by the tests that only read them. */
const releases = sharedFixtureReleases();

const referencePage = '/work/shared/reference/recruiter-role-page.txt';
const builtInContent = join(import.meta.dirname, '../../content');

/** The lines of the output that are lint findings about one role. */
const findingsAbout = (stdout: string, ref: string) =>
  stdout.split('\n').filter((line) => line.startsWith(`${ref} `) || line.startsWith(`${ref}:`));

describe.each(cliStores)('rolebook import on $name', (store) => {
  const itOnOneStore = onOneStore(store);
  const create = databasesPerTest(store);

  it('imports an O*NET release and prints the summary, the notes and the lint', async () => {
    const { url } = await create();
    const run = await runCli(url, ['import', 'onet', releases.onet]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('roles       3 added, 0 changed, 0 unchanged, 0 removed');
    expect(run.stdout).toMatch(/^note: .*Related Occupations\.txt 15-1252\.00: /m);
    expect(run.stdout).toContain('lint: 3 roles checked, 0 errors, 0 warnings');
  });

  itOnOneStore(
    'names the roles a release added with --verbose, and writes them to --report',
    async () => {
      const { url, dir } = await create();
      const report = join(dir, 'report.json');
      const run = await runCli(url, [
        'import',
        'onet',
        releases.onet,
        '--verbose',
        '--report',
        report,
      ]);
      expect(run.stdout).toContain('added onet/15-1252.00');
      const written = JSON.parse(await readFile(report, 'utf8')) as {
        report: { changes: { added: string[] } };
      };
      expect(written.report.changes.added).toHaveLength(3);
    },
  );

  itOnOneStore('reports every role unchanged when the same release is imported again', async () => {
    const { url } = await create();
    await runCli(url, ['import', 'onet', releases.onet]);
    const run = await runCli(url, ['import', 'onet', releases.onet]);
    expect(run.stdout).toContain('roles       0 added, 0 changed, 3 unchanged, 0 removed');
  });

  itOnOneStore('imports an ESCO download in the language asked for', async () => {
    const { url } = await create();
    const run = await runCli(url, ['import', 'esco', releases.esco, '--language', 'en']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('roles       3 added');
  });

  itOnOneStore('renders an ESCO occupation named by the code ESCO publishes for it', async () => {
    const { url } = await create();
    await runCli(url, ['import', 'esco', releases.esco]);
    const run = await runCli(url, ['render', '2512.4', '--taxonomy', 'esco', '--format', 'md']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('# software developer');
  });

  itOnOneStore('writes nothing on --dry-run', async () => {
    const { url, dir } = await create();
    const before = await exportOf(url, dir);
    const run = await runCli(url, ['import', 'esco', releases.esco, '--dry-run']);
    expect(run.stdout).toMatch(/^Dry run \(nothing written\)/);
    expect(await exportOf(url, dir)).toEqual(before);
  });

  it('names file, line and column of a malformed row, exits non-zero and writes nothing', async () => {
    const { url, dir } = await create();
    const { dir: release, dispose } = await onetFixtureRelease();
    onTestFinished(dispose);
    const skills = join(release, 'Technology Skills.txt');
    await writeFile(skills, `${await readFile(skills, 'utf8')}15-1253.00\tPlaywright\n`);
    const before = await exportOf(url, dir);
    const run = await runCli(url, ['import', 'onet', release]);
    expect(run.code, run.stderr).toBe(7);
    expect(run.stderr).toContain(`${skills}:7:3`);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(await exportOf(url, dir)).toEqual(before);
  });

  itOnOneStore(
    'lists every problem of every file of a release in one run, and writes nothing',
    async () => {
      const { url, dir } = await create();
      const { dir: release, dispose } = await onetFixtureRelease('broken-release');
      onTestFinished(dispose);
      const before = await exportOf(url, dir);
      const run = await runCli(url, ['import', 'onet', release]);
      expect(run.code, run.stderr).toBe(7);
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines[0]).toBe('rolebook: 8 problems in 5 files of the release; nothing was imported');
      expect(lines.slice(1).map((l) => l.slice(0, l.indexOf(': ')))).toEqual(
        [
          'Occupation Data.txt:3:1',
          'Occupation Data.txt:4:2',
          'Occupation Data.txt:5:1',
          'Alternate Titles.txt:1:5',
          'Task Statements.txt:3:3',
          'Technology Skills.txt:3:5',
          'Technology Skills.txt:4:3',
          'Related Occupations.txt:2:2',
        ].map((at) => `  ${join(release, at)}`),
      );
      expect(await exportOf(url, dir)).toEqual(before);
    },
  );

  itOnOneStore(
    'lists a title holding a bidi override or a NUL among the problems of the release, with file, line and column',
    async () => {
      const { url } = await create();
      const { dir: release, dispose } = await onetFixtureRelease();
      onTestFinished(dispose);
      const append = async (name: string, row: string): Promise<number> => {
        const file = join(release, name);
        const text = await readFile(file, 'utf8');
        await writeFile(file, `${text}${row}\n`);
        return text.split('\n').length;
      };
      const bidiLine = await append(
        'Occupation Data.txt',
        '15-9999.00\tBad\u202eTitle\tA title written to read backwards.',
      );
      const nulLine = await append('Alternate Titles.txt', '15-1252.00\tNul\u0000Title\tNT\t08');
      const run = await runCli(url, ['import', 'onet', release, '--dry-run']);
      expect(run.code, run.stderr).toBe(7);
      expect(run.stderr).toContain(
        `${join(release, 'Occupation Data.txt')}:${bidiLine}:2: column "Title": the value contains a bidirectional control character (U+202E)`,
      );
      expect(run.stderr).toContain(
        `${join(release, 'Alternate Titles.txt')}:${nulLine}:2: column "Alternate Title": the value contains a control character (U+0000)`,
      );
    },
  );

  itOnOneStore('shows the first 50 problems of a release and counts the rest', async () => {
    const { url } = await create();
    const { dir: release, dispose } = await onetFixtureRelease();
    onTestFinished(dispose);
    const skills = join(release, 'Technology Skills.txt');
    const badRows = Array.from(
      { length: 60 },
      (_, i) => `15-1253.00\tTool ${i}\t1\tTesting\tmaybe\n`,
    );
    await writeFile(skills, (await readFile(skills, 'utf8')) + badRows.join(''));
    const run = await runCli(url, ['import', 'onet', release]);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('rolebook: 60 problems of the release; nothing was imported');
    expect(lines.filter((l) => l.includes('Y or N'))).toHaveLength(50);
    expect(lines.at(-1)).toBe('  … and 10 more');
  });

  itOnOneStore(
    'imports the rest of a download with many defective rows, noting the first 50',
    async () => {
      const { url } = await create();
      const { dir: release, dispose } = await escoFixtureRelease();
      onTestFinished(dispose);
      const occupations = join(release, 'occupations_en.csv');
      const unnamed = Array.from(
        { length: 60 },
        (_, i) => `Occupation,http://data.europa.eu/esco/occupation/unnamed-${i},2512,,,,,,,,,,,\n`,
      );
      await writeFile(occupations, (await readFile(occupations, 'utf8')) + unnamed.join(''));
      const run = await runCli(url, ['import', 'esco', release]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('roles       3 added');
      expect(run.stdout.split('\n').filter((l) => l.includes('the value is empty'))).toHaveLength(
        50,
      );
      expect(run.stdout).toMatch(/^note: … and \d+ more \(--report FILE lists them all\)$/m);
    },
  );

  it.skipIf(!existsSync(referencePage))(
    'reports exactly the two defects of the reference recruiter page',
    async () => {
      const { url } = await create();
      const run = await runCli(url, ['import', 'guide', referencePage]);
      expect(run.code, run.stderr).toBe(1);
      expect(findingsAbout(run.stdout, 'rolebook/backend-developer')).toEqual([
        expect.stringMatching(/^rolebook\/backend-developer: .*\{role_name\}.*\[placeholder\]$/),
        expect.stringMatching(/^rolebook\/backend-developer links: .*\[empty-section\]$/),
      ]);
      expect(run.stdout).toContain('lint: 1 role checked, 1 error, 1 warning');
    },
  );

  itOnOneStore(
    'refuses a page whose code the library has, unless asked to replace it',
    async () => {
      const { url } = await create();
      const page = join(fixtures, 'guide-page/clean-page.txt');
      await runCli(url, ['import', 'guide', page]);
      const again = await runCli(url, ['import', 'guide', page]);
      expect(again.code, again.stderr).toBe(5);
      expect(again.stderr).toContain('rolebook/qa-engineer already exists');
      const replaced = await runCli(url, ['import', 'guide', page, '--replace']);
      expect(replaced.code, replaced.stderr).toBe(0);
    },
  );

  it('makes a page the pending draft of a published role with --replace, exiting with the lint code', async () => {
    const { url } = await create();
    const page = join(fixtures, 'guide-page/api-builder-placeholder-page.txt');
    const run = await runCli(url, ['import', 'guide', page, '--replace']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain(
      'pending draft of rolebook/api-builder: draft version 1, based on published version 1; the published guide is unchanged',
    );
    expect(findingsAbout(run.stdout, 'rolebook/api-builder')).toEqual([
      expect.stringMatching(/\{job_title\}.*\[placeholder\]$/),
      expect.stringMatching(/^rolebook\/api-builder links: .*\[empty-section\]$/),
    ]);
  });

  itOnOneStore(
    'leaves the published role as exported after --replace made a pending draft of it',
    async () => {
      const { url, dir } = await create();
      const before = await exportOf(url, dir);
      const page = join(fixtures, 'guide-page/api-builder-placeholder-page.txt');
      await runCli(url, ['import', 'guide', page, '--replace']);
      expect(await exportOf(url, dir)).toEqual(before);
    },
  );

  it.skipIf(!existsSync(referencePage))(
    "lists the reference page's two defects in the default library, where its role is published",
    async () => {
      const { url } = await create();
      const run = await runCli(url, ['import', 'guide', referencePage, '--dry-run'], {
        content: builtInContent,
      });
      expect(run.code, run.stderr).toBe(5);
      // Its two defects; a title the library files under another role is a warning beside them.
      const errors = findingsAbout(run.stdout, 'rolebook/backend-developer').filter(
        (line) => !line.endsWith('[duplicate-title]'),
      );
      expect(errors.map((line) => /\[([a-z-]+)\]$/.exec(line)?.[1])).toEqual([
        'placeholder',
        'empty-section',
      ]);
      expect(run.stderr).toContain('--taxonomy');
    },
  );

  itOnOneStore("imports a page into a taxonomy of the user's own", async () => {
    const { url } = await create();
    const page = join(fixtures, 'guide-page/clean-page.txt');
    const run = await runCli(url, ['import', 'guide', page, '--taxonomy', 'acme']);
    expect([run.code, run.stdout]).toEqual([0, expect.stringContaining('draft: acme/qa-engineer')]);
  });

  itOnOneStore('gives the draft the code asked for', async () => {
    const { url } = await create();
    const page = join(fixtures, 'guide-page/clean-page.txt');
    const run = await runCli(url, ['import', 'guide', page, '--code', 'tester']);
    expect(run.stdout).toContain('draft: rolebook/tester');
  });
});
