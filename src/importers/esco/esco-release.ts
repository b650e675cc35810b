import { readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import {
  isAppError,
  limits,
  type RoleContent,
  type Skill,
  type TaxonomyInput,
} from '../../domain/index.js';
import {
  importFailed,
  isFile,
  locateRelease,
  listLimit,
  readTable,
  releaseProblems,
  uniqueBy,
  type ProblemSink,
  type ImportedRole,
  type ImportNote,
  type RoleRelease,
} from '../release/index.js';
import {
  conceptUri,
  iscoGroupColumns,
  labelsOf,
  occupationColumns,
  relationColumns,
  required,
  skillColumns,
  title,
} from './esco-tables.js';

export interface EscoOptions {
  /** Language of the labels, as in the file names (`occupations_en.csv`). Default `en`. */
  language?: string;
  /** ESCO version, e.g. `1.2.0`; read from a folder name like `ESCO dataset - v1.2.0 - …` if absent. */
  version?: string;
}

/** An ISCO-08 group, as the ESCO download lists them. */
export interface IscoGroup {
  code: string;
  label: string;
  description?: string;
}

export interface EscoRelease extends RoleRelease {
  /** The ISCO-08 groups of `ISCOGroups_<lang>.csv` by code; empty when the file is absent. */
  iscoGroups: ReadonlyMap<string, IscoGroup>;
}

/** The taxonomy that roles' `crosswalk` entries name for their ISCO-08 unit group. */
const ISCO_TAXONOMY = 'isco';

interface SkillLink {
  name: string;
  essential: boolean;
}

const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]+)?$/i;

/**
 * The files of an ESCO CSV download in one language, under the names ESCO publishes them; the
 * relations come with or without the language suffix.
 * @example escoReleaseFiles('de').occupations // 'occupations_de.csv'
 */
export const escoReleaseFiles = (language: string) => ({
  occupations: `occupations_${language}.csv`,
  skills: `skills_${language}.csv`,
  relations: [`occupationSkillRelations_${language}.csv`, 'occupationSkillRelations.csv'] as const,
  iscoGroups: `ISCOGroups_${language}.csv`,
});

const versionInName = (dir: string): string | undefined =>
  /\bv(\d+(?:\.\d+)+)\b/i.exec(basename(resolve(dir)))?.[1];

/**
 * The release's version: the one given, or the one in the name of the download's folder, which
 * may sit inside the folder given (a download unpacked into a folder of its own).
 */
const versionOf = (given: string, located: string, options: EscoOptions): string | undefined =>
  options.version ?? versionInName(located) ?? versionInName(given);

/**
 * The `esco` taxonomy, with the acknowledgement the European Commission asks of those who
 * reuse ESCO.
 * @example escoTaxonomy('1.2.0', 'en').version // '1.2.0'
 */
const escoTaxonomy = (version: string | undefined, language: string): TaxonomyInput => ({
  id: 'esco',
  name: 'ESCO',
  description:
    'European Skills, Competences, Qualifications and Occupations: occupations with their essential and optional skills.',
  ...(version ? { version } : {}),
  url: 'https://esco.ec.europa.eu/',
  license: 'European Commission reuse policy (Decision 2011/833/EU)',
  attribution:
    `Uses the ESCO classification${version ? ` (version ${version})` : ''} of the European ` +
    `Commission, labels in language "${language}", reused under the Commission's reuse policy ` +
    '(Decision 2011/833/EU). Rolebook has reformatted it; the European Commission does not ' +
    'endorse Rolebook.',
  // ESCO labels name one member of an occupation ("software developer").
  roleNameNumber: 'singular',
  language: language.toLowerCase(),
});

/** The title of the link to an occupation's ESCO page, in the languages guides are worded in. */
const portalLinkTitles: Readonly<Record<string, string>> = {
  en: 'This occupation in the ESCO portal',
  de: 'Dieser Beruf im ESCO-Portal',
  es: 'Esta ocupación en el portal de ESCO',
  fr: 'Ce métier sur le portail ESCO',
  it: 'Questa professione nel portale ESCO',
  pt: 'Esta profissão no portal ESCO',
};

const portalLinkTitle = (language: string): string =>
  portalLinkTitles[language.toLowerCase().split('-')[0]!] ?? portalLinkTitles.en!;

const escoPage = (uri: string, language: string) =>
  `https://esco.ec.europa.eu/${language.toLowerCase()}/classification/occupation?uri=${encodeURIComponent(uri)}`;

