import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ALL_SCOPES,
  createApiKey,
  MAX_ACTIVE_API_KEYS,
  KeyExpirySchema,
  listApiKeys,
  listAudit,
  revokeApiKey,
  type ServiceContext,
} from '../../../services/index.js';
import { PageOnlyQuerySchema, pageOf, problemResponses } from '../../schemas/common.schema.js';
import { writeSecurity } from './versioned-entity.js';

const tags = ['admin'];
const admin = { config: { scope: 'admin' as const } };

const ScopeSchema = Type.Union(ALL_SCOPES.map((s) => Type.Literal(s)));

const ApiKeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'The start of the secret, to recognise it by.' }),
  scopes: Type.Array(Type.String()),
  createdAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
});

const NewKeySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    scopes: Type.Array(ScopeSchema, {
      minItems: 1,
      maxItems: ALL_SCOPES.length,
      uniqueItems: true,
    }),
    expiresAt: Type.Optional(KeyExpirySchema),
  },
  { additionalProperties: false, examples: [{ name: 'reporting', scopes: ['read'] }] },
);

const AuditEntrySchema = Type.Object({
  at: Type.String(),
  actor: Type.String(),
  action: Type.String(),
  target: Type.String(),
  requestId: Type.Optional(Type.String()),
  detail: Type.Optional(Type.Object({}, { additionalProperties: true })),
});

/** API keys and the audit log, for admins only. */
export const adminRoutes: FastifyPluginCallbackTypebox<{ ctx: ServiceContext }> = (
  app,
  { ctx },
  done,
) => {
  app.get(
    '/keys',
    {
      ...admin,
      schema: {
        tags,
        security: writeSecurity,
        summary: 'List API keys, oldest first, a page at a time (never their secrets)',
        description: 'Revoked and expired keys included.',
        querystring: PageOnlyQuerySchema,
        response: { 200: pageOf(ApiKeySchema), ...problemResponses(400, 401, 403) },
      },
    },
    (request) => listApiKeys(ctx, request.actor, request.query),
  );

  app.post(
    '/keys',
    {
      ...admin,
      schema: {
        tags,
        security: writeSecurity,
        summary: 'Create an API key; its secret is in this answer only',
        description: `At most ${MAX_ACTIVE_API_KEYS} keys work at once (neither revoked nor expired); past that a new one is refused with 409 until one is revoked.`,
        body: NewKeySchema,
        response: {
          201: Type.Object({ key: ApiKeySchema, secret: Type.String() }),
          ...problemResponses(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createApiKey(ctx, request.actor, request.body)),
  );

  app.delete(
    '/keys/:id',
    {
      ...admin,
      schema: {
        tags,
        security: writeSecurity,
        summary: 'Revoke an API key at once',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 204: Type.Null(), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await revokeApiKey(ctx, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/audit',
    {
      ...admin,
      schema: {
        tags,
        security: writeSecurity,
        summary:
          'The audit log, newest first, a page at a time: every write and key change, by whom',
        querystring: PageOnlyQuerySchema,
        response: { 200: pageOf(AuditEntrySchema), ...problemResponses(400, 401, 403) },
      },
    },
    (request) => listAudit(ctx, request.actor, request.query),
  );
  done();
};
