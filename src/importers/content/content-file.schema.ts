import { Type, type Static } from 'typebox';
import {
  LinkSchema,
  PointSchema,
  RoleStatusSchema,
  TermCategorySchema,
  TermSlugSchema,
  limits,
} from '../../domain/index.js';

const text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const codes = Type.Array(text(limits.code), { maxItems: limits.listItems });

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
    alternativeTitles: Type.Array(text(limits.title), { maxItems: limits.alternativeTitles }),
    responsibilities: Type.Array(text(limits.shortText), { maxItems: limits.listItems }),
    benefits: Type.Array(PointSchema, { maxItems: limits.listItems }),
    signs: Type.Array(PointSchema, { maxItems: limits.listItems }),
    terms: Type.Array(TermSlugSchema, { maxItems: limits.listItems }),
    skills: Type.Array(text(limits.name), { maxItems: limits.listItems }),
    technologies: Type.Array(
      Type.Object(
        { name: text(limits.name), category: text(limits.name) },
        { additionalProperties: false },
      ),
      { maxItems: limits.listItems },
    ),
    relatedRoles: codes,
    links: Type.Array(LinkSchema, { maxItems: limits.listItems }),
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
    abbreviations: Type.Array(text(limits.termForm), { maxItems: limits.termAbbreviations }),
    aliases: Type.Array(text(limits.termForm), { maxItems: limits.termAliases }),
    category: TermCategorySchema,
    examples: Type.Array(TermSlugSchema, { maxItems: 50 }),
    caseSensitive: Type.Boolean(),
    needsContext: Type.Optional(
      Type.Array(text(limits.termForm), { maxItems: limits.termAbbreviations }),
    ),
  },
  { additionalProperties: false },
);
