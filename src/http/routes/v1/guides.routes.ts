import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { renderRoleGuide, type ServiceContext } from '../../../services/index.js';
import { guideEtag, guideFormatFor, publicOrigin } from '../../../web/index.js';
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
          'Pick the format with `format`, or leave it out and send an Accept header (text/html, text/markdown, application/json, application/ld+json). The ETag is the role version and the format, e.g. `"3-md"`.',
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
      return reply
        .header('etag', guideEtag(guide.version, format))
        .type(guide.contentType)
        .send(guide.body);
    },
  );
  done();
};
