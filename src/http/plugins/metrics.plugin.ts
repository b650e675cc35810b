import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from 'typebox';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

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

/**
 * The metrics at /metrics, as a route of its own: registered after the OpenAPI plugin, which
 * only describes the routes added after it, while the hook above must see every request.
 */
export const metricsRoutes = (app: FastifyInstance, _options: unknown, done: () => void) => {
  const registry = app.metricsRegistry;
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics: process figures and request latency by route',
        description:
          'The Prometheus text exposition format. `rolebook_http_request_duration_seconds` is a histogram labelled by method, route (the route pattern, or `unmatched`) and status; the rest are the Node.js process figures of prom-client.',
        response: {
          200: {
            description: 'The metrics, in the Prometheus text format',
            content: { [registry.contentType]: { schema: Type.String() } },
          },
        },
      },
    },
    async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
  );
  done();
};
