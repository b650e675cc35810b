import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { SKIPPED_LINES_HEADER } from '../../services/index.js';

/**
 * Lets the browser pages of the listed origins (an ATS, an intranet) call the API under /v1,
 * with an API key in Authorization and If-Match on writes; ETag, Retry-After and the count of
 * lines a CSV answer skipped are readable.
 * No origin is listed by default, and cookies are never sent cross-origin.
 */
export const corsPlugin = fp(
  async (app: FastifyInstance, options: { origins: readonly string[] }) => {
    if (options.origins.length === 0) return;
    const allowed = new Set(options.origins);
    await app.register(cors, {
      origin: (origin, callback) => {
        callback(null, origin !== undefined && allowed.has(origin));
      },
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'if-match', 'x-request-id'],
      exposedHeaders: ['etag', 'location', 'retry-after', 'x-request-id', SKIPPED_LINES_HEADER],
      credentials: false,
      maxAge: 600,
    });
  },
);
