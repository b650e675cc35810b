import { Type } from 'typebox';
import { pageOf, PageQuerySchema, servedFields } from './common.schema.js';
import { TermCategorySchema, TermContentSchema, TermSlugSchema } from '../../domain/index.js';

export const TermSchema = Type.Object(
  {
    slug: TermSlugSchema,
    ...TermContentSchema.properties,
    version: Type.Integer({ minimum: 1 }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Term' },
);

export const TermParamsSchema = Type.Object({ slug: TermSlugSchema });

/** A PUT's body: the content, or the term as GET sent it. */
export const ReplaceTermBodySchema = Type.Object(
  { slug: Type.Optional(TermSlugSchema), ...TermContentSchema.properties, ...servedFields },
  { additionalProperties: false },
);

/**
 * A new term needs its slug, name, definition and category; its lists may come later, and it
 * matches in any case unless `caseSensitive` says otherwise.
 */
export const CreateTermBodySchema = Type.Object(
  {
    ...Type.Partial(TermContentSchema).properties,
    slug: TermSlugSchema,
    name: TermContentSchema.properties.name,
    definition: TermContentSchema.properties.definition,
    category: TermContentSchema.properties.category,
  },
  {
    additionalProperties: false,
    examples: [
      {
        slug: 'code-freeze',
        name: 'Code freeze',
        definition:
          'A period before a release when no new changes are merged, so the release is tested as it will ship.',
        category: 'practice',
      },
    ],
  },
);

export const TermListQuerySchema = Type.Object(
  {
    category: Type.Optional(TermCategorySchema),
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description:
          'The start of a word of a name, abbreviation or alias ("go" finds Go, not Django) Case, accents and punctuation do not count; a query of punctuation only matches nothing.',
      }),
    ),
    ...PageQuerySchema,
  },
  { additionalProperties: false },
);

export const TermPageSchema = pageOf(TermSchema);
