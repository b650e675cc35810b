/**
 * Writes a synthetic ESCO CSV download of full size, in the published layout, for import
 * benchmarks: occupations_en.csv, skills_en.csv, occupationSkillRelations_en.csv and
 * ISCOGroups_en.csv. The text is random words; only the shape and the sizes are ESCO's.
 *
 *   npx tsx bench/import/generate-esco.ts [DIR] [--occupations N] [--skills N] [--relations N]
 *
 * DIR defaults to $TMPDIR/rolebook-esco. The same sizes always give the same files.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export interface EscoSizes {
  occupations: number;
  skills: number;
  relations: number;
}

export const fullSize: EscoSizes = { occupations: 3_000, skills: 14_000, relations: 130_000 };

/** Small, fast, seeded: the same files on every run. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

const syllables = ['ka', 'lo', 'mer', 'tin', 'sa', 'vo', 'ric', 'den', 'pa', 'lu', 'nor', 'es'];

const csvField = (value: string) =>
  /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
const csvLine = (fields: string[]) => fields.map(csvField).join(',') + '\n';

const uuid = (kind: number, n: number) =>
  `${n.toString(16).padStart(8, '0')}-0000-4000-${(0x8000 + kind).toString(16)}-000000000000`;

class Writer {
  private readonly out;
  constructor(file: string) {
    this.out = createWriteStream(file);
  }
  async line(fields: string[]) {
    if (!this.out.write(csvLine(fields))) await once(this.out, 'drain');
  }
  async close() {
    this.out.end();
    await once(this.out, 'finish');
  }
}

/**
 * Writes the four files into `dir`.
 * @example await generateEsco('/tmp/esco', fullSize);
 */
export const generateEsco = async (dir: string, sizes: EscoSizes): Promise<void> => {
  await mkdir(dir, { recursive: true });
  const next = random(sizes.occupations * 31 + sizes.skills * 7 + sizes.relations);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const word = () =>
    Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(syllables)).join('');
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const sentence = (n: number) => {
    const text = words(n);
    return `${text[0]!.toUpperCase()}${text.slice(1)}, ${words(4)}.`;
  };
  const labels = (max: number) =>
    Array.from({ length: Math.floor(next() * (max + 1)) }, () =>
      words(2 + Math.floor(next() * 2)),
    ).join('\n');
  const when = '2023-11-20T10:21:34.123Z';

  const groups = Array.from({ length: 436 }, (_, i) => String(1000 + Math.floor((i * 8999) / 436)));
  const iscoFile = new Writer(join(dir, 'ISCOGroups_en.csv'));
  await iscoFile.line([
    'conceptType',
    'conceptUri',
    'code',
    'preferredLabel',
    'status',
    'altLabels',
    'inScheme',
    'description',
  ]);
  for (const code of groups) {
    await iscoFile.line([
      'ISCOGroup',
      `http://data.europa.eu/esco/isco/C${code}`,
      code,
      words(3),
      'released',
      '',
      'http://data.europa.eu/esco/concept-scheme/isco, http://data.europa.eu/esco/concept-scheme/occupations',
      sentence(20),
    ]);
  }
  await iscoFile.close();

  const occupationUri = (n: number) => `http://data.europa.eu/esco/occupation/${uuid(0, n)}`;
  const occupations = new Writer(join(dir, 'occupations_en.csv'));
  await occupations.line([
    'conceptType',
    'conceptUri',
    'iscoGroup',
    'preferredLabel',
    'altLabels',
    'hiddenLabels',
    'status',
    'modifiedDate',
    'regulatedProfessionNote',
    'scopeNote',
    'definition',
    'inScheme',
    'description',
    'code',
  ]);
  for (let n = 0; n < sizes.occupations; n += 1) {
    const group = pick(groups);
    await occupations.line([
      'Occupation',
      occupationUri(n),
      group,
      `${words(2)} ${n}`,
      labels(16),
      labels(2),
      'released',
      when,
      'http://data.europa.eu/esco/regulated-professions/unregulated',
      '',
      '',
      'http://data.europa.eu/esco/concept-scheme/occupations, http://data.europa.eu/esco/concept-scheme/member-occupations',
      [sentence(40), sentence(30)].join(' '),
      `${group}.${n % 10}`,
    ]);
  }
  await occupations.close();

  const skillUri = (n: number) => `http://data.europa.eu/esco/skill/${uuid(1, n)}`;
  const skillTypes = ['skill/competence', 'knowledge'];
  const skills = new Writer(join(dir, 'skills_en.csv'));
  await skills.line([
    'conceptType',
    'conceptUri',
    'skillType',
    'reuseLevel',
    'preferredLabel',
    'altLabels',
    'hiddenLabels',
    'status',
    'modifiedDate',
    'scopeNote',
    'definition',
    'inScheme',
    'description',
  ]);
  for (let n = 0; n < sizes.skills; n += 1) {
    await skills.line([
      'KnowledgeSkillCompetence',
      skillUri(n),
      pick(skillTypes),
      pick(['sector-specific', 'cross-sector', 'transversal']),
      `${words(3)} ${n}`,
      labels(5),
      '',
      'released',
      when,
      '',
      '',
      'http://data.europa.eu/esco/concept-scheme/skills',
      sentence(25),
    ]);
  }
  await skills.close();

  const relations = new Writer(join(dir, 'occupationSkillRelations_en.csv'));
  await relations.line(['occupationUri', 'relationType', 'skillType', 'skillUri']);
  for (let n = 0; n < sizes.relations; n += 1) {
    // Grouped by occupation like the published file, but every occupation gets its share.
    const occupation = Math.floor((n * sizes.occupations) / sizes.relations);
    await relations.line([
      occupationUri(occupation),
      next() < 0.6 ? 'essential' : 'optional',
      pick(skillTypes),
      skillUri(Math.floor(next() * sizes.skills)),
    ]);
  }
  await relations.close();
};

const main = async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      occupations: { type: 'string' },
      skills: { type: 'string' },
      relations: { type: 'string' },
    },
  });
  const dir = positionals[0] ?? join(tmpdir(), 'rolebook-esco');
  const sizes: EscoSizes = {
    occupations: Number(values.occupations ?? fullSize.occupations),
    skills: Number(values.skills ?? fullSize.skills),
    relations: Number(values.relations ?? fullSize.relations),
  };
  const started = performance.now();
  await generateEsco(dir, sizes);
  console.log(
    `wrote ${sizes.occupations} occupations, ${sizes.skills} skills, ${sizes.relations} relations to ${dir} in ${Math.round(performance.now() - started)} ms`,
  );
};

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await main();