/**
 * Why a row of the release is left out, or undefined for a row that reads: defects that are
 * facts of the release (an empty label, a label past the limit, a malformed URI), as opposed to
 * a file that cannot be read at all, which refuses the import.
 */
const rowDefect = (read: () => unknown): string | undefined => {
  try {
    read();
    return undefined;
  } catch (error) {
    if (isAppError(error)) return error.details[0]?.message ?? error.message;
    throw error;
  }
};

const leftOut = (file: string, line: number, code: string | undefined, problem: string) => ({
  file,
  line,
  ...(code ? { code } : {}),
  message: `${problem}; the row was left out`,
});

/** Reads the occupation file once to check every row, count the roles and note its defects. */
const scanOccupations = async (
  file: string,
  notes: ImportNote[],
  onProblem: ProblemSink,
): Promise<Set<string>> => {
  const lines = new Map<string, number>();
  const usable = new Set<string>();
  for await (const row of readTable(file, occupationColumns, onProblem)) {
    let uri: string | undefined;
    const problem = rowDefect(() => {
      uri = conceptUri(row, 'uri');
      title(row, 'label');
      labelsOf(row, 'altLabels');
    });
    const first = uri === undefined ? undefined : lines.get(uri);
    if (problem) notes.push(leftOut(file, row.line, uri, problem));
    else if (first !== undefined) {
      notes.push(
        leftOut(file, row.line, uri, `occupation ${uri} is listed twice (first on line ${first})`),
      );
    } else {
      lines.set(uri!, row.line);
      usable.add(`${row.line}`);
    }
  }
  return usable;
};

const readSkills = async (
  file: string,
  notes: ImportNote[],
  onProblem: ProblemSink,
): Promise<Map<string, string>> => {
  const skills = new Map<string, string>();
  for await (const row of readTable(file, skillColumns, onProblem)) {
    let uri: string | undefined;
    let label = '';
    const problem = rowDefect(() => {
      uri = conceptUri(row, 'uri');
      label = title(row, 'label');
    });
    if (problem) notes.push(leftOut(file, row.line, uri, problem));
    else if (skills.has(uri!))
      notes.push(leftOut(file, row.line, uri, `skill ${uri} is listed twice`));
    else skills.set(uri!, label);
  }
  return skills;
};

/** Groups the relations by occupation; each holds the skill's name, shared with the skill map. */
const readRelations = async (
  file: string,
  skills: ReadonlyMap<string, string>,
  notes: ImportNote[],
  onProblem: ProblemSink,
): Promise<Map<string, SkillLink[]>> => {
  const byOccupation = new Map<string, SkillLink[]>();
  const unknownSkills = new Set<string>();
  for await (const row of readTable(file, relationColumns, onProblem)) {
    let occupation = '';
    let skillUri = '';
    const relation = row.values.relation;
    const problem = rowDefect(() => {
      occupation = conceptUri(row, 'occupation');
      skillUri = conceptUri(row, 'skill');
      if (relation !== 'essential' && relation !== 'optional') {
        throw row.fail('relation', `must be essential or optional, not "${relation}"`);
      }
    });
    if (problem) {
      notes.push(leftOut(file, row.line, occupation || undefined, problem));
      continue;
    }
    const name = skills.get(skillUri);
    if (name === undefined) {
      if (!unknownSkills.has(skillUri)) {
        notes.push({
          file,
          line: row.line,
          code: occupation,
          message: `skill ${skillUri} is not in the skills file; left out`,
        });
      }
      unknownSkills.add(skillUri);
      continue;
    }
    const links = byOccupation.get(occupation);
    const link = { name, essential: relation === 'essential' };
    if (links) links.push(link);
    else byOccupation.set(occupation, [link]);
  }
  return byOccupation;
};

const readIscoGroups = async (
  file: string,
  notes: ImportNote[],
  onProblem: ProblemSink,
): Promise<Map<string, IscoGroup>> => {
  const groups = new Map<string, IscoGroup>();
  if (!(await isFile(file))) return groups;
  for await (const row of readTable(file, iscoGroupColumns, onProblem)) {
    let code = '';
    let label = '';
    const problem = rowDefect(() => {
      code = required(row, 'code');
      label = required(row, 'label');
    });
    if (problem) {
      notes.push(leftOut(file, row.line, undefined, problem));
      continue;
    }
    const { description } = row.values;
    groups.set(code, { code, label, ...(description ? { description } : {}) });
  }
  return groups;
};

