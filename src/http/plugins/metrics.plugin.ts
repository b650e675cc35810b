import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from 'typebox';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { AppError } from '../../domain/index.js';
import { problemResponses } from '../schemas/common.schema.js';

declare module 'fastify' {
  interface FastifyInstance {
    metricsRegistry: Registry;
  }
}

/** Prometheus metrics: process figures and a latency histogram per route. */
export const metricsPlugin = fp((app: FastifyInstance) => {
  const registry = new Registry();
  app.decorate('metricsRegistry', registry);
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'rolebook_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', (request, reply, done) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
});

const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Who may read the metrics: they name every route and how the process fares, so not anyone.
 * With a token, whoever sends it as a bearer; without one, this machine only (a scraper beside
 * the server, or a proxy that says whom it forwards for, with TRUST_PROXY).
 */
const metricsReaders = (token: string | undefined) => {
  const expected = token === undefined ? undefined : digest(token);
  return (request: FastifyRequest): void => {
    if (expected === undefined) {
      if (LOOPBACK.test(request.ip)) return;
      throw new AppError(
        'forbidden',
        'The metrics are served to this machine only; set METRICS_TOKEN to read them from elsewhere.',
      );
    }
    const sent = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    // Digests of equal length, compared in constant time, say nothing of the token's length.
    if (sent === undefined || !timingSafeEqual(digest(sent), expected)) {
      throw new AppError('unauthorized', 'Send the metrics token as a bearer token.');
    }
  };
};

/**
 * The metrics at /metrics, as a route of its own: registered after the OpenAPI plugin, which
 * only describes the routes added after it, while the hook above must see every request.
 */
export const metricsRoutes = (
  app: FastifyInstance,
  options: { token?: string | undefined },
  done: () => void,
) => {
  const registry = app.metricsRegistry;
  const allowed = metricsReaders(options.token);
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics: process figures and request latency by route',
        description:
          'Served to the server’s own machine, or to a client that sends METRICS_TOKEN as a bearer token. The Prometheus text exposition format. `rolebook_http_request_duration_seconds` is a histogram labelled by method, route (the route pattern, or `unmatched`) and status; the rest are the Node.js process figures of prom-client.',
        response: {
          200: {
            description: 'The metrics, in the Prometheus text format',
            content: { [registry.contentType]: { schema: Type.String() } },
          },
          ...problemResponses(401, 403),
        },
      },
    },
    async (request, reply) => {
      allowed(request);
      return reply.type(registry.contentType).send(await registry.metrics());
    },
  );
  done();
};
