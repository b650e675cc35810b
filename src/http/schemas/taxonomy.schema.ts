import { Type } from 'typebox';
import { RoleNameNumberSchema, TaxonomyIdSchema, TaxonomyInputSchema } from '../../domain/index.js';
import { LintReportSchema } from './lint.schema.js';

export const TaxonomySchema = Type.Object({
  ...TaxonomyInputSchema.properties,
  // Always said of a stored taxonomy, though an import may leave it to its default.
  roleNameNumber: RoleNameNumberSchema,
  roleCount: Type.Integer({
    description: 'How many of its roles are published: those every reader sees listed.',
  }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** A company's own taxonomy: the built-in, onet and esco ones take no sheet. */
export const CompanyTaxonomyParamsSchema = Type.Object({
  id: Type.String({
    ...TaxonomyIdSchema,
    description: "Lower-case identifier of a company's own taxonomy, created if new.",
    examples: ['acme'],
  }),
});

export const RoleSheetQuerySchema = Type.Object(
  {
    dryRun: Type.Optional(
      Type.Boolean({ description: 'Check and report everything, write nothing (default false).' }),
    ),
    name: Type.Optional(
      Type.String({
        ...TaxonomyInputSchema.properties.name,
        description:
          "The taxonomy's name; a new taxonomy is otherwise named by its id, a stored one keeps its own.",
      }),
    ),
  },
  { additionalProperties: false },
);

const TallySchema = Type.Object({
  added: Type.Integer(),
  changed: Type.Integer(),
  unchanged: Type.Integer(),
  removed: Type.Integer(),
});

export const ImportResultSchema = Type.Object({
  report: Type.Object({
    source: Type.String(),
    dryRun: Type.Boolean(),
    taxonomies: TallySchema,
    roles: TallySchema,
    terms: TallySchema,
    changes: Type.Object({
      added: Type.Array(Type.String(), { description: 'As taxonomy/code.' }),
      changed: Type.Array(Type.String()),
      removed: Type.Array(Type.String()),
    }),
    kept: Type.Array(Type.String()),
  }),
  notes: Type.Array(
    Type.Object({
      file: Type.String(),
      line: Type.Optional(Type.Integer()),
      code: Type.Optional(Type.String()),
      message: Type.String(),
    }),
    {
      description:
        'What was read without failing but is worth knowing: columns left out, the separator read.',
    },
  ),
  lint: LintReportSchema,
});
