import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { BUILT_IN_TAXONOMY } from '../domain/index.js';
import {
  GuideFormatSchema,
  guideFormats,
  renderGuide,
  termPath,
  type GuideFormat,
} from '../guides/index.js';
import { guideFormatFor } from './guide-format.js';
import { pageEtag } from './page-caching.js';
import { publicOrigin } from './public-origin.js';
import {
  getGuideView,
  mayEdit,
  type RoleRef,
  type ServiceContext,
  termNamedBy,
} from '../services/index.js';
import { editorPaths, guidePageView } from './views/index.js';

const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 1000 }) });
const RoleParams = Type.Object({
  taxonomy: Type.String({ minLength: 1, maxLength: 40 }),
  code: Type.String({ minLength: 1, maxLength: 1000 }),
});
// Other query values (a campaign tag on a pasted link) are let through: the page ignores them.
const GuideQuery = Type.Object({ format: Type.Optional(GuideFormatSchema) });

/**
 * A role's guide at `/roles/{code}` (built-in library) and `/roles/{taxonomy}/{code}` (codes
 * with a slash arrive %2F-encoded in one segment). One URL, four formats: `?format=` or else the
 * Accept header picks HTML (the site's page), Markdown, the JSON view or JSON-LD; an Accept
 * allowing none is a 406. A link carries no headers, so the query wins over Accept.
 */
export const guidePageRoutes: FastifyPluginCallbackTypebox<{
  ctx: ServiceContext;
  baseUrl: string;
}> = (app, { ctx, baseUrl }, done) => {
  const serveGuide = async (
    request: FastifyRequest,
    reply: FastifyReply,
    ref: RoleRef,
    asked: GuideFormat | undefined,
  ) => {
    const format = asked ?? guideFormatFor(request.headers.accept);
    const view = await getGuideView(ctx, ref, {
      baseUrl: publicOrigin(baseUrl, request),
      actor: request.actor,
    });
    if (asked === undefined) reply.header('vary', 'Accept');
    const termOf = await termNamedBy(ctx);
    const termPageOf = (name: string) => {
      const slug = termOf(name);
      return slug === undefined ? undefined : termPath(slug);
    };
    // An editor's page links to the editor: it is theirs alone, validated by what it says.
    const editHref = mayEdit(request.actor) ? editorPaths.role(ref.taxonomy, ref.code) : undefined;
    if (format === 'html' && editHref !== undefined) {
      reply.header('cache-control', 'private, no-cache');
      return reply
        .type(guideFormats.html.contentType)
        .send(guidePageView(view, termPageOf, editHref));
    }
    if (format === 'html') {
      return reply.type(guideFormats.html.contentType).send(guidePageView(view, termPageOf));
    }
    const { body, contentType } = renderGuide(view, format);
    return reply.header('etag', pageEtag(body)).type(contentType).send(body);
  };

  app.get(
    '/roles/:code',
    { schema: { hide: true, params: CodeParams, querystring: GuideQuery } },
    (request, reply) =>
      serveGuide(
        request,
        reply,
        { taxonomy: BUILT_IN_TAXONOMY, code: request.params.code },
        request.query.format,
      ),
  );
  app.get(
    '/roles/:taxonomy/:code',
    { schema: { hide: true, params: RoleParams, querystring: GuideQuery } },
    (request, reply) => serveGuide(request, reply, request.params, request.query.format),
  );
  done();
};
