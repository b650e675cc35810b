import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  createTerm,
  deleteTerm,
  getTerm,
  listTermRevisions,
  listTerms,
  revertTerm,
  updateTerm,
  type ServiceContext,
} from '../../../services/index.js';
import { etagOf } from '../../etag.js';
import { problemResponses } from '../../schemas/common.schema.js';
import {
  CreateTermBodySchema,
  ReplaceTermBodySchema,
  TermListQuerySchema,
  TermParamsSchema,
  TermPageSchema,
  TermSchema,
} from '../../schemas/term.schema.js';
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

const tags = ['terms'];

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
        response: { 200: TermPageSchema, ...problemResponses(400) },
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
        response: {
          200: versionedResponse(TermSchema, 'The term'),
          304: notModifiedResponse,
          ...problemResponses(404),
        },
      },
    },
    async (request, reply) => sendVersioned(reply, await getTerm(ctx, request.params.slug)),
  );

  app.post(
    '/terms',
    {
      config: { scope: 'write' },
      schema: {
        tags,
        security: writeSecurity,
        summary: 'Create a glossary term',
        body: CreateTermBodySchema,
        response: {
          201: createdResponse(TermSchema, 'The term, created'),
          ...problemResponses(400, 401, 403, 409, 413),
        },
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

  replaceRoute(
    app,
    '/terms/:slug',
    {
      tags,
      summary: 'Replace a glossary term (If-Match required)',
      params: TermParamsSchema,
      body: ReplaceTermBodySchema,
      entity: TermSchema,
    },
    ({ slug }, content, { actor, expectedVersion, options }) =>
      updateTerm(ctx, actor, slug, content, expectedVersion, options),
  );

  deleteRoute(
    app,
    '/terms/:slug',
    {
      tags,
      summary: 'Delete a term no role or term still uses (If-Match required)',
      params: TermParamsSchema,
      problems: [401, 403, 404, 409, 412, 428],
    },
    ({ slug }, { actor, expectedVersion, options }) =>
      deleteTerm(ctx, actor, slug, expectedVersion, options),
  );

  revisionsRoute(
    app,
    '/terms/:slug/revisions',
    { tags, summary: 'The revisions of a term, newest first', params: TermParamsSchema },
    ({ slug }, page, actor) => listTermRevisions(ctx, slug, page, actor),
  );

  revertRoute(
    app,
    '/terms/:slug/revert',
    {
      tags,
      summary: 'Bring back an earlier version of a term as a new one (If-Match required)',
      params: TermParamsSchema,
      entity: TermSchema,
    },
    ({ slug }, toVersion, { actor, expectedVersion, options }) =>
      revertTerm(ctx, actor, slug, toVersion, expectedVersion, options),
  );
  done();
};
