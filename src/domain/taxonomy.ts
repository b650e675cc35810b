import { Type, type Static } from 'typebox';
import { limits } from './limits.js';

/** The built-in, curated taxonomy. Its code may be left out of guide URLs. */
export const BUILT_IN_TAXONOMY = 'rolebook';

/**
 * A link a page may show: http or https only, so a stored `javascript:` or `file:` URL is refused
 * at the door instead of being left for every renderer to defuse.
 */
export const WebUrlSchema = Type.String({
  format: 'uri',
  pattern: '^[Hh][Tt][Tt][Pp][Ss]?://',
  'x-form': 'an http or https URL',
  maxLength: limits.url,
  description: 'An http or https URL.',
});

export const TaxonomyIdSchema = Type.String({
  pattern: '^[a-z][a-z0-9-]{1,39}$',
  'x-form': 'a lower-case letter, then 1 to 39 lower-case letters, digits or hyphens',
  description: 'Lower-case identifier of a taxonomy, e.g. `rolebook`, `onet`, `esco`.',
  examples: ['rolebook'],
});

/**
 * The grammatical number in which a taxonomy names its roles. Guides word the sentences that
 * name a role by it: "What does a Backend Developer do?", but "What do Software Developers do?".
 */
export const RoleNameNumberSchema = Type.Union([Type.Literal('singular'), Type.Literal('plural')], {
  description:
    'Grammatical number of the role names: `plural` for a source that names its occupations in the plural, as O*NET does ("Software Developers"). Guides word their headings by it. Default `singular`.',
});
export type RoleNameNumber = Static<typeof RoleNameNumberSchema>;

/**
 * The language a taxonomy's role texts are written in. Guides are marked with it and word their
 * headings in it when Rolebook has a wording for it (every language ESCO publishes; English
 * otherwise).
 */
const LanguageSchema = Type.String({
  pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$',
  'x-form': 'a language tag such as en or pt-BR',
  maxLength: 35,
  description:
    'Language of the role texts, as a BCP 47 tag such as `fr` or `pt-BR`. Guides are marked with it and word their headings in it when Rolebook has a wording for that language (every language ESCO publishes its occupations in; English headings otherwise). Default `en`.',
});

export const TaxonomyInputSchema = Type.Object(
  {
    id: TaxonomyIdSchema,
    name: Type.String({ minLength: 1, maxLength: limits.name }),
    description: Type.Optional(Type.String({ maxLength: limits.shortText })),
    version: Type.Optional(Type.String({ maxLength: limits.name })),
    url: Type.Optional(WebUrlSchema),
    license: Type.Optional(Type.String({ maxLength: limits.name })),
    attribution: Type.Optional(Type.String({ maxLength: limits.shortText })),
    roleNameNumber: Type.Optional(RoleNameNumberSchema),
    language: Type.Optional(LanguageSchema),
  },
  { additionalProperties: false },
);
export type TaxonomyInput = Static<typeof TaxonomyInputSchema>;

/** A stored taxonomy: always says the number of its role names. */
export interface Taxonomy extends TaxonomyInput {
  roleNameNumber: RoleNameNumber;
  createdAt: string;
  updatedAt: string;
}

/**
 * The number of a taxonomy's role names; one that does not say names them in the singular.
 * @example roleNameNumberOf({ id: 'onet', name: 'O*NET', roleNameNumber: 'plural' }) === 'plural'
 */
export const roleNameNumberOf = (taxonomy: Pick<TaxonomyInput, 'roleNameNumber'>): RoleNameNumber =>
  taxonomy.roleNameNumber ?? 'singular';

/**
 * Whether two descriptions of a taxonomy say the same, whatever the order of their fields and
 * whether the number of the role names is said or left to its default.
 * @example sameTaxonomy({ id: 'x', name: 'X' }, { name: 'X', id: 'x', roleNameNumber: 'singular' }) === true
 */
export const sameTaxonomy = (a: TaxonomyInput, b: TaxonomyInput): boolean => {
  const fields = (t: TaxonomyInput) =>
    JSON.stringify(
      Object.entries({ ...t, roleNameNumber: roleNameNumberOf(t) })
        .filter(([, value]) => value !== undefined)
        .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
    );
  return fields(a) === fields(b);
};

export const builtInTaxonomy: TaxonomyInput = {
  id: BUILT_IN_TAXONOMY,
  name: 'Rolebook library',
  description: 'Curated role guides written by the Rolebook project.',
  roleNameNumber: 'singular',
};
