import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { isAppError, type Technology } from '../../domain/index.js';
import {
  importFailed,
  isFile,
  locateRelease,
  readTable,
  releaseProblems,
  type ColumnSpecs,
  type ProblemSink,
  type KeptField,
  type ImportedRole,
  type ImportNote,
  type RoleRelease,
} from '../release/index.js';
import { assembleOccupation } from './occupation.assembler.js';
import {
  alternateTitleTable,
  occupationTable,
  relatedTable,
  taskTable,
  technologyTable,
  toolsAndTechnologyTable,
  type Coded,
  type OnetTable,
} from './onet-tables.js';
import { onetTaxonomy, readMeInfo, type OnetReleaseInfo } from './onet-taxonomy.js';
import { groupedRows, sortedRows, type Located, type RowsByCode } from './rows-by-code.js';

const READ_ME = 'Read Me.txt';
const READ_ME_BYTES = 8_192;

/**
 * The files of an O*NET release that the importer reads, under the names O*NET publishes them.
 * @example join(dir, ONET_RELEASE_FILES.occupations) // …/Occupation Data.txt
 */
export const ONET_RELEASE_FILES = {
  readMe: READ_ME,
  occupations: occupationTable.file,
  alternateTitles: alternateTitleTable.file,
  tasks: taskTable.file,
  technologies: technologyTable.file,
  related: relatedTable.file,
} as const;

const rethrow: ProblemSink = (problem) => {
  throw problem;
};

/** The rows of a file that read; each problem goes to `onProblem` and its row is skipped. */
async function* itemsOf<C extends ColumnSpecs, T>(
  dir: string,
  table: OnetTable<C, T>,
  onProblem: ProblemSink = rethrow,
): AsyncGenerator<T & Located> {
  for await (const row of readTable(join(dir, table.file), table.spec, onProblem)) {
    let item: T;
    try {
      item = table.item(row);
    } catch (error) {
      if (!isAppError(error)) throw error;
      onProblem(error);
      continue;
    }
    yield { ...item, line: row.line } as T & Located;
  }
}

/** The Read Me only names the version; a release without one still imports. */
const readReleaseInfo = async (dir: string): Promise<OnetReleaseInfo> => {
  const path = join(dir, READ_ME);
  if (!(await isFile(path))) return {};
  const handle = await open(path);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(READ_ME_BYTES), 0, READ_ME_BYTES);
    return readMeInfo(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
};

const scanOccupations = async (
  dir: string,
  onProblem: ProblemSink,
): Promise<{ codes: ReadonlySet<string>; sorted: boolean }> => {
  const lines = new Map<string, number>();
  let previous = '';
  let sorted = true;
  for await (const row of itemsOf(dir, occupationTable, onProblem)) {
    const first = lines.get(row.code);
    if (first !== undefined) {
      onProblem(
        importFailed(
          { file: join(dir, occupationTable.file), line: row.line, column: 1 },
          `occupation ${row.code} is listed twice (first on line ${first})`,
        ),
      );
      continue;
    }
    lines.set(row.code, row.line);
    if (row.code < previous) sorted = false;
    previous = row.code;
  }
  return { codes: new Set(lines.keys()), sorted };
};

/** Checks every row of a part file; whether its codes ascend decides how it is joined. */
const scanPart = async <C extends ColumnSpecs, T>(
  dir: string,
  table: OnetTable<C, T>,
  onProblem: ProblemSink,
): Promise<boolean> => {
  let previous = '';
  let sorted = true;
  for await (const row of itemsOf(dir, table, onProblem)) {
    if (row.code < previous) sorted = false;
    previous = row.code;
  }
  return sorted;
};

type TechnologyTable = OnetTable<ColumnSpecs, Coded & { technology?: Technology }>;

/** Technology Skills, or in a release older than 23.2 without it, Tools and Technology. */
const technologyTableIn = async (dir: string): Promise<TechnologyTable> =>
  !(await isFile(join(dir, technologyTable.file))) &&
  (await isFile(join(dir, toolsAndTechnologyTable.file)))
    ? toolsAndTechnologyTable
    : technologyTable;

/** Which file each list of a role comes from, to say where a note belongs. */
const fileOfField = (technologies: TechnologyTable): Record<string, string> => ({
  alternativeTitles: alternateTitleTable.file,
  responsibilities: taskTable.file,
  technologies: technologies.file,
  relatedRoles: relatedTable.file,
});

const partFiles = (technologies: TechnologyTable): readonly OnetTable<ColumnSpecs, Coded>[] => [
  alternateTitleTable,
  taskTable,
  technologies,
  relatedTable,
];

type Way = 'absent' | 'sorted' | 'grouped';

interface Plan {
  dir: string;
  technologies: TechnologyTable;
  codes: ReadonlySet<string>;
  /** Per part file: absent, or read by merge-join (sorted) or grouped in memory. */
  ways: ReadonlyMap<string, Way>;
}

const noRows: RowsByCode<never> = {
  take: () => Promise.resolve([]),
  close: () => Promise.resolve(),
};

