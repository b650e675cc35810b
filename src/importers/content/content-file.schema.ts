import { Type, type Static } from 'typebox';
import {
  distinctList,
  LinkSchema,
  PointSchema,
  RoleStatusSchema,
  TermCategorySchema,
  TermSlugSchema,
  limits,
} from '../../domain/index.js';

const text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const codes = distinctList(text(limits.code), { maxItems: limits.listItems, same: 'exact' });

/**
 * Front matter of a role file in content/roles. Friendlier than the stored shape: skills are
 * plain strings, related roles are codes in the built-in taxonomy, and the crosswalk maps a
 * taxonomy to one code or several.
 */
export const RoleFileSchema = Type.Object(
  {
    code: Type.String({
      pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
      maxLength: limits.code,
      'x-form': 'lower-case letters and digits in words joined by hyphens, such as backend-developer',
    }),
    name: text(limits.name),
    status: RoleStatusSchema,
    alternativeTitles: distinctList(text(limits.title), {
      maxItems: limits.alternativeTitles,
      same: 'text',
    }),
    responsibilities: distinctList(text(limits.shortText), { maxItems: limits.listItems, same: 'text' }),
    benefits: distinctList(PointSchema, { maxItems: limits.listItems, same: 'text', key: ['title'] }),
    signs: distinctList(PointSchema, { maxItems: limits.listItems, same: 'text', key: ['title'] }),
    terms: distinctList(TermSlugSchema, { maxItems: limits.listItems, same: 'exact' }),
    skills: distinctList(text(limits.name), { maxItems: limits.listItems, same: 'text' }),
    technologies: distinctList(
      Type.Object(
        { name: text(limits.name), category: text(limits.name) },
        { additionalProperties: false },
      ),
      { maxItems: limits.listItems, same: 'text', key: ['name'] },
    ),
    relatedRoles: codes,
    links: distinctList(LinkSchema, { maxItems: limits.listItems, same: 'exact', key: ['url'] }),
    crosswalk: Type.Record(
      Type.String({ pattern: '^[a-z][a-z0-9-]{1,39}$', 'x-form': 'a lower-case letter, then 1 to 39 lower-case letters, digits or hyphens' }),
      Type.Union([text(limits.code), Type.Array(text(limits.code), { minItems: 1, maxItems: 20 })]),
    ),
  },
  { additionalProperties: false },
);
export type RoleFile = Static<typeof RoleFileSchema>;

/** Front matter of a term file in content/terms; the body is the definition. */
export const TermFileSchema = Type.Object(
  {
    name: text(limits.name),
    abbreviations: distinctList(text(limits.termForm), {
      maxItems: limits.termAbbreviations,
      same: 'abbreviation',
    }),
    aliases: distinctList(text(limits.termForm), { maxItems: limits.termAliases, same: 'alias' }),
    category: TermCategorySchema,
    examples: distinctList(TermSlugSchema, { maxItems: 50, same: 'exact' }),
    caseSensitive: Type.Boolean(),
    needsContext: Type.Optional(
      distinctList(text(limits.termForm), { maxItems: limits.termAbbreviations, same: 'exact' }),
    ),
  },
  { additionalProperties: false },
);
