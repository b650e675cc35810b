import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { noneMatchHolds } from '../../web/index.js';

/**
 * Answers a GET or HEAD whose If-None-Match names the ETag a route set with 304 and no body
 * (RFC 9110, 13.1.2): a client that kept a role, a term or a guide checks it for the price of
 * the headers. Routes set their ETags; this only compares.
 */
export const conditionalGetPlugin = fp((app: FastifyInstance) => {
  app.addHook('onSend', (request, reply, payload, done) => {
    const etag = reply.getHeader('etag');
    if (
      (request.method !== 'GET' && request.method !== 'HEAD') ||
      reply.statusCode !== 200 ||
      typeof etag !== 'string' ||
      !noneMatchHolds(request.headers['if-none-match'], etag)
    ) {
      return done(null, payload);
    }
    reply.status(304);
    return done(null, '');
  });
});
