import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { problemOf, toAppError } from '../problem.js';

/** One handler turns every error into application/problem+json. */
export const errorsPlugin = fp((app: FastifyInstance) => {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code }, appError.message);
    return reply
      .status(appError.status)
      .type('application/problem+json')
      .send(problemOf(appError, request.id, request.url));
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .type('application/problem+json')
      .send(
        problemOf(
          toAppError({
            statusCode: 404,
            message: `No route for ${request.method} ${request.url.split('?')[0]}`,
          }),
          request.id,
        ),
      ),
  );
});
