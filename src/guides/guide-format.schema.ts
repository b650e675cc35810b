import { Type } from 'typebox';
import { guideFormats, type GuideFormat } from './guide-formats.js';

/** A `format` query value: one of the formats a guide renders in, named as a link would name it. */
export const GuideFormatSchema = Type.Union(
  (Object.keys(guideFormats) as GuideFormat[]).map((f) => Type.Literal(f)),
  {
    description:
      'html (a standalone page), md (Markdown), json (the guide view) or jsonld (schema.org Occupation). Without it, the Accept header decides; HTML when it names none.',
  },
);
