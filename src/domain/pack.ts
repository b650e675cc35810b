import { Type, type Static } from 'typebox';
import { RoleCodeSchema, RoleContentSchema } from './role.js';
import { TaxonomyIdSchema, TaxonomyInputSchema } from './taxonomy.js';
import { TermContentSchema, TermSlugSchema } from './term.js';

const stamps = {
  version: Type.Integer({ minimum: 1 }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
};

/** A whole library in one JSON document: what `export` writes and `import pack` reads. */
export const PackSchema = Type.Object(
  {
    format: Type.Literal('rolebook-pack'),
    formatVersion: Type.Literal(1),
    exportedAt: Type.String({ format: 'date-time' }),
    taxonomies: Type.Array(
      Type.Object(
        {
          ...TaxonomyInputSchema.properties,
          createdAt: stamps.createdAt,
          updatedAt: stamps.updatedAt,
        },
        { additionalProperties: false },
      ),
    ),
    terms: Type.Array(
      Type.Object(
        { slug: TermSlugSchema, ...TermContentSchema.properties, ...stamps },
        { additionalProperties: false },
      ),
    ),
    roles: Type.Array(
      Type.Object(
        {
          taxonomy: TaxonomyIdSchema,
          code: RoleCodeSchema,
          ...RoleContentSchema.properties,
          ...stamps,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type Pack = Static<typeof PackSchema>;
