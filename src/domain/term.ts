import { Type, type Static } from 'typebox';
import { limits } from './limits.js';
import { distinctList } from './list-items.js';
import { SLUG_FORM, SLUG_PATTERN } from './slug.js';

export const TermSlugSchema = Type.String({
  pattern: SLUG_PATTERN,
  maxLength: limits.code,
  'x-form': `${SLUG_FORM}, such as ci-cd`,
  description: 'Lower-case slug of a glossary term, e.g. `api`, `ci-cd`, `node-js`.',
  examples: ['api'],
});

export const termCategories = [
  'concept',
  'practice',
  'language',
  'framework',
  'library',
  'database',
  'cloud',
  'platform',
  'tool',
  'protocol',
  'data',
  'security',
  'design',
  'role',
] as const;
export type TermCategory = (typeof termCategories)[number];

export const TermCategorySchema = Type.Enum(termCategories);

export const TermContentSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: limits.name }),
    abbreviations: distinctList(Type.String({ minLength: 1, maxLength: limits.termForm }), {
      maxItems: limits.termAbbreviations,
      same: 'abbreviation',
    }),
    aliases: distinctList(Type.String({ minLength: 1, maxLength: limits.termForm }), {
      maxItems: limits.termAliases,
      same: 'alias',
    }),
    definition: Type.String({ minLength: 1, maxLength: limits.shortText }),
    examples: distinctList(TermSlugSchema, {
      maxItems: 50,
      same: 'exact',
      description: 'Slugs of other terms that are examples of this one.',
    }),
    category: TermCategorySchema,
    caseSensitive: Type.Boolean({
      description:
        'Match the name and aliases only with this exact case: for names that are also ordinary words (Go, Swift, Spring).',
    }),
    needsContext: Type.Optional(
      distinctList(Type.String({ minLength: 1, maxLength: limits.termForm }), {
        maxItems: limits.termAbbreviations,
        // Looked up by the form exactly as the abbreviations or aliases write it.
        same: 'exact',
        description:
          'Abbreviations or aliases of this term that postings also use for something else (RTO: return to office). A mention counts only when the text supports it: a neighbouring term in a list, or the term written out elsewhere.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type TermContent = Static<typeof TermContentSchema>;

export interface Term extends TermContent {
  slug: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The editable part of a term, without its slug and version stamps. */
export const termContentOf = (term: Term): TermContent => {
  const { slug: _s, version: _v, createdAt: _c, updatedAt: _u, ...content } = term;
  return content;
};