/**
 * ESCO's hidden labels (misspellings, dated and informal names) as titles matched but not
 * shown; a label too long to be a title is left out rather than failing the import.
 */
const hiddenTitlesOf = (field: string | undefined, name: string): { hiddenTitles?: string[] } => {
  const titles = uniqueBy(
    (field ?? '')
      .split(/\r?\n/)
      .map((label) => label.trim())
      .filter((l) => l && l.length <= limits.title && l.toLowerCase() !== name.toLowerCase()),
    (l) => l,
  ).slice(0, limits.alternativeTitles);
  return titles.length > 0 ? { hiddenTitles: titles } : {};
};

/** Essential skills first, then optional ones; a skill related both ways counts as essential. */
const skillsOf = (links: readonly SkillLink[]): Skill[] =>
  uniqueBy(
    [...links.filter((l) => l.essential), ...links.filter((l) => !l.essential)],
    (l) => l.name,
  ).map((l) => ({ name: l.name, importance: l.essential ? 'essential' : 'optional' }));

interface Plan {
  files: { occupations: string; relations?: string };
  /** The lines of the occupations that read, each URI once. */
  usable: ReadonlySet<string>;
  language: string;
  relations: ReadonlyMap<string, SkillLink[]>;
  iscoGroups: ReadonlyMap<string, IscoGroup>;
}

async function* readRoles(plan: Plan, notes: ImportNote[]): AsyncGenerator<ImportedRole> {
  const file = plan.files.occupations;
  const unclaimed = new Set(plan.relations.keys());
  for await (const row of readTable(file, occupationColumns)) {
    if (!plan.usable.has(`${row.line}`)) continue;
    const code = conceptUri(row, 'uri');
    const name = title(row, 'label');
    unclaimed.delete(code);
    const cut = <T>(items: T[], field: Parameters<typeof listLimit>[0]): T[] => {
      const limit = listLimit(field);
      if (items.length <= limit) return items;
      notes.push({
        file,
        line: row.line,
        code,
        message: `${field}: kept the first ${limit} of ${items.length}`,
      });
      return items.slice(0, limit);
    };
    const isco = row.values.iscoGroup;
    if (isco && plan.iscoGroups.size > 0 && !plan.iscoGroups.has(isco)) {
      notes.push({
        file,
        line: row.line,
        code,
        message: `ISCO group ${isco} is not in the ISCO groups file`,
      });
    }
    const content: RoleContent = {
      name,
      summary: row.values.description || row.values.definition || '',
      alternativeTitles: cut(
        uniqueBy(
          labelsOf(row, 'altLabels').filter((l) => l.toLowerCase() !== name.toLowerCase()),
          (l) => l,
        ),
        'alternativeTitles',
      ),
      ...hiddenTitlesOf(row.values.hiddenLabels, name),
      ...(row.values.code ? { occupationCode: row.values.code } : {}),
      responsibilities: [],
      benefits: [],
      signs: [],
      terms: [],
      skills: cut(skillsOf(plan.relations.get(code) ?? []), 'skills'),
      technologies: [],
      relatedRoles: [],
      links: [{ title: portalLinkTitle(plan.language), url: escoPage(code, plan.language) }],
      crosswalk: isco ? [{ taxonomy: ISCO_TAXONOMY, code: isco }] : [],
      status: 'published',
    };
    yield { taxonomy: 'esco', code, content };
  }
  for (const code of unclaimed) {
    notes.push({
      file: plan.files.relations ?? file,
      code,
      message: `relations for ${code}, not an occupation of this release, were skipped`,
    });
  }
}

/** The languages a folder holds occupations in, from its `occupations_<lang>.csv` files. */
const languagesIn = async (dir: string): Promise<string[]> =>
  (await readdir(dir).catch(() => []))
    .map((name) => /^occupations_(.+)\.csv$/i.exec(name)?.[1])
    .filter((language): language is string => language !== undefined)
    .sort();

/**
 * Finds the download's folder (perhaps one level down); a folder with occupations in other
 * languages only is refused naming them.
 */
