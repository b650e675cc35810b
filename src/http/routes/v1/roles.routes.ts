import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { BUILT_IN_TAXONOMY } from '../../../domain/index.js';
import {
  createRole,
  deleteRole,
  getRole,
  listRoleRevisions,
  listRoles,
  revertRole,
  updateRole,
  type ServiceContext,
} from '../../../services/index.js';
import { etagOf, versionFromIfMatch } from '../../etag.js';
import {
  IfMatchHeaders,
  PageQuerySchema,
  pageOf,
  problemResponses,
} from '../../schemas/common.schema.js';
import {
  CreateRoleBodySchema,
  RevertBodySchema,
  RevisionSchema,
  RoleListQuerySchema,
  RoleParamsSchema,
  RoleSchema,
  RoleSummarySchema,
} from '../../schemas/role.schema.js';
import { RoleContentSchema } from '../../../domain/index.js';

const tags = ['roles'];
const security = [{ apiKey: [] }];

export const rolesRoutes: FastifyPluginCallbackTypebox<{ ctx: ServiceContext }> = (
  app,
  { ctx },
  done,
) => {
  app.get(
    '/roles',
    {
      schema: {
        tags,
        summary: 'List and search roles',
        querystring: RoleListQuerySchema,
        response: { 200: pageOf(RoleSummarySchema), ...problemResponses(400) },
      },
    },
    (request) => listRoles(ctx, request.query, request.actor),
  );

  app.get(
    '/roles/:taxonomy/:code',
    {
      schema: {
        tags,
        summary: 'Get one role',
        description:
          'Codes with a slash (ESCO URIs) are sent URL-encoded. The ETag is the version.',
        params: RoleParamsSchema,
        response: { 200: RoleSchema, ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const role = await getRole(ctx, request.params, request.actor);
      return reply.header('etag', etagOf(role.version)).send(role);
    },
  );

  app.post(
    '/roles',
    {
      schema: {
        tags,
        security,
        summary: 'Create a role in a taxonomy',
        querystring: Type.Object(
          { taxonomy: Type.Optional(Type.String()) },
          { additionalProperties: false },
        ),
        body: CreateRoleBodySchema,
        response: { 201: RoleSchema, ...problemResponses(400, 401, 403, 409, 413) },
      },
    },
    async (request, reply) => {
      const { code, ...content } = request.body;
      const taxonomy = request.query.taxonomy ?? BUILT_IN_TAXONOMY;
      const role = await createRole(ctx, request.actor, { taxonomy, code }, content, {
        requestId: request.id,
      });
      return reply
        .status(201)
        .header('etag', etagOf(role.version))
        .header('location', `/v1/roles/${taxonomy}/${encodeURIComponent(code)}`)
        .send(role);
    },
  );

  app.put(
    '/roles/:taxonomy/:code',
    {
      schema: {
        tags,
        security,
        summary: 'Replace a role (If-Match required)',
        params: RoleParamsSchema,
        headers: IfMatchHeaders,
        body: RoleContentSchema,
        response: { 200: RoleSchema, ...problemResponses(400, 401, 403, 404, 409, 412, 413, 428) },
      },
    },
    async (request, reply) => {
      const role = await updateRole(
        ctx,
        request.actor,
        request.params,
        request.body,
        versionFromIfMatch(request.headers['if-match']),
        { requestId: request.id },
      );
      return reply.header('etag', etagOf(role.version)).send(role);
    },
  );

  app.delete(
    '/roles/:taxonomy/:code',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a role (If-Match required)',
        params: RoleParamsSchema,
        headers: IfMatchHeaders,
        response: { 204: Type.Null(), ...problemResponses(401, 403, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      await deleteRole(
        ctx,
        request.actor,
        request.params,
        versionFromIfMatch(request.headers['if-match']),
        {
          requestId: request.id,
        },
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/roles/:taxonomy/:code/revisions',
    {
      schema: {
        tags,
        summary: 'The revisions of a role, newest first',
        params: RoleParamsSchema,
        querystring: Type.Object(PageQuerySchema, { additionalProperties: false }),
        response: { 200: Type.Array(RevisionSchema), ...problemResponses(404) },
      },
    },
    (request) => listRoleRevisions(ctx, request.params, request.query, request.actor),
  );

  app.post(
    '/roles/:taxonomy/:code/revert',
    {
      schema: {
        tags,
        security,
        summary: 'Bring back an earlier version as a new one (If-Match required)',
        params: RoleParamsSchema,
        headers: IfMatchHeaders,
        body: RevertBodySchema,
        response: { 200: RoleSchema, ...problemResponses(400, 401, 403, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      const role = await revertRole(
        ctx,
        request.actor,
        request.params,
        request.body.version,
        versionFromIfMatch(request.headers['if-match']),
        { requestId: request.id },
      );
      return reply.header('etag', etagOf(role.version)).send(role);
    },
  );
  done();
};
