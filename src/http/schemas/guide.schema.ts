import { Type } from 'typebox';
import { GuideFormatSchema, GuideJsonLdSchema, GuideViewSchema } from '../../guides/index.js';

export const GuideQuerySchema = Type.Object(
  { format: Type.Optional(GuideFormatSchema) },
  { additionalProperties: false },
);

const text = (description: string) => ({ schema: Type.String({ description }) });

/** The guide's 200 response, one schema per media type. */
export const GuideResponseSchema = {
  description: 'The guide in the format asked for',
  content: {
    'text/html': text('A complete HTML page with its styles and JSON-LD inline.'),
    'text/markdown': text('The guide as Markdown.'),
    'application/json': { schema: GuideViewSchema },
    'application/ld+json': { schema: GuideJsonLdSchema },
  },
};