const locateDownload = async (dir: string, language: string): Promise<string> => {
  const marker = escoReleaseFiles(language).occupations;
  const languages = await languagesIn(dir);
  if (languages.length > 0 && !languages.includes(language)) {
    throw importFailed(
      { file: join(dir, marker) },
      `there are no occupations in "${language}" here; the folder holds ${languages.join(', ')}: use --language ${languages[0]}`,
    );
  }
  const located = await locateRelease(dir, {
    source: 'ESCO',
    marker,
    edition:
      'the importer reads the CSV download of https://esco.ec.europa.eu/en/use-esco/download',
  });
  return located.dir;
};

/** The skills and their relations, when the download has both; a note says what is left as stored. */
const readSkillLinks = async (
  dir: string,
  names: ReturnType<typeof escoReleaseFiles>,
  notes: ImportNote[],
  onProblem: ProblemSink,
): Promise<{ relations: Map<string, SkillLink[]>; file?: string }> => {
  const skillsFile = join(dir, names.skills);
  const relationsName = await findFirstFile(dir, names.relations);
  const hasSkills = await isFile(skillsFile);
  if (!hasSkills || !relationsName) {
    const missing = [
      hasSkills ? undefined : names.skills,
      relationsName ? undefined : names.relations[0],
    ]
      .filter(Boolean)
      .join(' and ');
    notes.push({
      file: dir,
      message: `no ${missing}: occupations are imported without new skills, and the skills already stored are kept`,
    });
    return { relations: new Map() };
  }
  const file = join(dir, relationsName);
  const skills = await readSkills(skillsFile, notes, onProblem);
  return { relations: await readRelations(file, skills, notes, onProblem), file };
};

const findFirstFile = async (
  dir: string,
  names: readonly string[],
): Promise<string | undefined> => {
  for (const name of names) if (await isFile(join(dir, name))) return name;
  return undefined;
};

/**
 * Opens an ESCO CSV download: `occupations_<lang>.csv` and, when present, `skills_<lang>.csv`
 * with `occupationSkillRelations[_<lang>].csv` (without them the occupations come without new
 * skills, and stored skills are kept) and `ISCOGroups_<lang>.csv`. Opening checks every file and
 * holds the skills by URI and the relations grouped by occupation (a few tens of megabytes for
 * the full classification); `roles()` then streams the occupations. A row with a defect that is
 * a fact of the release (an empty label, a malformed URI) is left out with a note, every one of
 * them at once; a file that cannot be read (a broken header, a quote never closed, a record with
 * the wrong number of fields) refuses the release with `import_failed`, listing every such
 * problem of every file with its file, line and column.
 * @example
 * const release = await openEscoRelease('./esco-v1.2.0', { language: 'en' });
 * for await (const role of release.roles()) console.log(role.content.skills.length);
 */
export const openEscoRelease = async (
  dir: string,
  options: EscoOptions = {},
): Promise<EscoRelease> => {
  const language = options.language ?? 'en';
  if (!LANGUAGE.test(language)) {
    throw importFailed({ field: 'language' }, `"${language}" is not a language code like en or pt`);
  }
  const names = escoReleaseFiles(language);
  const located = await locateDownload(dir, language);
  const occupations = join(located, names.occupations);
  const openNotes: ImportNote[] = [];
  const problems = releaseProblems();
  const usable = await scanOccupations(occupations, openNotes, problems.add);
  const links = await readSkillLinks(located, names, openNotes, problems.add);
  const iscoGroups = await readIscoGroups(join(located, names.iscoGroups), openNotes, problems.add);
  problems.throwIfAny();
  const plan: Plan = {
    files: { occupations, ...(links.file ? { relations: links.file } : {}) },
    usable,
    language,
    relations: links.relations,
    iscoGroups,
  };
  const notes: ImportNote[] = [...openNotes];
  return {
    taxonomy: escoTaxonomy(versionOf(dir, located, options), language),
    total: usable.size,
    notes,
    iscoGroups,
    ...(links.file ? {} : { kept: ['skills'] as const }),
    roles: () => {
      notes.splice(openNotes.length);
      return readRoles(plan, notes);
    },
  };
};

/**
 * The roles of an ESCO download as one stream; `openEscoRelease` also gives the taxonomy, the
 * count, the ISCO groups and the notes.
 * @example for await (const role of readEscoRelease(dir, { language: 'de' })) await save(role);
 */
export async function* readEscoRelease(
  dir: string,
  options: EscoOptions = {},
): AsyncGenerator<ImportedRole> {
  const release = await openEscoRelease(dir, options);
  yield* release.roles();
}
