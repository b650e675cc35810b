import { basename, join, resolve } from 'node:path';
import { limits, type RoleContent, type Skill, type TaxonomyInput } from '../../domain/index.js';
import {
  checkReleaseFolder,
  importFailed,
  isFile,
  listLimit,
  readTable,
  uniqueBy,
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

const versionOf = (dir: string, options: EscoOptions): string | undefined =>
  options.version ?? /\bv(\d+(?:\.\d+)+)\b/i.exec(basename(resolve(dir)))?.[1];

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
});

const escoPage = (uri: string, language: string) =>
  `https://esco.ec.europa.eu/${language.toLowerCase()}/classification/occupation?uri=${encodeURIComponent(uri)}`;

/** Reads the occupation file once to check every row and count the roles. */
const scanOccupations = async (file: string): Promise<number> => {
  const lines = new Map<string, number>();
  for await (const row of readTable(file, occupationColumns)) {
    const uri = conceptUri(row, 'uri');
    required(row, 'label');
    labelsOf(row, 'altLabels');
    const first = lines.get(uri);
    if (first !== undefined) {
      throw row.fail('uri', `occupation ${uri} is listed twice (first on line ${first})`);
    }
    lines.set(uri, row.line);
  }
  return lines.size;
};

const readSkills = async (file: string): Promise<Map<string, string>> => {
  const skills = new Map<string, string>();
  for await (const row of readTable(file, skillColumns)) {
    const uri = conceptUri(row, 'uri');
    if (skills.has(uri)) throw row.fail('uri', `skill ${uri} is listed twice`);
    skills.set(uri, required(row, 'label'));
  }
  return skills;
};

/** Groups the relations by occupation; each holds the skill's name, shared with the skill map. */
const readRelations = async (
  file: string,
  skills: ReadonlyMap<string, string>,
  notes: ImportNote[],
): Promise<Map<string, SkillLink[]>> => {
  const byOccupation = new Map<string, SkillLink[]>();
  const unknownSkills = new Set<string>();
  for await (const row of readTable(file, relationColumns)) {
    const occupation = conceptUri(row, 'occupation');
    const skillUri = conceptUri(row, 'skill');
    const relation = row.values.relation;
    if (relation !== 'essential' && relation !== 'optional') {
      throw row.fail('relation', `must be essential or optional, not "${relation}"`);
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

const readIscoGroups = async (file: string): Promise<Map<string, IscoGroup>> => {
  const groups = new Map<string, IscoGroup>();
  if (!(await isFile(file))) return groups;
  for await (const row of readTable(file, iscoGroupColumns)) {
    const code = required(row, 'code');
    const { description } = row.values;
    groups.set(code, {
      code,
      label: required(row, 'label'),
      ...(description ? { description } : {}),
    });
  }
  return groups;
};

/** Essential skills first, then optional ones; a skill related both ways counts as essential. */
/**
 * ESCO's hidden labels (misspellings, dated and informal names) as titles matched but not
 * shown; a label too long to be a title is left out rather than failing the import.
 */
const hiddenTitlesOf = (field: string | undefined, name: string): { hiddenTitles?: string[] } => {
  const titles = [
    ...new Set(
      (field ?? '')
        .split(/\r?\n/)
        .map((label) => label.trim())
        .filter((l) => l && l.length <= limits.title && l.toLowerCase() !== name.toLowerCase()),
    ),
  ].slice(0, limits.alternativeTitles);
  return titles.length > 0 ? { hiddenTitles: titles } : {};
};

const skillsOf = (links: readonly SkillLink[]): Skill[] =>
  uniqueBy(
    [...links.filter((l) => l.essential), ...links.filter((l) => !l.essential)],
    (l) => l.name,
  ).map((l) => ({ name: l.name, importance: l.essential ? 'essential' : 'optional' }));

interface Plan {
  files: { occupations: string; relations: string };
  language: string;
  relations: ReadonlyMap<string, SkillLink[]>;
  iscoGroups: ReadonlyMap<string, IscoGroup>;
}

async function* readRoles(plan: Plan, notes: ImportNote[]): AsyncGenerator<ImportedRole> {
  const file = plan.files.occupations;
  const unclaimed = new Set(plan.relations.keys());
  for await (const row of readTable(file, occupationColumns)) {
    const code = conceptUri(row, 'uri');
    const name = required(row, 'label');
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
      responsibilities: [],
      benefits: [],
      signs: [],
      terms: [],
      skills: cut(skillsOf(plan.relations.get(code) ?? []), 'skills'),
      technologies: [],
      relatedRoles: [],
      links: [{ title: 'This occupation in the ESCO portal', url: escoPage(code, plan.language) }],
      crosswalk: isco ? [{ taxonomy: ISCO_TAXONOMY, code: isco }] : [],
      status: 'published',
    };
    yield { taxonomy: 'esco', code, content };
  }
  for (const code of unclaimed) {
    notes.push({
      file: plan.files.relations,
      code,
      message: `relations for ${code}, not an occupation of this release, were skipped`,
    });
  }
}

/**
 * Opens an ESCO CSV download (`occupations_<lang>.csv`, `skills_<lang>.csv`,
 * `occupationSkillRelations[_<lang>].csv` and, if present, `ISCOGroups_<lang>.csv`). Opening
 * checks every file and holds the skills by URI and the relations grouped by occupation (a
 * few tens of megabytes for the full classification); `roles()` then streams the occupations.
 * Any bad input fails with `import_failed` naming file, line and column.
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
  await checkReleaseFolder(dir, [names.occupations, names.skills, names.relations], 'ESCO');
  const relationsName = (await isFile(join(dir, names.relations[0])))
    ? names.relations[0]
    : names.relations[1];
  const files = { occupations: join(dir, names.occupations), relations: join(dir, relationsName) };
  const total = await scanOccupations(files.occupations);
  const openNotes: ImportNote[] = [];
  const skills = await readSkills(join(dir, names.skills));
  const relations = await readRelations(files.relations, skills, openNotes);
  const iscoGroups = await readIscoGroups(join(dir, names.iscoGroups));
  const plan: Plan = { files, language, relations, iscoGroups };
  const notes: ImportNote[] = [...openNotes];
  return {
    taxonomy: escoTaxonomy(versionOf(dir, options), language),
    total,
    notes,
    iscoGroups,
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
