import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  faviconSvg,
  sitePaths,
  siteCss,
  siteScripts,
  stylesheetHref,
  stylesheetPath,
} from './views/index.js';

/** The hash the pages put in the stylesheet's URL; it changes whenever the CSS does. */
const currentVersion = new URL(stylesheetHref, 'http://localhost').searchParams.get('v') ?? '';

/**
 * The site's one stylesheet and its scripts. Asked for by the hashed URL the pages link, it is cached for a
 * year (a new stylesheet gets a new URL); asked for any other way, it is revalidated each time,
 * against the ETag every page and file of the site gets (`pageCaching`).
 */
export const staticRoutes: FastifyPluginCallbackTypebox = (app, _options, done) => {
  app.get(
    stylesheetPath,
    {
      schema: {
        hide: true,
        querystring: Type.Object({ v: Type.Optional(Type.String({ maxLength: 64 })) }),
      },
    },
    (request, reply) =>
      reply
        .type('text/css; charset=utf-8')
        .header(
          'cache-control',
          request.query.v === currentVersion ? 'public, max-age=31536000, immutable' : 'no-cache',
        )
        .send(siteCss),
  );
  for (const { path, source, href } of Object.values(siteScripts)) {
    const version = new URL(href, 'http://localhost').searchParams.get('v') ?? '';
    app.get(
      path,
      { schema: { hide: true, querystring: Type.Object({ v: Type.Optional(Type.String()) }) } },
      (request, reply) =>
        reply
          .type('text/javascript; charset=utf-8')
          .header(
            'cache-control',
            request.query.v === version ? 'public, max-age=31536000, immutable' : 'no-cache',
          )
          .send(source),
    );
  }
  app.get(sitePaths.favicon, { schema: { hide: true } }, (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=604800').send(faviconSvg),
  );
  // Browsers ask for /favicon.ico on their own, whatever the page links.
  app.get('/favicon.ico', { schema: { hide: true } }, (_request, reply) =>
    reply.header('cache-control', 'public, max-age=604800').redirect(sitePaths.favicon, 301),
  );
  done();
};
