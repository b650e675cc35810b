import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import type { TSchema } from 'typebox';
import { validatorFor } from '../domain/index.js';
import type { ServiceContext } from '../services/index.js';
import { authPlugin } from './plugins/auth.plugin.js';
import { errorsPlugin } from './plugins/errors.plugin.js';
import { metricsPlugin } from './plugins/metrics.plugin.js';
import { healthRoutes } from './routes/health.routes.js';
import { lintRoutes } from './routes/v1/lint.routes.js';
import { analysisRoutes } from './routes/v1/analysis.routes.js';
import { normalizeRoutes } from './routes/v1/normalize.routes.js';
import { rolesRoutes } from './routes/v1/roles.routes.js';
import { taxonomiesRoutes } from './routes/v1/taxonomies.routes.js';
import { termsRoutes } from './routes/v1/terms.routes.js';
import { guidesRoutes } from './routes/v1/guides.routes.js';
import { webRoutes } from '../web/index.js';
import { ProblemSchema } from './schemas/common.schema.js';

export interface AppOptions {
  ctx: ServiceContext;
  logLevel?: string;
  bodyLimitBytes?: number;
  trustProxy?: boolean;
  version?: string;
  /** Origin for canonical URLs and JSON-LD in guides; relative links without it. */
  publicUrl?: string | undefined;
}

/** The whole HTTP front door: API under /v1, its OpenAPI document, operations endpoints. */
export const buildApp = async (options: AppOptions) => {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    bodyLimit: options.bodyLimitBytes ?? 1_048_576,
    trustProxy: options.trustProxy ?? false,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<TypeBoxTypeProvider>();
  // One validator for every front door: a body is judged as a content file or a pack would be.
  app.setValidatorCompiler(({ schema, httpPart }) =>
    validatorFor(schema as TSchema, { coerce: httpPart !== 'body' }),
  );

  app.addHook('onSend', (request, reply, _payload, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  await app.register(errorsPlugin);
  await app.register(metricsPlugin);
  await app.register(authPlugin, { ctx: options.ctx });
  app.addSchema(ProblemSchema);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rolebook API',
        version: options.version ?? '0.1.0',
        description:
          'Role guides for the people who hire: roles, glossary terms, guides, title normalization. Reads of published content are public; writes need an API key.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API key from `rolebook keys create`.',
          },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/v1/docs' });

  await app.register(healthRoutes, { ctx: options.ctx });
  await app.register(
    async (v1) => {
      await v1.register(taxonomiesRoutes, { ctx: options.ctx });
      await v1.register(rolesRoutes, { ctx: options.ctx });
      await v1.register(termsRoutes, { ctx: options.ctx });
      await v1.register(lintRoutes, { ctx: options.ctx });
      await v1.register(normalizeRoutes, { ctx: options.ctx });
      await v1.register(analysisRoutes, { ctx: options.ctx });
      await v1.register(guidesRoutes, { ctx: options.ctx, baseUrl: options.publicUrl ?? '' });
      v1.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
    },
    { prefix: '/v1' },
  );
  await app.register(webRoutes, { ctx: options.ctx, baseUrl: options.publicUrl });
  return app;
};

export type App = Awaited<ReturnType<typeof buildApp>>;
