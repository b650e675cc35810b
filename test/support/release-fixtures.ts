import { beforeAll } from 'vitest';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { escoReleaseFiles } from '../../src/importers/esco/index.js';
import { ONET_RELEASE_FILES as onet } from '../../src/importers/onet/index.js';

const fixtures = join(import.meta.dirname, '../fixtures');

/** A release laid out in a temporary folder of its own, which the test may change freely. */
export interface FixtureRelease {
  /** The release folder, its files under the names the importer reads. */
  dir: string;
  /** Removes the folder and everything in it. */
  dispose: () => Promise<void>;
}

/** Each fixture file, and the name the importer reads it under. */
type Layout = readonly (readonly [fixture: string, release: string])[];

// The fixtures carry names of their own so that no file of the repository is named like a
// published O*NET or ESCO data file; only the temporary copies take the published names.
const onetLayout: Layout = [
  ['read-me.txt', onet.readMe],
  ['occupations.tsv', onet.occupations],
  ['alternate-titles.tsv', onet.alternateTitles],
  ['task-statements.tsv', onet.tasks],
  ['technology-skills.tsv', onet.technologies],
  ['related-occupations.tsv', onet.related],
];

const esco = escoReleaseFiles('en');
const escoLayout: Layout = [
  ['occupations.csv', esco.occupations],
  ['skills.csv', esco.skills],
  ['occupation-skill-relations.csv', esco.relations[0]],
  ['isco-groups.csv', esco.iscoGroups],
];

const layOut = async (
  source: string,
  layout: Layout,
  folder: string | undefined,
): Promise<FixtureRelease> => {
  const named = new Set(layout.map(([fixture]) => fixture));
  const unnamed = (await readdir(source)).filter((file) => !named.has(file));
  if (unnamed.length > 0) throw new Error(`${source}: no release name for ${unnamed.join(', ')}`);
  const parent = await mkdtemp(join(tmpdir(), 'rolebook-release-'));
  const dir = folder === undefined ? parent : join(parent, folder);
  await mkdir(dir, { recursive: true });
  const present = new Set(await readdir(source));
  for (const [fixture, release] of layout) {
    if (present.has(fixture)) await copyFile(join(source, fixture), join(dir, release));
  }
  return { dir, dispose: () => rm(parent, { recursive: true, force: true }) };
};

/**
 * The fixture releases of each source: `release` reads cleanly; `broken-release` has problems
 * in several files and lines, for the reports that must list every one of them.
 */
type FixtureName = 'release' | 'broken-release';

/**
 * The small O*NET fixture release, copied into a fresh temporary folder under O*NET's names.
 * @example
 * const release = await onetFixtureRelease();
 * await importOnetRelease(ctx, actor, release.dir);
 * await release.dispose();
 */
export const onetFixtureRelease = (fixture: FixtureName = 'release'): Promise<FixtureRelease> =>
  layOut(join(fixtures, 'onet', fixture), onetLayout, undefined);

/**
 * The small ESCO fixture download (English labels), copied into a fresh temporary folder under
 * ESCO's names; `folder` names the release folder itself, as a download's name gives its version.
 * @example const { dir } = await escoFixtureRelease({ folder: 'ESCO dataset - v1.2.0 - en' });
 */
export const escoFixtureRelease = (
  options: { folder?: string; fixture?: FixtureName } = {},
): Promise<FixtureRelease> =>
  layOut(join(fixtures, 'esco', options.fixture ?? 'release'), escoLayout, options.folder);

/**
 * Both fixture releases for the tests of one file that only read them: laid out before its
 * first test and removed after its last. The folders are on the returned object once tests run.
 * @example const releases = sharedFixtureReleases(); it('…', () => importFrom(releases.onet));
 */
export const sharedFixtureReleases = (): { onet: string; esco: string } => {
  const dirs = { onet: '', esco: '' };
  beforeAll(async () => {
    const [onet, esco] = await Promise.all([onetFixtureRelease(), escoFixtureRelease()]);
    dirs.onet = onet.dir;
    dirs.esco = esco.dir;
    return async () => {
      await Promise.all([onet.dispose(), esco.dispose()]);
    };
  });
  return dirs;
};
