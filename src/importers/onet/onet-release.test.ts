import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { onetFixtureRelease } from '../../../test/support/release-fixtures.js';
import { parse, RoleContentSchema, type AppError } from '../../domain/index.js';
import type { ImportedRole, RoleRelease } from '../release/index.js';
import { openOnetRelease, readOnetRelease } from './index.js';

/** `expect.stringContaining`, typed so it can stand for a string field. */
const containing = (text: string) => expect.stringContaining(text) as string;

const realData = fileURLToPath(new URL('../../../../shared/data/onet', import.meta.url));

const collect = async (roles: AsyncIterable<ImportedRole>) => {
  const all: ImportedRole[] = [];
  for await (const role of roles) all.push(role);
  return all;
};

const byCode = async (dir: string) =>
  new Map((await collect(readOnetRelease(dir))).map((r) => [r.code, r.content]));

/** The fixture release, shared by the tests that only read it. */
let fixture: string;
beforeAll(async () => {
  const release = await onetFixtureRelease();
  fixture = release.dir;
  return release.dispose;
});

/** A copy of the fixture release to change one file in, removed after the test. */
const copyOfFixture = async () => {
  const release = await onetFixtureRelease();
  onTestFinished(release.dispose);
  return release.dir;
};

describe('openOnetRelease', () => {
  it('yields one published onet role per occupation, in file order', async () => {
    const roles = await collect(readOnetRelease(fixture));
    expect(roles.map((r) => [r.taxonomy, r.code, r.content.status])).toEqual([
      ['onet', '11-1011.00', 'published'],
      ['onet', '15-1252.00', 'published'],
      ['onet', '15-1253.00', 'published'],
    ]);
  });

  it('counts the occupations before streaming them', async () => {
    expect((await openOnetRelease(fixture)).total).toBe(3);
  });

  it('takes the name and summary from the occupation file', async () => {
    const role = (await byCode(fixture)).get('15-1252.00');
    expect(role?.name).toBe('Software Developers');
    expect(role?.summary).toBe('Plan, build and improve software for computers and networks.');
  });

  it('lists alternate and short titles once each, without the name itself', async () => {
    const roles = await byCode(fixture);
    expect(roles.get('11-1011.00')?.alternativeTitles).toEqual([
      'Chief Executive Officer',
      'CEO',
      'Managing Director',
    ]);
    expect(roles.get('15-1252.00')?.alternativeTitles).toEqual([
      'Application Developer',
      'Backend Developer',
    ]);
  });

  it('turns task statements into responsibilities', async () => {
    expect((await byCode(fixture)).get('15-1252.00')?.responsibilities).toEqual([
      'Write and test code for new features.',
      'Work out what users need from a program.',
    ]);
  });

  it('keeps each technology once, with its category and hot if any row says so', async () => {
    expect((await byCode(fixture)).get('15-1252.00')?.technologies).toEqual([
      { name: 'Git', category: 'Development environment software', hot: true },
      {
        name: 'Oracle Java',
        category: 'Object or component oriented development software',
        hot: true,
      },
    ]);
  });

  it('relates occupations of the release and notes the ones it lacks', async () => {
    const release = await openOnetRelease(fixture);
    const roles = await collect(release.roles());
    expect(roles.find((r) => r.code === '15-1252.00')?.content.relatedRoles).toEqual([
      { taxonomy: 'onet', code: '15-1253.00' },
    ]);
    expect(release.notes).toContainEqual(
      expect.objectContaining({
        code: '15-1252.00',
        message: containing('15-1299.08'),
      }),
    );
  });

  it('notes rows whose code is not an occupation of the release', async () => {
    const release = await openOnetRelease(fixture);
    await collect(release.roles());
    expect(release.notes).toContainEqual({
      file: join(fixture, 'Alternate Titles.txt'),
      code: '15-1299.08',
      message: containing('skipped'),
    });
  });

  it('links each role to its O*NET OnLine page', async () => {
    expect((await byCode(fixture)).get('15-1253.00')?.links).toEqual([
      {
        title: 'O*NET OnLine summary report for 15-1253.00',
        url: 'https://www.onetonline.org/link/summary/15-1253.00',
      },
    ]);
  });

  it('produces roles the domain schema accepts', async () => {
    for (const role of await collect(readOnetRelease(fixture))) {
      expect(() => parse(RoleContentSchema, role.content)).not.toThrow();
    }
  });

  it('describes the taxonomy with the version and the CC BY 4.0 attribution', async () => {
    const { taxonomy } = await openOnetRelease(fixture);
    expect(taxonomy).toMatchObject({ id: 'onet', version: '27.0', license: 'CC BY 4.0' });
    expect(taxonomy.attribution).toContain('O*NET 27.0 Database (August 2022 release)');
    expect(taxonomy.attribution).toContain('USDOL/ETA');
  });

  it('can stream the roles twice with the same result', async () => {
    const release = await openOnetRelease(fixture);
    expect(await collect(release.roles())).toEqual(await collect(release.roles()));
  });

  it('reads files that are not sorted by code, with the same result', async () => {
    const dir = await copyOfFixture();
    const file = join(dir, 'Technology Skills.txt');
    const [header, ...rows] = (await readFile(file, 'utf8')).trimEnd().split('\n');
    await writeFile(file, [header, ...rows.reverse()].join('\n') + '\n');
    const shuffled = await byCode(dir);
    expect(shuffled.get('15-1252.00')?.technologies.map((t) => t.name)).toEqual([
      'Oracle Java',
      'Git',
    ]);
    expect(shuffled.get('11-1011.00')).toEqual((await byCode(fixture)).get('11-1011.00'));
  });

  it('reads technologies without a category when the release has no Commodity Title column', async () => {
    const dir = await copyOfFixture();
    const file = join(dir, 'Technology Skills.txt');
    const rows = (await readFile(file, 'utf8')).trimEnd().split('\n');
    const withoutCategory = rows.map((row) =>
      row
        .split('\t')
        .filter((_, i) => i !== 3)
        .join('\t'),
    );
    await writeFile(file, withoutCategory.join('\n') + '\n');
    expect((await byCode(dir)).get('15-1253.00')?.technologies).toEqual([
      { name: 'Selenium', hot: false },
    ]);
  });

  it('reads the technologies of Tools and Technology.txt, the file of releases before 23.2', async () => {
    const dir = await copyOfFixture();
    const file = join(dir, 'Technology Skills.txt');
    const [, ...rows] = (await readFile(file, 'utf8')).trimEnd().split('\n');
    const older = rows.map((row) => {
      const [code, example, commodity, title, hot] = row.split('\t');
      return [code, 'Technology', example, commodity, title, hot].join('\t');
    });
    const tool = ['15-1252.00', 'Tools', 'Laptop computers', '43211503', 'Notebook computers', 'N'];
    const header =
      'O*NET-SOC Code\tT2 Type\tT2 Example\tCommodity Code\tCommodity Title\tHot Technology';
    await writeFile(
      join(dir, 'Tools and Technology.txt'),
      [header, ...older, tool.join('\t')].join('\n') + '\n',
    );
    await rm(file);
    const release = await openOnetRelease(dir);
    expect(release.kept ?? []).not.toContain('technologies');
    const roles = new Map((await collect(release.roles())).map((r) => [r.code, r.content]));
    expect(roles.get('15-1252.00')?.technologies).toEqual(
      (await byCode(fixture)).get('15-1252.00')?.technologies,
    );
  });

  it('finds columns by their header, whatever their order', async () => {
    const dir = await copyOfFixture();
    const file = join(dir, 'Occupation Data.txt');
    const rows = (await readFile(file, 'utf8')).trimEnd().split('\n');
    const swapped = rows.map((row) => {
      const [code, title, description] = row.split('\t');
      return [description, code, title].join('\t');
    });
    await writeFile(file, swapped.join('\n') + '\n');
    expect(await byCode(dir)).toEqual(await byCode(fixture));
  });

  it('imports a release without the optional related occupations file', async () => {
    const dir = await copyOfFixture();
    await rm(join(dir, 'Related Occupations.txt'));
    expect((await byCode(dir)).get('15-1252.00')?.relatedRoles).toEqual([]);
  });

  it('leaves the version out when the Read Me is absent', async () => {
    const dir = await copyOfFixture();
    await rm(join(dir, 'Read Me.txt'));
    const { taxonomy } = await openOnetRelease(dir);
    expect(taxonomy.version).toBeUndefined();
    expect(taxonomy.attribution).toContain('the O*NET Database by');
  });

  it('imports a release with the occupations alone, noting every file it lacks', async () => {
    const dir = await copyOfFixture();
    for (const file of ['Alternate Titles.txt', 'Task Statements.txt', 'Technology Skills.txt']) {
      await rm(join(dir, file));
    }
    const release = await openOnetRelease(dir);
    expect((await collect(release.roles())).length).toBe(3);
    expect(release.kept).toEqual(['alternativeTitles', 'responsibilities', 'technologies']);
    expect(release.notes.slice(0, 3).map((n) => n.message)).toEqual([
      containing('no Alternate Titles.txt'),
      containing('no Task Statements.txt'),
      containing('no Technology Skills.txt'),
    ]);
  });

  it('notes a release without Related Occupations, whose stored related roles are kept', async () => {
    const dir = await copyOfFixture();
    await rm(join(dir, 'Related Occupations.txt'));
    const release = await openOnetRelease(dir);
    expect([release.kept, release.notes[0]?.message]).toEqual([
      ['relatedRoles'],
      containing('relatedRoles of roles already stored are kept'),
    ]);
  });

  it('reads the release in the one folder inside the folder it is given', async () => {
    const dir = await copyOfFixture();
    const parent = await mkdtemp(join(tmpdir(), 'rolebook-download-'));
    onTestFinished(() => rm(parent, { recursive: true, force: true }));
    await cp(dir, join(parent, 'db_27_0_text'), { recursive: true });
    const release = await openOnetRelease(parent);
    expect([release.total, release.notes[0]?.message]).toEqual([3, containing(parent)]);
  });

  it('refuses a zip archive, saying to unpack it', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'rolebook-download-'));
    onTestFinished(() => rm(parent, { recursive: true, force: true }));
    const zip = join(parent, 'db_27_0_text.zip');
    await writeFile(zip, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    await expect(openOnetRelease(zip)).rejects.toMatchObject({
      details: [{ file: zip, message: containing('unpack it') }],
    });
  });

  it('refuses the Excel edition, naming the text edition to get instead', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'rolebook-download-'));
    onTestFinished(() => rm(parent, { recursive: true, force: true }));
    await writeFile(join(parent, 'Occupation Data.xlsx'), '');
    await expect(openOnetRelease(parent)).rejects.toMatchObject({
      details: [{ message: containing('"Occupation Data.xlsx"') }],
      message: containing('text edition'),
    });
  });

  it('takes the version it is given when the release has no Read Me', async () => {
    const dir = await copyOfFixture();
    await rm(join(dir, 'Read Me.txt'));
    const given = await openOnetRelease(dir, { version: '18.1' });
    const unsaid = await openOnetRelease(dir);
    expect([given.taxonomy.version, unsaid.taxonomy.version, unsaid.notes[0]?.message]).toEqual([
      '18.1',
      undefined,
      containing('--source-version'),
    ]);
  });

  it('reads a file a spreadsheet re-saved with quoted fields', async () => {
    const dir = await copyOfFixture();
    const file = join(dir, 'Occupation Data.txt');
    const quoted = (await readFile(file, 'utf8'))
      .split('\n')
      .map((line) =>
        line
          ? line
              .split('\t')
              .map((f) => `"${f.replaceAll('"', '""')}"`)
              .join('\t')
          : line,
      )
      .join('\n');
    await writeFile(file, quoted);
    const names = (await collect(readOnetRelease(dir))).map((r) => r.content.name);
    expect(names.some((n) => n.includes('"'))).toBe(false);
  });

  it('keeps Hot Technology and In Demand apart', async () => {
    const dir = await copyOfFixture();
    const file = join(dir, 'Technology Skills.txt');
    const [header, ...rows] = (await readFile(file, 'utf8')).trimEnd().split('\n');
    await writeFile(
      file,
      [`${header}\tIn Demand`, ...rows.map((r, i) => `${r}\t${i === 0 ? 'Y' : 'N'}`)].join('\n'),
    );
    const [first] = await collect(readOnetRelease(dir));
    expect(first?.content.technologies[0]).toMatchObject({ inDemand: true });
    expect(first?.content.technologies.some((t) => t.hot !== undefined)).toBe(true);
  });

  it('refuses a folder that does not exist as any unreadable path is refused', async () => {
    await expect(openOnetRelease(join(fixture, 'nowhere'))).rejects.toMatchObject({
      code: 'bad_request',
      message: `Cannot read ${join(fixture, 'nowhere')}: it does not exist.`,
    });
  });

  it('refuses an occupation listed twice', async () => {
    const dir = await copyOfFixture();
    const file = join(dir, 'Occupation Data.txt');
    await writeFile(file, (await readFile(file, 'utf8')) + '15-1253.00\tTesters\tAgain.\n');
    await expect(openOnetRelease(dir)).rejects.toMatchObject({
      details: [{ file, line: 5, message: containing('first on line 4') }],
    });
  });

  it('refuses a bad row of another file on opening, naming file, line and column', async () => {
    const dir = await copyOfFixture();
    const file = join(dir, 'Technology Skills.txt');
    await writeFile(file, (await readFile(file, 'utf8')).replace('\tN\n', '\tmaybe\n'));
    await expect(openOnetRelease(dir)).rejects.toMatchObject({
      code: 'import_failed',
      details: [{ file, line: 4, column: 5, message: containing('Y or N') }],
    });
  });

  it('reports every problem of every file in one refusal, each with file, line and column', async () => {
    const { dir, dispose } = await onetFixtureRelease('broken-release');
    onTestFinished(dispose);
    const file = (name: string) => join(dir, name);
    const error = await openOnetRelease(dir).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'import_failed',
      message: '8 problems in 5 files of the release; nothing was imported',
    });
    expect((error as AppError).details).toEqual([
      { file: file('Occupation Data.txt'), line: 3, column: 1, message: containing('15-1252') },
      { file: file('Occupation Data.txt'), line: 4, column: 2, message: containing('empty') },
      { file: file('Occupation Data.txt'), line: 5, column: 1, message: containing('twice') },
      {
        file: file('Alternate Titles.txt'),
        line: 1,
        column: 5,
        message: containing('"Alternate Title"'),
      },
      { file: file('Task Statements.txt'), line: 3, column: 3, message: containing('empty') },
      { file: file('Technology Skills.txt'), line: 3, column: 5, message: containing('Y or N') },
      { file: file('Technology Skills.txt'), line: 4, column: 3, message: containing('2 field') },
      {
        file: file('Related Occupations.txt'),
        line: 2,
        column: 2,
        message: containing('15-12X3.00'),
      },
    ]);
  });
});

describe.skipIf(!existsSync(realData))('the real O*NET 27.0 files', () => {
  let release: RoleRelease;
  let roles: ImportedRole[];
  // Reading the whole release takes seconds alone and over a minute on a machine shared with
  // other test files and benchmarks.
  beforeAll(async () => {
    release = await openOnetRelease(realData);
    roles = await collect(release.roles());
  }, 240_000);

  it('import as valid roles, one per occupation', () => {
    expect(roles.length).toBe(release.total);
    expect(roles.length).toBeGreaterThan(1000);
    for (const role of roles) parse(RoleContentSchema, role.content);
  });

  it('cut the one occupation with more titles than a role may hold, and say so', () => {
    expect(release.notes).toEqual([
      expect.objectContaining({ code: '51-9199.00', message: containing('2000') }),
    ]);
  });
});
