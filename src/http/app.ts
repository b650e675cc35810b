import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { answerClientError, refuseConnect } from './client-errors.js';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type RouteOptions } from 'fastify';
import type { TSchema } from 'typebox';
import { limits as fieldLimits, validatorFor } from '../domain/index.js';
import type { ServiceContext } from '../services/index.js';
import {
  defaultServerLimits,
  productVersion,
  type ServerLimits,
  type TrustProxy,
} from '../config.js';
import { authPlugin } from './plugins/auth.plugin.js';
import { bodiesPlugin, refuseUnreadMediaTypes } from './plugins/bodies.plugin.js';
import { conditionalGetPlugin } from './plugins/conditional-get.plugin.js';
import { corsPlugin } from './plugins/cors.plugin.js';
import { limitsPlugin } from './plugins/limits.plugin.js';
import { rateLimitPlugin } from './plugins/rate-limit.plugin.js';
import { securityHeadersFor, securityHeadersPlugin } from './plugins/security-headers.plugin.js';
import { errorsPlugin, sendProblem, wantsErrorPage } from './plugins/errors.plugin.js';
import { metricsPlugin, metricsRoutes } from './plugins/metrics.plugin.js';
import { healthRoutes } from './routes/health.routes.js';
import { adminRoutes } from './routes/v1/admin.routes.js';
import { draftsRoutes } from './routes/v1/drafts.routes.js';
import { usersRoutes } from './routes/v1/users.routes.js';
import { lintRoutes } from './routes/v1/lint.routes.js';
import { analysisRoutes } from './routes/v1/analysis.routes.js';
import { jobsRoutes } from './routes/v1/jobs.routes.js';
import { normalizeRoutes } from './routes/v1/normalize.routes.js';
import { rolesRoutes } from './routes/v1/roles.routes.js';
import { taxonomiesRoutes } from './routes/v1/taxonomies.routes.js';
import { termsRoutes } from './routes/v1/terms.routes.js';
import { guidesRoutes } from './routes/v1/guides.routes.js';
import { apiConsoleTheme, webRoutes } from '../web/index.js';
import { openApiDocument } from './openapi.js';
import { forwardedHostProblem, forwardedProtoProblem, hostProblem } from './host.js';
import { bodyCodingProblem, codingProblem } from './content-coding.js';
import { hasBody, repeatedContentTypeProblem } from './media-type.js';
import { queryEncodingProblem } from './query-encoding.js';
import { NoQuerySchema, ProblemSchema } from './schemas/common.schema.js';
import { namedSchemas } from './schemas/components.js';
import { StreamSlots } from './stream-slots.js';
import { holdToUploadRate } from './upload-rate.js';

export interface AppOptions {
  ctx: ServiceContext;
  logLevel?: string;
  /** Where log lines go (standard output unless given). */
  logStream?: NodeJS.WritableStream;
  /** Any limit left out keeps its default (`defaultServerLimits`). */
  limits?: Partial<ServerLimits>;
  /** Which peers' X-Forwarded-* headers are believed; none without it. */
  trustProxy?: TrustProxy;
  /** Origins whose browser pages may call the API; none without it. */
  corsOrigins?: readonly string[];
  /** Origin for canonical URLs and JSON-LD in guides; relative links without it. */
  publicUrl?: string | undefined;
  /** The bearer token for /metrics from other machines; this machine only without it. */
  metricsToken?: string | undefined;
}

/**
 * A client's request id is kept when it is a plain token, so logs across services line up; any
 * other (markup, kilobytes) is replaced, never stored in the audit log or echoed.
 */
const requestIdOf = (request: IncomingMessage): string => {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
};

/**
 * Fastify's own hop count believes no peer's X-Forwarded-Proto and -Host, so a count is given as
 * a predicate: the nearest `hops` addresses (the connecting peer is hop 0) are proxies, and the
 * address past them is the client's, whatever a client wrote further left.
 */
const fastifyTrust = (trust: TrustProxy) =>
  typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;

/**
 * An operation that declares no query parameters refuses any it is given, naming it, as the
 * operations that declare some refuse the others: `GET /v1/roles/x?expand=all` must not look as if
 * `expand` were read.
 */
const refuseUndeclaredQuery = (route: RouteOptions): void => {
  if (route.schema?.querystring !== undefined) return;
  route.schema = { ...route.schema, querystring: NoQuerySchema };
};

