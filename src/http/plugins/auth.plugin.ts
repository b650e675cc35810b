import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../domain/index.js';
import { isOperationsPath } from '../operations.js';
import {
  authenticate,
  authorize,
  type Actor,
  type Scope,
  type ServiceContext,
} from '../../services/index.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope the route's use case needs: checked before the body is read or validated. */
    scope?: Scope;
  }
  interface FastifyRequest {
    /** Set when the request carried a valid API key; reads need none. */
    actor: Actor | undefined;
  }
}

const secretOf = (headers: Record<string, string | string[] | undefined>): string | undefined => {
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new AppError('unauthorized', 'Authorization must be "Bearer <api key>".');
    return match[1];
  }
  const key = headers['x-api-key'];
  return typeof key === 'string' ? key : undefined;
};

/**
 * Resolves the API key, if any, before the route runs; a bad key is refused outright. A route
 * whose use case needs a scope refuses an actor without it here, with the rule the use case
 * itself applies, so a caller without a key learns 401 before anything about its body.
 */
export const authPlugin = fp((app: FastifyInstance, options: { ctx: ServiceContext }) => {
  app.decorateRequest('actor', undefined);
  app.addHook('onRequest', async (request) => {
    if (isOperationsPath(request.url)) return;
    const secret = secretOf(request.headers);
    if (secret !== undefined) request.actor = await authenticate(options.ctx, secret);
    const scope = request.routeOptions.config.scope;
    if (scope) authorize(request.actor, scope);
  });
});
