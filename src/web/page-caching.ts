import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The strong validator of a rendered body: a hash of what it says. A guide draws on more than
 * its role (related roles' names, glossary terms), so only the rendering itself tells whether
 * any of that changed.
 * @example contentEtag('# API Builder') === contentEtag('# API Builder')
 */
export const contentEtag = (body: string): string =>
  `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;

/**
 * The validator of a page the site sends compressed: weak, since the brotli, gzip and identity
 * bytes of one page all carry it, and a strong ETag promises the same bytes.
 * @example pageEtag('<p>hi</p>') === `W/${contentEtag('<p>hi</p>')}`
 */
export const pageEtag = (body: string): string => `W/${contentEtag(body)}`;

const OPAQUE_TAG = /^(?:W\/)?("[^"]*")$/;

/**
 * Whether If-None-Match names the representation's entity tag, compared weakly as RFC 9110
 * (13.1.2) has it: `*`, or a list of tags of which one is the same, weak or not.
 * @example noneMatchHolds('W/"3", "4"', '"3"') === true
 */
export const noneMatchHolds = (header: string | undefined, etag: string): boolean => {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const tag = OPAQUE_TAG.exec(etag)?.[1];
  return header.split(',').some((part) => OPAQUE_TAG.exec(part.trim())?.[1] === tag);
};

/** The site's own text: its pages, stylesheet and scripts, each validated by a hash of itself. */
const REVALIDATED = /^text\/(?:html|css|javascript)(?:;|$)/;

/**
 * Pages and files may be kept by a browser but are checked every time (`no-cache`), since a
 * write shows at once; the check costs a 304 and no body when nothing changed. A route that set
 * its own cache policy keeps it. HEAD runs the GET handler and must send the fields GET would,
 * validators included, and answer If-None-Match alike (RFC 9110, 9.3.2), or a cache revalidating
 * with HEAD never gets a validator. Registered before compression, so it hashes the text itself.
 */
export const pageCaching = fp((app: FastifyInstance) => {
  app.addHook('onSend', (request, reply, payload, done) => {
    if (
      (request.method !== 'GET' && request.method !== 'HEAD') ||
      reply.statusCode !== 200 ||
      typeof payload !== 'string' ||
      !REVALIDATED.test(String(reply.getHeader('content-type') ?? ''))
    ) {
      return done(null, payload);
    }
    const etag = pageEtag(payload);
    reply.header('etag', etag);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-cache');
    if (noneMatchHolds(request.headers['if-none-match'], etag)) {
      reply.status(304);
      return done(null, '');
    }
    return done(null, payload);
  });
});