/** The whole HTTP front door: API under /v1, its OpenAPI document, operations endpoints. */
export const buildApp = async (options: AppOptions) => {
  const limits: ServerLimits = { ...defaultServerLimits, ...options.limits };
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: limits.bodyBytes,
    trustProxy: fastifyTrust(options.trustProxy ?? false),
    connectionTimeout: limits.idleTimeoutMs,
    // Idle keep-alive connections are cheap to reopen and costly to hold by the thousand.
    keepAliveTimeout: 5_000,
    serverFactory: (handler) =>
      createServer(
        {
          headersTimeout: limits.headersTimeoutMs,
          requestTimeout: limits.requestTimeoutMs,
          // How often the two timeouts above are checked; the default (30 s) would let a
          // stalled request outlive its headers timeout threefold.
          connectionsCheckingInterval: 1_000,
          // Node would refuse a request without Host with a bare 400; `hostProblem` names it.
          requireHostHeader: false,
        },
        handler,
      )
        // An expectation other than 100-continue is ignored (RFC 9110 permits it) rather than
        // answered with Node's bare 417, which no operation declares.
        .on('checkExpectation', handler)
        .on('connect', refuseConnect),
    requestIdHeader: false,
    genReqId: requestIdOf,
    // Codes up to the longest a role code may be, percent-encoded (ESCO URIs are codes too).
    routerOptions: { maxParamLength: 3 * fieldLimits.code },
    clientErrorHandler: answerClientError,
    frameworkErrors: (error, request, reply) => {
      // The router answers a path it cannot decode from a context of its own, where none of the
      // hooks below run: the headers they give every answer are given here.
      void reply.headers({
        ...securityHeadersFor(wantsErrorPage(request) ? 'text/html' : 'application/problem+json'),
        'x-request-id': request.id,
      });
      void sendProblem(error, request, reply);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // One validator for every front door: a body is judged as a content file or a pack would be.
  app.setValidatorCompiler(({ schema, httpPart }) =>
    validatorFor(schema as TSchema, { coerce: httpPart !== 'body' }),
  );

  app.addHook('onRequest', (request, _reply, done) => {
    done(
      hostProblem(request.raw, options.publicUrl) ??
        forwardedHostProblem(request) ??
        forwardedProtoProblem(request) ??
        queryEncodingProblem(request.url) ??
        codingProblem(request.headers) ??
        repeatedContentTypeProblem(request.raw) ??
        (hasBody(request) ? bodyCodingProblem(request.headers) : undefined),
    );
  });
  app.addHook('onSend', (request, reply, _payload, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  await app.register(limitsPlugin, limits);
  await app.register(bodiesPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(corsPlugin, { origins: options.corsOrigins ?? [] });
  await app.register(errorsPlugin);
  await app.register(conditionalGetPlugin);
  await app.register(metricsPlugin);
  await app.register(authPlugin, {
    ctx: options.ctx,
    accounts: limits,
    publicUrl: options.publicUrl,
  });
  await app.register(rateLimitPlugin, { requestsPerMinute: limits.requestsPerMinute });
  app.addSchema(ProblemSchema);

  await app.register(
    swagger,
    openApiDocument(namedSchemas, {
      openapi: '3.1.0',
      info: {
        title: 'Rolebook API',
        version: productVersion,
        description:
          'Role guides for the people who hire: roles, glossary terms, guides, title normalization. Reads of published content are public; writes need an API key.\n\n' +
          'Every path answers OPTIONS with 204 and an `Allow` header listing its methods. A method a path does not list is answered 405 (`method_not_allowed`) with the same `Allow` header; a JSON body that gives a field twice in one object is refused with 400.',
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
    }),
  );
  await app.register(swaggerUi, {
    routePrefix: '/v1/docs',
    theme: apiConsoleTheme,
    // A deep link inside each operation's toggle would be a control within a control. The base
    // layout leaves out Swagger's own top bar (the site's bar replaces it), whose logo carries
    // an inline style element the console's policy refuses.
    uiConfig: { deepLinking: false, layout: 'BaseLayout' },
    staticCSP: true,
    // No framing, as for every page; and no upgrade of its own requests to https, which left the
    // console blank when served over plain http by any name but localhost.
    transformStaticCSP: (policy) =>
      policy
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        .replace(' upgrade-insecure-requests;', ''),
  });

  // One count for every answer that streams: the API's batches, bulk job results and the
  // site's CSV downloads.
  const streamSlots = new StreamSlots({
    perClient: limits.streamsPerClient,
    total: limits.streams,
    minBytes: limits.streamMinBytes,
    windowMs: limits.streamWindowMs,
  });
  // What a bulk job's upload must bring while it arrives, through the API or the site's form.
  const uploadRate = { minBytes: limits.streamMinBytes, windowMs: limits.streamWindowMs };
  await app.register(healthRoutes, { ctx: options.ctx });
  await app.register(metricsRoutes, { token: options.metricsToken });
  await app.register(
    async (v1) => {
      v1.addHook('preParsing', refuseUnreadMediaTypes);
      v1.addHook('onRoute', refuseUndeclaredQuery);
      await v1.register(taxonomiesRoutes, { ctx: options.ctx });
      await v1.register(rolesRoutes, { ctx: options.ctx });
      await v1.register(termsRoutes, { ctx: options.ctx });
      await v1.register(draftsRoutes, { ctx: options.ctx });
      await v1.register(lintRoutes, { ctx: options.ctx });
      await v1.register(adminRoutes, { ctx: options.ctx });
      await v1.register(usersRoutes, { ctx: options.ctx });
      await v1.register(normalizeRoutes, { ctx: options.ctx, slots: streamSlots });
      await v1.register(jobsRoutes, {
        ctx: options.ctx,
        limits,
        uploadRate,
        slots: streamSlots,
      });
      await v1.register(analysisRoutes, { ctx: options.ctx });
      await v1.register(guidesRoutes, { ctx: options.ctx, baseUrl: options.publicUrl ?? '' });
      v1.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
    },
    { prefix: '/v1' },
  );
  await app.register(webRoutes, {
    ctx: options.ctx,
    baseUrl: options.publicUrl,
    accounts: limits,
    limits: {
      jobs: limits,
      holdStream: (request, reply) => streamSlots.hold(request, reply),
      holdUploadRate: (request, reply) => {
        reply.raw.once('close', holdToUploadRate(request.raw, uploadRate));
      },
    },
  });
  return app;
};

export type App = Awaited<ReturnType<typeof buildApp>>;
