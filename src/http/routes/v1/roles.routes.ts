import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { BUILT_IN_TAXONOMY, TaxonomyIdSchema } from '../../../domain/index.js';
import {
  createRole,
  deleteRole,
  getRole,
  getTaxonomy,
  listRoleRevisions,
  listRoles,
  revertRole,
  updateRole,
  type ServiceContext,
} from '../../../services/index.js';
import { etagOf } from '../../etag.js';
import { problemResponses } from '../../schemas/common.schema.js';
import {
  CreateRoleBodySchema,
  ReplaceRoleBodySchema,
  RoleListQuerySchema,
  RoleParamsSchema,
  RoleSchema,
  RolePageSchema,
  ROLE_PUBLISH_GATE,
} from '../../schemas/role.schema.js';
import {
  createdResponse,
  deleteRoute,
  replaceRoute,
  revertRoute,
  revisionsRoute,
  sendVersioned,
  notModifiedResponse,
  versionedResponse,
  writeSecurity,
} from './versioned-entity.js';

const tags = ['roles'];

const UNPUBLISHING =
  'A write that takes a published role back to `status: "draft"` unpublishes it, which readers see as a delete: it needs the `delete` scope (403 otherwise), is refused with 409 while the role has a pending draft, and is recorded as an `unpublish` revision.';

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
        response: { 200: RolePageSchema, ...problemResponses(400, 404) },
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
          'Codes with a slash (ESCO URIs) are sent URL-encoded. An ESCO occupation is also found by the code ESCO publishes for it (`2654.1.7`), its `occupationCode`; the answer is the role under its URI. The ETag is the version.',
        params: RoleParamsSchema,
        response: {
          200: versionedResponse(RoleSchema, 'The role'),
          304: notModifiedResponse,
          ...problemResponses(404),
        },
      },
    },
    async (request, reply) =>
      sendVersioned(reply, await getRole(ctx, request.params, request.actor)),
  );

  app.post(
    '/roles',
    {
      config: { scope: 'write' },
      schema: {
        tags,
        security: writeSecurity,
        summary: 'Create a role in a taxonomy',
        description: `A role of the built-in taxonomy has a slug for its code (lower-case letters and digits in words joined by hyphens, such as \`backend-developer\`): any other is refused with 400 naming \`code\`. ${ROLE_PUBLISH_GATE}`,
        querystring: Type.Object(
          { taxonomy: Type.Optional(TaxonomyIdSchema) },
          { additionalProperties: false },
        ),
        body: CreateRoleBodySchema,
        response: {
          201: createdResponse(RoleSchema, 'The role, created'),
          ...problemResponses(400, 401, 403, 404, 409, 413, 422),
        },
      },
    },
    async (request, reply) => {
      const { code, ...content } = request.body;
      const taxonomy = request.query.taxonomy ?? BUILT_IN_TAXONOMY;
      // The taxonomy addresses the collection, as in a list: one that does not exist is not found.
      await getTaxonomy(ctx, taxonomy);
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

  replaceRoute(
    app,
    '/roles/:taxonomy/:code',
    {
      tags,
      summary: 'Replace a role (If-Match required)',
      description: UNPUBLISHING,
      publishGate: ROLE_PUBLISH_GATE,
      params: RoleParamsSchema,
      body: ReplaceRoleBodySchema,
      entity: RoleSchema,
    },
    (ref, content, { actor, expectedVersion, options }) =>
      updateRole(ctx, actor, ref, content, expectedVersion, options),
  );

  deleteRoute(
    app,
    '/roles/:taxonomy/:code',
    {
      tags,
      summary: 'Delete a role (If-Match required)',
      params: RoleParamsSchema,
      problems: [401, 403, 404, 409, 412, 428],
    },
    (ref, { actor, expectedVersion, options }) =>
      deleteRole(ctx, actor, ref, expectedVersion, options),
  );

  revisionsRoute(
    app,
    '/roles/:taxonomy/:code/revisions',
    { tags, summary: 'The revisions of a role, newest first', params: RoleParamsSchema },
    (ref, page, actor) => listRoleRevisions(ctx, ref, page, actor),
  );

  revertRoute(
    app,
    '/roles/:taxonomy/:code/revert',
    {
      tags,
      summary: 'Bring back an earlier version as a new one (If-Match required)',
      description: UNPUBLISHING,
      publishGate: ROLE_PUBLISH_GATE,
      params: RoleParamsSchema,
      entity: RoleSchema,
    },
    (ref, toVersion, { actor, expectedVersion, options }) =>
      revertRole(ctx, actor, ref, toVersion, expectedVersion, options),
  );
  done();
};
