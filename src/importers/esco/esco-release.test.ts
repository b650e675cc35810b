import { copyFile, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { escoFixtureRelease } from '../../../test/support/release-fixtures.js';
import { parse, RoleContentSchema, type AppError } from '../../domain/index.js';
import { readTable, type ImportedRole } from '../release/index.js';
import { occupationColumns } from './esco-tables.js';
import { openEscoRelease, readEscoRelease } from './index.js';

/** `expect.stringContaining`, typed so it can stand for a string field. */
const containing = (text: string) => expect.stringContaining(text) as string;

const fixtures = fileURLToPath(new URL('../../../test/fixtures/esco/', import.meta.url));
const occupation = (n: number) =>
  `http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-00000000000${n}`;

const collect = async (roles: AsyncIterable<ImportedRole>) => {
  const all: ImportedRole[] = [];
  for await (const role of roles) all.push(role);
  return all;
};

const byCode = async (dir: string) =>
  new Map((await collect(readEscoRelease(dir))).map((r) => [r.code, r.content]));

/** The fixture download, shared by the tests that only read it. */
let release: string;
beforeAll(async () => {
  const fixture = await escoFixtureRelease();
  release = fixture.dir;
  return fixture.dispose;
});

/** A copy of the fixture download in a folder named like one, removed after the test. */
const copyOfFixture = async (folder = 'ESCO dataset - v1.2.0 - classification - en - csv') => {
  const fixture = await escoFixtureRelease({ folder });
  onTestFinished(fixture.dispose);
  return fixture.dir;
};

describe('openEscoRelease', () => {
  it('yields one published esco role per occupation, coded by its concept URI', async () => {
    const roles = await collect(readEscoRelease(release));
    expect(roles.map((r) => [r.taxonomy, r.code, r.content.status])).toEqual([
      ['esco', occupation(1), 'published'],
      ['esco', occupation(2), 'published'],
      ['esco', occupation(3), 'published'],
    ]);
  });

  it('counts the occupations before streaming them', async () => {
    expect((await openEscoRelease(release)).total).toBe(3);
  });

  it('reads a quoted description with commas and doubled quotes', async () => {
    const roles = await byCode(release);
    expect(roles.get(occupation(2))?.summary).toBe(
      'ICT test analysts check that systems behave as specified and report each "defect" they find.',
    );
  });

  it('falls back to the definition when the description is empty', async () => {
    expect((await byCode(release)).get(occupation(3))?.summary).toMatch(/^Data entry clerks type/);
  });

  it('splits the newline-separated alternative labels, without the preferred label', async () => {
    expect((await byCode(release)).get(occupation(1))?.alternativeTitles).toEqual([
      'software engineer',
      'application developer',
      'programmer',
    ]);
  });

  it('keeps the hidden labels apart from the alternative labels, and none when there are none', async () => {
    const roles = await byCode(release);
    expect(roles.get(occupation(1))?.hiddenTitles).toEqual(['softwear developer']);
    expect(roles.get(occupation(1))?.alternativeTitles).not.toContain('softwear developer');
    expect(roles.get(occupation(2))).not.toHaveProperty('hiddenTitles');
  });

  it('keeps a hidden label once when the source repeats it in another case or spacing', async () => {
    const dir = await copyOfFixture();
    const file = join(dir, 'occupations_en.csv');
    const csv = await readFile(file, 'utf8');
    await writeFile(
      file,
      csv.replace(',softwear developer,', ',"softwear developer\nSoftwear  Developer",'),
    );
    const roles = await byCode(dir);
    expect(roles.get(occupation(1))?.hiddenTitles).toEqual(['softwear developer']);
  });

  it('lists essential skills before optional ones, each once', async () => {
    expect((await byCode(release)).get(occupation(1))?.skills).toEqual([
      { name: 'computer programming', importance: 'essential' },
      { name: 'use software design patterns', importance: 'essential' },
      { name: 'SQL', importance: 'optional' },
    ]);
  });

  it('notes relations to skills or occupations the release lacks', async () => {
    const opened = await openEscoRelease(release);
    await collect(opened.roles());
    expect(opened.notes.map((n) => n.message)).toEqual([
      containing('9000-000000000009 is not in the skills file'),
      containing(`relations for ${occupation(8)}`),
    ]);
  });

  it('gives the ISCO-08 unit group as a crosswalk code and reads the group labels', async () => {
    const opened = await openEscoRelease(release);
    const roles = await collect(opened.roles());
    expect(roles[0]?.content.crosswalk).toEqual([{ taxonomy: 'isco', code: '2512' }]);
    expect(opened.iscoGroups.get('4132')?.label).toBe('Data entry clerks');
  });

  it('links each role to its page in the ESCO portal', async () => {
    const [link] = (await byCode(release)).get(occupation(1))?.links ?? [];
    expect(link?.url).toBe(
      `https://esco.ec.europa.eu/en/classification/occupation?uri=${encodeURIComponent(occupation(1))}`,
    );
  });

  it('produces roles the domain schema accepts', async () => {
    for (const role of await collect(readEscoRelease(release))) {
      expect(() => parse(RoleContentSchema, role.content)).not.toThrow();
    }
  });

  it('reads the version from the folder name of the download', async () => {
    const { taxonomy } = await openEscoRelease(await copyOfFixture());
    expect(taxonomy).toMatchObject({ id: 'esco', version: '1.2.0' });
    expect(taxonomy.attribution).toContain('ESCO classification (version 1.2.0)');
  });

  it('reads the version from the folder name of a download given by the folder above it', async () => {
    const { taxonomy } = await openEscoRelease(dirname(await copyOfFixture()));
    expect(taxonomy).toMatchObject({ id: 'esco', version: '1.2.0' });
  });

  it('prefers the version it is given', async () => {
    const { taxonomy } = await openEscoRelease(release, { version: '1.1.1' });
    expect(taxonomy.version).toBe('1.1.1');
  });

  it('reads a relations file without a language suffix', async () => {
    const dir = await copyOfFixture();
    await rename(
      join(dir, 'occupationSkillRelations_en.csv'),
      join(dir, 'occupationSkillRelations.csv'),
    );
    expect((await byCode(dir)).get(occupation(2))?.skills).toEqual([
      { name: 'execute software tests', importance: 'essential' },
    ]);
  });

  it('refuses a language the folder has no occupations in, naming those it has', async () => {
    await expect(openEscoRelease(release, { language: 'de' })).rejects.toMatchObject({
      code: 'import_failed',
      details: [
        {
          file: join(release, 'occupations_de.csv'),
          message: containing('the folder holds en: use --language en'),
        },
      ],
    });
  });

  it('imports the occupations alone, noting that stored skills are kept', async () => {
    const dir = await copyOfFixture();
    await rm(join(dir, 'skills_en.csv'));
    await rm(join(dir, 'occupationSkillRelations_en.csv'));
    const opened = await openEscoRelease(dir);
    const roles = await collect(opened.roles());
    expect([roles.length, roles[0]?.content.skills, opened.kept]).toEqual([3, [], ['skills']]);
    expect(opened.notes.map((n) => n.message)).toEqual([
      containing('no skills_en.csv and occupationSkillRelations_en.csv'),
    ]);
  });

  it('records the language of the labels on the taxonomy, for the guides to be worded in', async () => {
    const dir = await copyOfFixture();
    await copyFile(join(fixtures, 'french', 'occupations-fr.csv'), join(dir, 'occupations_fr.csv'));
    expect((await openEscoRelease(dir, { language: 'fr' })).taxonomy.language).toBe('fr');
  });

  it('imports another language with labels as long as the source has them', async () => {
    const dir = await copyOfFixture();
    await copyFile(join(fixtures, 'french', 'occupations-fr.csv'), join(dir, 'occupations_fr.csv'));
    const roles = await collect(readEscoRelease(dir, { language: 'fr' }));
    expect(roles.map((r) => r.content.name.length)).toEqual([50, 303]);
    expect(roles[0]?.content.alternativeTitles).toEqual([
      'ingénieur logiciel/ingénieure logicielle',
      'programmeur/programmeuse',
    ]);
  });

  it('leaves out every row with a defect of the source, noting each, and imports the rest', async () => {
    const dir = await copyOfFixture();
    const skills = join(dir, 'skills_en.csv');
    await writeFile(
      skills,
      (await readFile(skills, 'utf8')).replace(',computer programming,', ',,'),
    );
    const occupations = join(dir, 'occupations_en.csv');
    await writeFile(
      occupations,
      (await readFile(occupations, 'utf8')).replace(',data entry clerk,', ',,'),
    );
    const opened = await openEscoRelease(dir);
    const roles = await collect(opened.roles());
    expect(roles.map((r) => r.code)).toEqual([occupation(1), occupation(2)]);
    expect(roles[0]?.content.skills.map((s) => s.name)).not.toContain('computer programming');
    expect(opened.notes.slice(0, 2)).toEqual([
      expect.objectContaining({ file: occupations, line: 8, message: containing('empty') }),
      expect.objectContaining({ file: skills, line: 2, message: containing('empty') }),
    ]);
  });

  it('refuses a label holding a bidi override as it refuses an over-long one, naming its cell', async () => {
    const dir = await copyOfFixture();
    const occupations = join(dir, 'occupations_en.csv');
    await writeFile(
      occupations,
      (await readFile(occupations, 'utf8')).replace(
        ',data entry clerk,',
        ',data\u202eentry clerk,',
      ),
    );
    await expect(openEscoRelease(dir)).rejects.toMatchObject({
      code: 'import_failed',
      details: [
        {
          file: occupations,
          line: 8,
          column: 4,
          message: containing('bidirectional control character (U+202E)'),
        },
      ],
    });
  });

  it('refuses a language code that could reach outside the folder', async () => {
    await expect(openEscoRelease(release, { language: '../en' })).rejects.toMatchObject({
      code: 'import_failed',
      details: [{ field: 'language' }],
    });
  });

  it('refuses files it cannot read, listing every problem of every file at once', async () => {
    const { dir, dispose } = await escoFixtureRelease({ fixture: 'broken-release' });
    onTestFinished(dispose);
    const file = (name: string) => join(dir, name);
    const error = await openEscoRelease(dir).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'import_failed',
      message: '4 problems in 4 files of the release; nothing was imported',
    });
    expect((error as AppError).details).toEqual([
      { file: file('occupations_en.csv'), line: 4, column: 9, message: containing('9 field(s)') },
      { file: file('skills_en.csv'), line: 1, column: 5, message: containing('"preferredLabel"') },
      {
        file: file('occupationSkillRelations_en.csv'),
        line: 3,
        column: 2,
        message: containing('not closed'),
      },
      { file: file('ISCOGroups_en.csv'), line: 3, column: 4, message: containing('3 field(s)') },
    ]);
  });

  it('leaves out an ISCO group without a label, with a note', async () => {
    const dir = await copyOfFixture();
    const file = join(dir, 'ISCOGroups_en.csv');
    await writeFile(file, (await readFile(file, 'utf8')).replace(',Software developers,', ',,'));
    const opened = await openEscoRelease(dir);
    expect(opened.iscoGroups.has('2512')).toBe(false);
    expect(opened.notes.filter((n) => n.file === file)).toEqual([
      expect.objectContaining({ line: 2, message: containing('empty') }),
    ]);
  });

  it('leaves out a relation that is neither essential nor optional, with a note', async () => {
    const dir = await copyOfFixture();
    const file = join(dir, 'occupationSkillRelations_en.csv');
    await writeFile(file, (await readFile(file, 'utf8')).replace('optional', 'maybe'));
    const opened = await openEscoRelease(dir);
    expect(opened.notes[0]).toMatchObject({ file, line: 3, message: containing('"maybe"') });
  });
});

