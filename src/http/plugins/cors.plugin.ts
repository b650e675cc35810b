import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Lets the browser pages of the listed origins (an ATS, an intranet) call the API under /v1,
 * with an API key in Authorization and If-Match on writes; ETag and Retry-After are readable.
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
      exposedHeaders: ['etag', 'location', 'retry-after', 'x-request-id'],
      credentials: false,
      maxAge: 600,
    });
  },
);
