import { Type } from 'typebox';
import { pageOf, PageQuerySchema, servedFields } from './common.schema.js';
import {
  RoleCodeSchema,
  RoleContentSchema,
  RoleStatusSchema,
  TaxonomyIdSchema,
} from '../../domain/index.js';

const stamps = {
  version: Type.Integer({ minimum: 1 }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
};

export const RoleSchema = Type.Object(
  { taxonomy: TaxonomyIdSchema, code: RoleCodeSchema, ...RoleContentSchema.properties, ...stamps },
  { $id: 'Role' },
);

export const RoleSummarySchema = Type.Object(
  {
    taxonomy: Type.String(),
    code: Type.String(),
    name: Type.String(),
    summary: Type.String(),
    status: RoleStatusSchema,
    version: Type.Integer(),
    updatedAt: Type.String(),
  },
  { $id: 'RoleSummary' },
);

export const RoleParamsSchema = Type.Object({ taxonomy: TaxonomyIdSchema, code: RoleCodeSchema });

/**
 * A new role needs its code, name and summary; every list may come later, and it is a draft
 * unless `status` says otherwise.
 */
export const CreateRoleBodySchema = Type.Object(
  {
    ...Type.Partial(RoleContentSchema).properties,
    code: RoleCodeSchema,
    name: RoleContentSchema.properties.name,
    summary: RoleContentSchema.properties.summary,
  },
  {
    additionalProperties: false,
    examples: [
      {
        code: 'localization-engineer',
        name: 'Localization Engineer',
        summary:
          'Prepares software for other languages and regions, and runs the tools that bring translations into each release.',
      },
    ],
  },
);

/** A PUT's body: the content, or the role as GET sent it. */
export const ReplaceRoleBodySchema = Type.Object(
  {
    taxonomy: Type.Optional(TaxonomyIdSchema),
    code: Type.Optional(RoleCodeSchema),
    ...RoleContentSchema.properties,
    ...servedFields,
  },
  { additionalProperties: false },
);

export const RoleListQuerySchema = Type.Object(
  {
    taxonomy: Type.Optional(TaxonomyIdSchema),
    status: Type.Optional(RoleStatusSchema),
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description:
          'The start of a word of a name or alternative title ("writ" finds "SQL Writer") Case, accents and punctuation do not count; a query of punctuation only matches nothing.',
      }),
    ),
    ...PageQuerySchema,
  },
  { additionalProperties: false },
);

export const RolePageSchema = pageOf(RoleSummarySchema);

/** How a write that would put a role before readers is refused, for each such operation. */
export const ROLE_PUBLISH_GATE =
  'A write that leaves the role published (created or saved as `published`, a draft published, a version put back) is refused with 422 (`lint_failed`) while lint finds errors in the role as it would be published, each listed in `errors` with its `field`; warnings do not stop it. For the built-in taxonomy that means every section filled and links as the library writes them; for an imported one, no placeholders or malformed links.';
