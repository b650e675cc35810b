import { sameTextKey, type RoleContent, type Technology } from '../../domain/index.js';
import { listLimit, uniqueBy } from '../release/index.js';

export interface OccupationParts {
  code: string;
  title: string;
  description: string;
  alternateTitles: readonly string[];
  tasks: readonly string[];
  technologies: readonly Technology[];
  related: readonly string[];
}

type ListField = Parameters<typeof listLimit>[0];

/** Reports what was left out of one list of the role. */
export type PartNote = (field: ListField, message: string) => void;

const capped = <T>(items: T[], field: ListField, note: PartNote): T[] => {
  const limit = listLimit(field);
  if (items.length <= limit) return items;
  note(field, `${field}: kept the first ${limit} of ${items.length}`);
  return items.slice(0, limit);
};

/** One technology per name; a name listed under several categories keeps the first. */
const mergeTechnologies = (technologies: readonly Technology[]): Technology[] => {
  const byName = new Map<string, Technology>();
  for (const technology of technologies) {
    const key = sameTextKey(technology.name);
    const seen = byName.get(key);
    if (!seen) byName.set(key, { ...technology });
    else {
      if (technology.hot) seen.hot = true;
      if (technology.inDemand) seen.inDemand = true;
    }
  }
  return [...byName.values()];
};

/**
 * Builds the role of one O*NET occupation from its rows in every file: the description, the
 * other titles without repeats, the tasks, the technologies with their hot flag, the related
 * occupations that exist in the release, and the occupation's page on O*NET OnLine.
 * @example assembleOccupation({ code: '15-1252.00', title: 'Software Developers', ... }, codes, note)
 */
export const assembleOccupation = (
  parts: OccupationParts,
  knownCodes: ReadonlySet<string>,
  note: PartNote,
): RoleContent => {
  const name = parts.title.toLowerCase();
  const related = parts.related.filter((code) => code !== parts.code);
  const unknown = related.filter((code) => !knownCodes.has(code));
  if (unknown.length > 0) {
    note(
      'relatedRoles',
      `relatedRoles: left out ${unknown.join(', ')}, not occupations of this release`,
    );
  }
  return {
    name: parts.title,
    summary: parts.description,
    alternativeTitles: capped(
      uniqueBy(
        parts.alternateTitles.filter((t) => t.toLowerCase() !== name),
        (t) => t,
      ),
      'alternativeTitles',
      note,
    ),
    responsibilities: capped(
      uniqueBy(parts.tasks, (t) => t),
      'responsibilities',
      note,
    ),
    benefits: [],
    signs: [],
    terms: [],
    skills: [],
    technologies: capped(mergeTechnologies(parts.technologies), 'technologies', note),
    relatedRoles: capped(
      uniqueBy(
        related.filter((code) => knownCodes.has(code)),
        (c) => c,
      ).map((code) => ({ taxonomy: 'onet', code })),
      'relatedRoles',
      note,
    ),
    links: [
      {
        title: `O*NET OnLine summary report for ${parts.code}`,
        url: `https://www.onetonline.org/link/summary/${parts.code}`,
      },
    ],
    crosswalk: [],
    status: 'published',
  };
};
