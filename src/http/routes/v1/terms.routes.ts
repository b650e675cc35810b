import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { TermContentSchema } from '../../../domain/index.js';
import {
  createTerm,
  deleteTerm,
  getTerm,
  listTermRevisions,
  listTerms,
  updateTerm,
  type ServiceContext,
} from '../../../services/index.js';
import { etagOf, versionFromIfMatch } from '../../etag.js';
import {
  IfMatchHeaders,
  PageQuerySchema,
  pageOf,
  problemResponses,
} from '../../schemas/common.schema.js';
import { RevisionSchema } from '../../schemas/role.schema.js';
import {
  CreateTermBodySchema,
  TermListQuerySchema,
  TermParamsSchema,
  TermSchema,
} from '../../schemas/term.schema.js';

const tags = ['terms'];
const security = [{ apiKey: [] }];

export const termsRoutes: FastifyPluginCallbackTypebox<{ ctx: ServiceContext }> = (
  app,
  { ctx },
  done,
) => {
  app.get(
    '/terms',
    {
      schema: {
        tags,
        summary: 'List and search glossary terms',
        querystring: TermListQuerySchema,
        response: { 200: pageOf(TermSchema), ...problemResponses(400) },
      },
    },
    (request) => listTerms(ctx, request.query),
  );

  app.get(
    '/terms/:slug',
    {
      schema: {
        tags,
        summary: 'Get one glossary term',
        params: TermParamsSchema,
        response: { 200: TermSchema, ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const term = await getTerm(ctx, request.params.slug);
      return reply.header('etag', etagOf(term.version)).send(term);
    },
  );

  app.post(
    '/terms',
    {
      schema: {
        tags,
        security,
        summary: 'Create a glossary term',
        body: CreateTermBodySchema,
        response: { 201: TermSchema, ...problemResponses(400, 401, 403, 409, 413) },
      },
    },
    async (request, reply) => {
      const { slug, ...content } = request.body;
      const term = await createTerm(ctx, request.actor, slug, content, { requestId: request.id });
      return reply
        .status(201)
        .header('etag', etagOf(term.version))
        .header('location', `/v1/terms/${slug}`)
        .send(term);
    },
  );

  app.put(
    '/terms/:slug',
    {
      schema: {
        tags,
        security,
        summary: 'Replace a glossary term (If-Match required)',
        params: TermParamsSchema,
        headers: IfMatchHeaders,
        body: TermContentSchema,
        response: { 200: TermSchema, ...problemResponses(400, 401, 403, 404, 409, 412, 413, 428) },
      },
    },
    async (request, reply) => {
      const term = await updateTerm(
        ctx,
        request.actor,
        request.params.slug,
        request.body,
        versionFromIfMatch(request.headers['if-match']),
        { requestId: request.id },
      );
      return reply.header('etag', etagOf(term.version)).send(term);
    },
  );

  app.delete(
    '/terms/:slug',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a term no role or term still uses (If-Match required)',
        params: TermParamsSchema,
        headers: IfMatchHeaders,
        response: { 204: Type.Null(), ...problemResponses(401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      await deleteTerm(
        ctx,
        request.actor,
        request.params.slug,
        versionFromIfMatch(request.headers['if-match']),
        {
          requestId: request.id,
        },
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/terms/:slug/revisions',
    {
      schema: {
        tags,
        summary: 'The revisions of a term, newest first',
        params: TermParamsSchema,
        querystring: Type.Object(PageQuerySchema, { additionalProperties: false }),
        response: { 200: Type.Array(RevisionSchema), ...problemResponses(404) },
      },
    },
    (request) => listTermRevisions(ctx, request.params.slug, request.query),
  );
  done();
};
