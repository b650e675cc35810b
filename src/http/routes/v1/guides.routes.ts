import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { renderRoleGuide, type ServiceContext } from '../../../services/index.js';
import { contentEtag, guideFormatFor, publicOrigin } from '../../../web/index.js';
import { problemResponses } from '../../schemas/common.schema.js';
import { GuideQuerySchema, GuideResponseSchema } from '../../schemas/guide.schema.js';
import { RoleParamsSchema } from '../../schemas/role.schema.js';
import { notModifiedResponse } from './versioned-entity.js';

export const guidesRoutes: FastifyPluginCallbackTypebox<{
  ctx: ServiceContext;
  baseUrl: string;
}> = (app, { ctx, baseUrl }, done) => {
  app.get(
    '/roles/:taxonomy/:code/guide',
    {
      schema: {
        tags: ['roles'],
        summary: "A role's guide as HTML, Markdown, JSON or JSON-LD",
        description:
          'Pick the format with `format`, or leave it out and send an Accept header (text/html, text/markdown, application/json, application/ld+json). The ETag is a hash of the body sent, so it changes with anything the guide shows, related roles and glossary terms included. An ESCO occupation is found by its published code as well as by its URI.',
        params: RoleParamsSchema,
        querystring: GuideQuerySchema,
        response: {
          200: GuideResponseSchema,
          304: notModifiedResponse,
          ...problemResponses(404, 406),
        },
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? guideFormatFor(request.headers.accept);
      const guide = await renderRoleGuide(ctx, request.params, format, {
        baseUrl: publicOrigin(baseUrl, request),
        actor: request.actor,
      });
      if (request.query.format === undefined) reply.header('vary', 'Accept');
      return reply.header('etag', contentEtag(guide.body)).type(guide.contentType).send(guide.body);
    },
  );
  done();
};
