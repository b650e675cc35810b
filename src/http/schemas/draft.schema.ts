import { Type, type TObject } from 'typebox';
import {
  limits,
  RoleCodeSchema,
  RoleContentSchema,
  TaxonomyIdSchema,
  TermContentSchema,
  TermSlugSchema,
} from '../../domain/index.js';
import { pageOf, PageQuerySchema } from './common.schema.js';
import { LintReportSchema } from './lint.schema.js';
import { ReplaceRoleBodySchema } from './role.schema.js';
import { ReplaceTermBodySchema } from './term.schema.js';

const draftStamps = {
  baseVersion: Type.Integer({
    minimum: 1,
    description:
      'The published version the draft was edited from: publishing needs it to be the version stored.',
  }),
  version: Type.Integer({ minimum: 1, description: "The draft's own version: its ETag." }),
  author: Type.String({ description: 'Who saved the draft last.' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
};

const lint = { lint: LintReportSchema };

export const RoleDraftSchema = Type.Object({
  taxonomy: TaxonomyIdSchema,
  code: RoleCodeSchema,
  ...draftStamps,
  content: RoleContentSchema,
  ...lint,
});

export const TermDraftSchema = Type.Object({
  slug: TermSlugSchema,
  ...draftStamps,
  content: TermContentSchema,
  ...lint,
});

const baseVersion = Type.Optional(
  Type.Integer({
    minimum: 1,
    maximum: limits.version,
    description:
      "The published version the content was edited from. By default the draft's own base, or for a new draft the version stored; naming the version stored now brings a draft up to date after the published one moved on.",
  }),
);

const submitted = (schema: TObject, what: string) =>
  Type.Object(schema.properties, {
    additionalProperties: false,
    description: `The content, or the ${what} as GET sent it, edited: its key must be the URL's (400 naming the field otherwise); its version and timestamps are ignored, since \`baseVersion\` says what the draft was edited from.`,
  });

export const RoleDraftBodySchema = Type.Object(
  { content: submitted(ReplaceRoleBodySchema, 'role'), baseVersion },
  { additionalProperties: false },
);

export const TermDraftBodySchema = Type.Object(
  { content: submitted(ReplaceTermBodySchema, 'term'), baseVersion },
  { additionalProperties: false },
);

export const DraftSummarySchema = Type.Object({
  kind: Type.Union([Type.Literal('revision'), Type.Literal('new-role')], {
    description:
      '`revision`: the pending draft of a published role or term. `new-role`: a role never published, a draft itself (its base version is 0); publish it by saving it with status `published`.',
  }),
  entity: Type.Union([Type.Literal('role'), Type.Literal('term')]),
  key: Type.String({ description: '`taxonomy/code` of a role, the slug of a term.' }),
  name: Type.String(),
  ...draftStamps,
  baseVersion: Type.Integer({
    minimum: 0,
    description:
      'The published version the draft was edited from; 0 for a new role, which has none.',
  }),
});

export const DraftPageSchema = pageOf(DraftSummarySchema);

export const DraftListQuerySchema = Type.Object(
  {
    entity: Type.Optional(Type.Union([Type.Literal('role'), Type.Literal('term')])),
    ...PageQuerySchema,
  },
  { additionalProperties: false },
);
