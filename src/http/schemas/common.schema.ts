import { Type } from 'typebox';
import { errorRegistry, HIDDEN_ACTOR, limits } from '../../domain/index.js';

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.Union(Object.keys(errorRegistry).map((c) => Type.Literal(c))),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
    requestId: Type.String(),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          message: Type.String(),
          field: Type.Optional(Type.String()),
          file: Type.Optional(Type.String()),
          line: Type.Optional(Type.Integer()),
          column: Type.Optional(Type.Integer()),
        }),
      ),
    ),
  },
  { $id: 'Problem', description: 'An RFC 9457 problem with a stable `code`.' },
);

export const problemResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: 'A problem',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  );

export const PageQuerySchema = {
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 500, description: 'Page size (default 50).' }),
  ),
  offset: Type.Optional(
    Type.Integer({ minimum: 0, maximum: limits.offset, description: 'Items to skip.' }),
  ),
};

/** The query of a list that takes nothing but a page: anything else is refused. */
export const PageOnlyQuerySchema = Type.Object(PageQuerySchema, { additionalProperties: false });

/** The query of an operation that reads none: every parameter given is refused by name. */
export const NoQuerySchema = Type.Object({}, { additionalProperties: false });

export const pageOf = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    limit: Type.Integer(),
    offset: Type.Integer(),
  });

export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({
      description:
        'The ETag of the version you edited, e.g. `"3"`, a list of them, or `*` for whatever is stored. Compared strongly (RFC 9110): a weak tag matches nothing. Required on writes. The flow: GET what you will change and keep its `ETag` response header; send it back here with the write. A 412 means someone saved in between: GET again, apply your change to what is there now, and send the new ETag. Without this header the write is refused with 428.',
    }),
  ),
});

/**
 * The server-managed fields of an entity as GET sends it, which a PUT may send back: each must
 * be what the URL and the stored version say.
 */
export const servedFields = {
  version: Type.Optional(Type.Integer({ minimum: 1, maximum: limits.version })),
  createdAt: Type.Optional(Type.String({ maxLength: 64 })),
  updatedAt: Type.Optional(Type.String({ maxLength: 64 })),
};

/** What a delete answers: the version its history records it as, and who still points at it. */
export const RemovalSchema = Type.Object({
  version: Type.Integer({ description: 'The delete, as a version: If-Match of a revert.' }),
  referencedBy: Type.Array(
    Type.Object({ message: Type.String(), field: Type.Optional(Type.String()) }),
    { description: 'What still names the deleted entity; lint reports each.' },
  ),
});

/** One entry of a role's or a term's history. */
export const RevisionSchema = Type.Object({
  id: Type.Integer(),
  entity: Type.String(),
  key: Type.String(),
  version: Type.Integer(),
  action: Type.String(),
  actor: Type.String({
    description: `Who made the change (\`user:<name>\`, \`key:<name>:<prefix>\`, \`cli:<user>\`, \`content-sync\`), shown only to a caller with the \`read\` scope; to anyone else \`${HIDDEN_ACTOR}\`, so the public history names no account.`,
  }),
  at: Type.String(),
  before: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
  after: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
});

export const RevertBodySchema = Type.Object(
  {
    version: Type.Integer({
      minimum: 1,
      maximum: limits.version,
      description: 'The version to bring back.',
    }),
  },
  { additionalProperties: false },
);