describe('ESCO file checks', () => {
  const readAll = async (file: string) => {
    const rows = [];
    for await (const row of readTable(file, occupationColumns)) rows.push(row.values);
    return rows;
  };

  it('places a record with a quoted line break at the line where it starts', async () => {
    const lines = [];
    for await (const row of readTable(join(release, 'occupations_en.csv'), occupationColumns)) {
      lines.push(row.line);
    }
    expect(lines).toEqual([2, 6, 8]);
  });

  it('reads the file as Excel saves it, CRLF inside quoted fields too, as the LF original', async () => {
    const dir = await copyOfFixture();
    const file = join(dir, 'occupations_en.csv');
    const original = await readAll(file);
    await writeFile(file, (await readFile(file, 'utf8')).replaceAll('\n', '\r\n'));
    expect(await readAll(file)).toEqual(original);
  });

  it('finds the columns whatever the case of the header row', async () => {
    const dir = await copyOfFixture();
    const file = join(dir, 'occupations_en.csv');
    const original = await readAll(file);
    const [header, ...rest] = (await readFile(file, 'utf8')).split('\n');
    await writeFile(file, [header!.toUpperCase(), ...rest].join('\n'));
    expect(await readAll(file)).toEqual(original);
  });

  it('refuses a quote that is never closed', async () => {
    const file = join(fixtures, 'bad', 'unclosed-quote.csv');
    await expect(readAll(file)).rejects.toMatchObject({
      code: 'import_failed',
      details: [{ file, message: containing('quoted field is not closed') }],
    });
  });

  it('says when a file is tab-separated instead of comma-separated', async () => {
    const file = join(fixtures, 'bad', 'tab-separated.csv');
    await expect(readAll(file)).rejects.toMatchObject({
      details: [{ file, line: 1, message: containing('looks tab-separated') }],
    });
  });

  it('refuses a row with more fields than the header, naming the first extra one', async () => {
    const file = join(fixtures, 'bad', 'extra-field.csv');
    await expect(readAll(file)).rejects.toMatchObject({
      details: [{ file, line: 3, column: 15, message: containing('15 field(s)') }],
    });
  });
});
