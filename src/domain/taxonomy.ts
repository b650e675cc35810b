import { Type, type Static } from 'typebox';
import { limits } from './limits.js';

/** The built-in, curated taxonomy. Its code may be left out of guide URLs. */
export const BUILT_IN_TAXONOMY = 'rolebook';

export const TaxonomyIdSchema = Type.String({
  pattern: '^[a-z][a-z0-9-]{1,39}$',
  description: 'Lower-case identifier of a taxonomy, e.g. `rolebook`, `onet`, `esco`.',
});

export const TaxonomyInputSchema = Type.Object(
  {
    id: TaxonomyIdSchema,
    name: Type.String({ minLength: 1, maxLength: limits.name }),
    description: Type.Optional(Type.String({ maxLength: limits.shortText })),
    version: Type.Optional(Type.String({ maxLength: limits.name })),
    url: Type.Optional(Type.String({ format: 'uri', maxLength: limits.url })),
    license: Type.Optional(Type.String({ maxLength: limits.name })),
    attribution: Type.Optional(Type.String({ maxLength: limits.shortText })),
  },
  { additionalProperties: false },
);
export type TaxonomyInput = Static<typeof TaxonomyInputSchema>;

export interface Taxonomy extends TaxonomyInput {
  createdAt: string;
  updatedAt: string;
}

export const builtInTaxonomy: TaxonomyInput = {
  id: BUILT_IN_TAXONOMY,
  name: 'Rolebook library',
  description: 'Curated role guides written by the Rolebook project.',
};
