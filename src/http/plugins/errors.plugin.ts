import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { AppError, limits } from '../../domain/index.js';
import { errorView, formAgainPage, prefersHtml, varyOn } from '../../web/index.js';
import { problemOf, toAppError, type BodyLimit } from '../problem.js';

const isApi = (request: FastifyRequest): boolean => /^\/v1(?:[/?]|$)/.test(request.url);

/** A browser on a site page gets an error page; /v1 always answers with a problem. */
export const wantsErrorPage = (request: FastifyRequest): boolean =>
  !isApi(request) && prefersHtml(request.headers.accept);

/**
 * Outside /v1 an error is a page or a problem document as Accept asks, so a shared cache must
 * keep the two apart (RFC 9110, 12.5.5): an API client must not be served a browser's page.
 */
const varyOnAcceptOutsideApi = (request: FastifyRequest, reply: FastifyReply): void => {
  if (!isApi(request)) varyOn(reply, 'accept');
};

const sendErrorPage = (
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message?: string,
) => {
  const { account } = request;
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .send(
      errorView({
        status,
        ...(message !== undefined ? { message } : {}),
        requestId: request.id,
        ...(account !== undefined
          ? { signedInAs: { name: account.name, role: account.role } }
          : {}),
      }),
    );
};

/** A path with a limit of its own (a sheet's 5 MiB) is not changed by the server's setting. */
const bodyLimitOf = (request: FastifyRequest): BodyLimit | undefined => {
  const bytes = request.routeOptions.bodyLimit;
  if (bytes === undefined) return undefined;
  return bytes === request.server.initialConfig.bodyLimit
    ? { bytes, setting: 'BODY_LIMIT_BYTES' }
    : { bytes };
};

/**
 * Answers any error: application/problem+json, or for a browser a page (the refused form again
 * when the route has one, else an error page). Also the answer to errors the router raises
 * before a route is found (a malformed URL, an over-long parameter).
 */
export const sendProblem = async (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
  // A client that hung up mid-body is not a fault of ours, and nobody is left to answer.
  if (request.raw.socket.destroyed && !request.raw.complete) {
    request.log.info('the client closed the connection before the request arrived whole');
    return reply.status(400).send();
  }
  const appError = toAppError(error, bodyLimitOf(request));
  // An outage answers every request with 503: one warning each, not a stack trace each.
  if (appError.code === 'unavailable') request.log.warn({ code: appError.code }, appError.message);
  else if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: appError.code }, appError.message);
  // Refused before its body was read whole: reading the rest only to drop it would hold the
  // connection as long as the client keeps sending.
  if (appError.status === 413 && !request.raw.complete) void reply.header('connection', 'close');
  // RFC 9110 (11.6.1): a 401 names the scheme that would be accepted.
  if (appError.status === 401) void reply.header('www-authenticate', 'Bearer realm="rolebook"');
  varyOnAcceptOutsideApi(request, reply);
  const { retryAfterSeconds } = appError;
  if (retryAfterSeconds !== undefined) void reply.header('retry-after', String(retryAfterSeconds));
  if (wantsErrorPage(request)) {
    // A browser gets back the form it posted; a script posting to the same route keeps its
    // problem document, whatever the route's form looks like.
    const formAgain = await formAgainPage(request, reply, appError);
    if (formAgain !== undefined) {
      return reply
        .status(appError.status)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(formAgain);
    }
    return sendErrorPage(request, reply, appError.status, appError.message);
  }
  return reply
    .status(appError.status)
    .type('application/problem+json')
    .send(problemOf(appError, request.id, request.url));
};

// OPTIONS is not looked up: every path that answers anything answers it (CORS routes it for
// every path when origins are listed), so it is added to the list of each known path.
const ROUTED_METHODS: HTTPMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The methods each path answers, learnt as routes are added: a known path asked with another
 * method gets 405 and an Allow header (RFC 9110, 15.5.6), and OPTIONS gets the list, OPTIONS
 * itself included.
 */
const methodsByPath = (app: FastifyInstance) => {
  const router = FindMyWay({ maxParamLength: 3 * limits.code });
  const noop = () => undefined;
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat() as HTTPMethod[]) {
      if (!router.hasRoute(method, route.url)) router.on(method, route.url, noop);
    }
  });
  return (path: string): HTTPMethod[] => {
    const routed = ROUTED_METHODS.filter((m) => router.find(m, path) !== null);
    return routed.length === 0 ? routed : [...routed, 'OPTIONS'];
  };
};

/** One handler turns every error into application/problem+json, or a page for a browser. */
export const errorsPlugin = fp((app: FastifyInstance) => {
  app.setErrorHandler(sendProblem);
  const allowedAt = methodsByPath(app);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const allowed = allowedAt(path);
    // A route that answers this method but found nothing (a file the docs' static files lack)
    // is a 404, not a 405 naming the very method that was used.
    if (allowed.length > 0 && request.method === 'OPTIONS') {
      return reply.header('allow', allowed.join(', ')).status(204).send();
    }
    if (allowed.length > 0 && !allowed.includes(request.method as HTTPMethod)) {
      void reply.header('allow', allowed.join(', '));
      return sendProblem(
        new AppError(
          'method_not_allowed',
          `${path} answers ${allowed.join(', ')}, not ${request.method}.`,
        ),
        request,
        reply,
      );
    }
    varyOnAcceptOutsideApi(request, reply);
    return wantsErrorPage(request)
      ? sendErrorPage(request, reply, 404)
      : reply
          .status(404)
          .type('application/problem+json')
          .send(
            problemOf(
              toAppError({ statusCode: 404, message: `No route for ${request.method} ${path}` }),
              request.id,
              request.url,
            ),
          );
  });
});
