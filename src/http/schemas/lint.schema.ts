import { Type } from 'typebox';
import { TaxonomyIdSchema } from '../../domain/index.js';
import { PageQuerySchema } from './common.schema.js';

const SeveritySchema = Type.Union([Type.Literal('error'), Type.Literal('warning')]);

export const LintFindingSchema = Type.Object({
  rule: Type.String({
    description:
      'placeholder, empty-section, missing-section, duplicate-title, malformed-link, link-style, untrusted-link, undefined-term, unknown-role, unpublished-role, unused-term, unknown-section or malformed-item.',
  }),
  severity: SeveritySchema,
  message: Type.String(),
  field: Type.Optional(Type.String({ description: 'Path of the field, e.g. `links.2.url`.' })),
  line: Type.Optional(Type.Integer()),
  taxonomy: Type.String({ description: "The role's taxonomy, or `glossary` for a term." }),
  code: Type.String({ description: "The role's code, or the term's slug." }),
});

const counts = {
  roles: Type.Integer({ description: 'Roles checked.' }),
  errors: Type.Integer(),
  warnings: Type.Integer(),
};

export const LintReportSchema = Type.Object({
  ...counts,
  findings: Type.Array(LintFindingSchema),
});

export const LintPageSchema = Type.Object({
  ...counts,
  total: Type.Integer({ description: 'Findings of the requested severity, on every page.' }),
  limit: Type.Integer(),
  offset: Type.Integer(),
  findings: Type.Array(LintFindingSchema),
});

export const LintQuerySchema = Type.Object(
  {
    taxonomy: Type.Optional(TaxonomyIdSchema),
    severity: Type.Optional(SeveritySchema),
    ...PageQuerySchema,
  },
  { additionalProperties: false },
);
