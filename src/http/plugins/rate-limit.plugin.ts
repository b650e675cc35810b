import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../domain/index.js';
import { isOperationsPath } from '../operations.js';

/** One client: its API key when it sent one, its address otherwise. */
export const clientOf = (request: FastifyRequest): string =>
  request.actor ? `key:${request.actor.id}` : `ip:${request.ip}`;

/**
 * Caps the requests one client makes per minute, answering 429 with Retry-After beyond it. The
 * count is kept per instance: behind a load balancer, each instance allows the full rate.
 * Registered after authentication, so a key's requests count against the key.
 */
export const rateLimitPlugin = fp(
  async (app: FastifyInstance, options: { requestsPerMinute: number }) => {
    if (options.requestsPerMinute === 0) return;
    await app.register(rateLimit, {
      max: options.requestsPerMinute,
      timeWindow: 60_000,
      keyGenerator: clientOf,
      allowList: (request) => isOperationsPath(request.url),
      errorResponseBuilder: (_request, context) =>
        new AppError(
          'rate_limited',
          `This client made more than ${context.max} requests in a minute; try again in ${context.after}.`,
          [],
          { retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)) },
        ),
    });
  },
);
