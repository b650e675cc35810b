import { Type, type Static } from 'typebox';
import { limits } from './limits.js';
import { distinctList, type SameItem } from './list-items.js';
import { validationError } from './errors.js';
import { SLUG_FORM, SLUG_PATTERN } from './slug.js';
import { BUILT_IN_TAXONOMY, TaxonomyIdSchema, WebUrlSchema } from './taxonomy.js';

/** Text that says something: at least one character that is not a space. */
const text = (maxLength: number, description?: string) =>
  Type.String({
    minLength: 1,
    maxLength,
    pattern: '\\S',
    'x-form': 'more than spaces',
    ...(description ? { description } : {}),
  });

export const RoleCodeSchema = Type.String({
  minLength: 1,
  maxLength: limits.code,
  // Neither `.` nor `..`, which a URL path reads as a step, nor spaces at either end.
  pattern: '^(?!\\.{1,2}$)\\S(?:.*\\S)?$',
  'x-form': 'without spaces at either end, and neither . nor ..',
  description:
    "Code of the role, unique within its taxonomy: in the built-in taxonomy a slug (`backend-developer`, nothing else), in others the source's code, such as an O*NET-SOC code or an ESCO URI.",
  examples: ['backend-developer'],
});

const slug = new RegExp(SLUG_PATTERN);

/**
 * Refuses a code the taxonomy cannot hold. The curated library's codes are slugs: they are its
 * guides' addresses and its content's file names. An imported taxonomy keeps its source's codes
 * (O*NET-SOC codes, ESCO URIs), which RoleCodeSchema bounds.
 */
export const checkRoleCode = (taxonomy: string, code: string): void => {
  if (taxonomy !== BUILT_IN_TAXONOMY || slug.test(code)) return;
  const message = `must be a slug in the ${BUILT_IN_TAXONOMY} taxonomy: ${SLUG_FORM}, such as backend-developer`;
  throw validationError(`The code "${code}" ${message}.`, [{ field: 'code', message }]);
};

/** A titled point: a reason to hire, or a sign that you need the role. */
export const PointSchema = Type.Object(
  { title: text(limits.title), text: text(limits.shortText) },
  { additionalProperties: false },
);
export type Point = Static<typeof PointSchema>;

export const LinkSchema = Type.Object(
  {
    title: text(limits.title),
    url: WebUrlSchema,
  },
  { additionalProperties: false },
);
export type Link = Static<typeof LinkSchema>;

export const RoleRefSchema = Type.Object(
  { taxonomy: TaxonomyIdSchema, code: RoleCodeSchema },
  { additionalProperties: false },
);

export const SkillSchema = Type.Object(
  {
    name: text(limits.name),
    importance: Type.Optional(Type.Union([Type.Literal('essential'), Type.Literal('optional')])),
  },
  { additionalProperties: false },
);
export type Skill = Static<typeof SkillSchema>;

export const TechnologySchema = Type.Object(
  {
    name: text(limits.name),
    category: Type.Optional(text(limits.name)),
    hot: Type.Optional(
      Type.Boolean({
        description: "O*NET's Hot Technology: named often in the job postings of all occupations.",
      }),
    ),
    inDemand: Type.Optional(
      Type.Boolean({
        description: "O*NET's In Demand: often asked for in this occupation's job postings.",
      }),
    ),
  },
  { additionalProperties: false },
);
export type Technology = Static<typeof TechnologySchema>;

export const RoleStatusSchema = Type.Union([Type.Literal('draft'), Type.Literal('published')]);
export type RoleStatus = Static<typeof RoleStatusSchema>;

const list = <T extends Parameters<typeof Type.Array>[0]>(
  item: T,
  same: SameItem,
  key?: readonly string[],
  maxItems: number = limits.listItems,
) => distinctList(item, { maxItems, same, ...(key ? { key } : {}) });

/** Everything about a role that an editor may change. */
export const RoleContentSchema = Type.Object(
  {
    name: text(limits.name),
    summary: Type.String({ maxLength: limits.longText }),
    alternativeTitles: list(text(limits.title), 'text', undefined, limits.alternativeTitles),
    hiddenTitles: Type.Optional(
      distinctList(text(limits.title), {
        maxItems: limits.alternativeTitles,
        same: 'text',
        description:
          'Titles the source keeps for search only (ESCO hidden labels: misspellings, dated or informal names): matched by /v1/normalize, never shown as the role’s titles.',
      }),
    ),
    occupationCode: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        pattern: '^[0-9A-Za-z][0-9A-Za-z.-]*$',
        description:
          'The code the source publishes for the occupation beside the key it is stored under (ESCO’s 2654.1.7 for an occupation keyed by its concept URI): the role is found by it as well.',
      }),
    ),
    responsibilities: list(text(limits.shortText), 'text'),
    benefits: list(PointSchema, 'text', ['title']),
    signs: list(PointSchema, 'text', ['title']),
    terms: list(text(limits.code), 'exact'),
    skills: list(SkillSchema, 'text', ['name']),
    technologies: list(TechnologySchema, 'text', ['name'], 5_000),
    relatedRoles: list(RoleRefSchema, 'exact', ['taxonomy', 'code']),
    links: list(LinkSchema, 'exact', ['url']),
    crosswalk: list(RoleRefSchema, 'exact', ['taxonomy', 'code']),
    status: RoleStatusSchema,
  },
  { additionalProperties: false },
);
export type RoleContent = Static<typeof RoleContentSchema>;

export interface Role extends RoleContent {
  taxonomy: string;
  code: string;
  /** Starts at 1 and grows by one with every change; the ETag of the role. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A role with only what a list needs. */
export interface RoleSummary {
  taxonomy: string;
  code: string;
  name: string;
  summary: string;
  status: RoleStatus;
  version: number;
  updatedAt: string;
}

/** The fields of a role a list shows. */
export const roleSummaryOf = (role: Role): RoleSummary => ({
  taxonomy: role.taxonomy,
  code: role.code,
  name: role.name,
  summary: role.summary,
  status: role.status,
  version: role.version,
  updatedAt: role.updatedAt,
});

export const emptyRoleContent = (name: string): RoleContent => ({
  name,
  summary: '',
  alternativeTitles: [],
  responsibilities: [],
  benefits: [],
  signs: [],
  terms: [],
  skills: [],
  technologies: [],
  relatedRoles: [],
  links: [],
  crosswalk: [],
  status: 'draft',
});

/** The editable part of a role, without its identity and version stamps. */
export const roleContentOf = (role: Role): RoleContent => {
  const { taxonomy: _t, code: _c, version: _v, createdAt: _a, updatedAt: _u, ...content } = role;
  return content;
};
