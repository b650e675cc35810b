import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../domain/index.js';
import { isOperationsPath } from '../operations.js';
import {
  authenticate,
  authorize,
  sessionUser,
  type AccountPolicy,
  type Actor,
  type Scope,
  type ServiceContext,
  type SessionHolder,
} from '../../services/index.js';
import { SESSION_COOKIE } from '../../web/index.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope the route's use case needs: checked before the body is read or validated. */
    scope?: Scope;
  }
  interface FastifyRequest {
    /** Set when the request carried a valid API key or session; reads need none. */
    actor: Actor | undefined;
    /** The signed-in user, when the actor came from a session cookie. */
    account: SessionHolder['user'] | undefined;
    /** Why the credentials sent were refused, answered once the request has been counted. */
    refusal: Error | undefined;
  }
}

const secretOf = (request: FastifyRequest): string | undefined => {
  const { headers } = request;
  const sent = request.raw.rawHeaders.filter(
    (name, i) => i % 2 === 0 && /^(?:authorization|x-api-key)$/i.test(name),
  ).length;
  // Node keeps the first of two Authorization headers: which key was meant is not ours to guess.
  if (sent > 1) {
    throw new AppError(
      'bad_request',
      'Send one API key, in one Authorization or X-API-Key header, not several.',
      [{ field: 'headers.authorization', message: 'is given more than once' }],
    );
  }
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new AppError('unauthorized', 'Authorization must be "Bearer <api key>".');
    return match[1];
  }
  const key = headers['x-api-key'];
  return typeof key === 'string' ? key : undefined;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a session cookie may stand for its user on this request. Pages check a CSRF token on
 * every form that changes something. The API has no token, so a change through it counts the
 * cookie only when the browser says the request came from one of our own pages: its `Origin`
 * is ours (the public URL's, or the one the request was sent to), or, with no `Origin`,
 * `Sec-Fetch-Site` says same-origin. An `Origin` sent decides alone: a request may carry any
 * other header beside it, and one from another site's origin is another site's whatever else it
 * claims. Another site's page, even one SameSite lets through (a sibling subdomain), acts
 * anonymously.
 */
const sessionApplies = (request: FastifyRequest, publicOrigin: string | undefined): boolean => {
  if (SAFE_METHODS.has(request.method) || !/^\/v1(?:[/?]|$)/.test(request.url)) return true;
  const origin = request.headers.origin;
  if (origin !== undefined) {
    return origin === publicOrigin || origin === `${request.protocol}://${request.host}`;
  }
  // No Origin says nothing of where the request came from: not even a site without PUBLIC_URL.
  return request.headers['sec-fetch-site'] === 'same-origin';
};

/**
 * Resolves the API key or the session cookie, if any, before the route runs; a bad key is
 * refused, a session that is over is ignored (the request is anonymous). A route whose use case
 * needs a scope refuses an actor without it here, with the rule the use case itself applies, so
 * a caller without a key learns 401 before anything about its body.
 */
export const authPlugin = fp(
  async (
    app: FastifyInstance,
    options: {
      ctx: ServiceContext;
      accounts: AccountPolicy;
      /** PUBLIC_URL: behind a TLS proxy, the site's own origin is not the one a request names. */
      publicUrl: string | undefined;
    },
  ) => {
    const publicOrigin =
      options.publicUrl === undefined ? undefined : new URL(options.publicUrl).origin;
    await app.register(cookie);
    app.decorateRequest('actor', undefined);
    app.decorateRequest('account', undefined);
    app.decorateRequest('refusal', undefined);
    app.addHook('onRequest', async (request) => {
      if (isOperationsPath(request.url)) return;
      try {
        const secret = secretOf(request);
        const session = request.cookies[SESSION_COOKIE];
        if (secret !== undefined) {
          request.actor = await authenticate(options.ctx, secret);
        } else if (session !== undefined && sessionApplies(request, publicOrigin)) {
          const holder = await sessionUser(options.ctx, options.accounts, session);
          request.actor = holder?.actor;
          request.account = holder?.user;
        }
      } catch (error) {
        request.refusal = error as Error;
      }
    });
    // The refusal waits until the rate limit (a hook of each route, so run after this plugin's)
    // has counted the request: a client guessing keys is limited like any other.
    app.addHook('preParsing', async (request, _reply, payload) => {
      if (request.refusal !== undefined) throw request.refusal;
      const scope = request.routeOptions.config.scope;
      if (scope) authorize(request.actor, scope);
      return payload;
    });
  },
);