const rowsOf = async <C extends ColumnSpecs, T>(
  plan: Plan,
  table: OnetTable<C, T>,
  notes: ImportNote[],
): Promise<RowsByCode<T & Located>> => {
  const way = plan.ways.get(table.file) ?? 'absent';
  if (way === 'absent') return noRows;
  const file = join(plan.dir, table.file);
  const unclaimed = (code: string) =>
    notes.push({
      file,
      code,
      message: `rows for ${code}, not an occupation of this release, were skipped`,
    });
  return way === 'sorted'
    ? sortedRows(itemsOf(plan.dir, table), file, unclaimed)
    : groupedRows(itemsOf(plan.dir, table), unclaimed);
};

async function* readRoles(plan: Plan, notes: ImportNote[]): AsyncGenerator<ImportedRole> {
  const titles = await rowsOf(plan, alternateTitleTable, notes);
  const tasks = await rowsOf(plan, taskTable, notes);
  const technologies = await rowsOf(plan, plan.technologies, notes);
  const fileOf = fileOfField(plan.technologies);
  const related = await rowsOf(plan, relatedTable, notes);
  let finished = false;
  try {
    for await (const occupation of itemsOf(plan.dir, occupationTable)) {
      const { code } = occupation;
      const content = assembleOccupation(
        {
          ...occupation,
          alternateTitles: (await titles.take(code)).flatMap((r) => r.titles),
          tasks: (await tasks.take(code)).map((r) => r.task),
          technologies: (await technologies.take(code)).flatMap((r) =>
            r.technology ? [r.technology] : [],
          ),
          related: (await related.take(code)).map((r) => r.related),
        },
        plan.codes,
        (field, message) =>
          notes.push({
            file: join(plan.dir, fileOf[field] ?? occupationTable.file),
            code,
            message,
          }),
      );
      yield { taxonomy: 'onet', code, content };
    }
    finished = true;
  } finally {
    for (const part of [titles, tasks, technologies, related]) await part.close(finished);
  }
}

export interface OnetOptions {
  /** The database version, e.g. `29.1`, for a release whose Read Me does not say it. */
  version?: string;
}

const layout = {
  source: 'O*NET',
  marker: occupationTable.file,
  edition:
    'the importer reads the text edition (db_<version>_text.zip of https://www.onetcenter.org/database.html), unpacked',
};

/**
 * Opens an O*NET database release (the tab-separated text files as published, or re-saved by a
 * spreadsheet with quoted fields), given its folder or the folder it was unpacked into. Only
 * `Occupation Data.txt` is required: a release without one of the other files (older ones lack
 * Alternate Titles or Technology Skills) says so in a note and in `kept`, so stored roles keep
 * that part; one before 23.2 gives its technologies in Tools and Technology, read in its place. Columns are found by their headers, so older and newer releases read. Opening checks
 * every row of every file and refuses the release with `import_failed` listing all the problems
 * it found, each with its file, line and column. Roles are assembled by a merge-join over the files, which O*NET sorts by
 * O*NET-SOC code, so memory does not grow with the release; a file found out of order is grouped
 * in memory instead.
 * @example
 * const release = await openOnetRelease('../shared/data/onet');
 * for await (const role of release.roles()) console.log(role.code, role.content.name);
 */
export const openOnetRelease = async (
  given: string,
  options: OnetOptions = {},
): Promise<RoleRelease> => {
  const located = await locateRelease(given, layout);
  const dir = located.dir;
  const openNotes: ImportNote[] = [];
  if (located.nestedIn) {
    openNotes.push({ file: dir, message: `read the release found in ${located.nestedIn}` });
  }
  const info = await readReleaseInfo(dir);
  if (options.version) info.version = options.version;
  else if (!info.version) {
    openNotes.push({
      file: join(dir, READ_ME),
      message:
        'the release does not say its version (no Read Me naming it); give it with --source-version',
    });
  }
  const problems = releaseProblems();
  const occupations = await scanOccupations(dir, problems.add);
  const ways = new Map<string, Way>();
  const kept: KeptField[] = [];
  const technologies = await technologyTableIn(dir);
  for (const table of partFiles(technologies)) {
    if (!(await isFile(join(dir, table.file)))) {
      ways.set(table.file, 'absent');
      if (table.part) kept.push(table.part);
      openNotes.push({
        file: join(dir, table.file),
        message: `the release has no ${table.file}: ${table.part ?? 'that part'} of roles already stored are kept as they are`,
      });
      continue;
    }
    const sorted = await scanPart(dir, table, problems.add);
    ways.set(table.file, occupations.sorted && sorted ? 'sorted' : 'grouped');
  }
  problems.throwIfAny();
  const plan: Plan = { dir, technologies, codes: occupations.codes, ways };
  const notes: ImportNote[] = [...openNotes];
  return {
    taxonomy: onetTaxonomy(info),
    total: occupations.codes.size,
    notes,
    ...(kept.length > 0 ? { kept } : {}),
    roles: () => {
      notes.splice(openNotes.length);
      return readRoles(plan, notes);
    },
  };
};

/**
 * The roles of an O*NET release as one stream; `openOnetRelease` also gives the taxonomy, the
 * count and the notes.
 * @example for await (const role of readOnetRelease(dir)) await save(role);
 */
export async function* readOnetRelease(
  dir: string,
  options: OnetOptions = {},
): AsyncGenerator<ImportedRole> {
  const release = await openOnetRelease(dir, options);
  yield* release.roles();
}
