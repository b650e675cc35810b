import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { validationError } from '../domain/index.js';
import {
  ALL_SCOPES,
  createApiKey,
  everyItem,
  listApiKeys,
  revokeApiKey,
  type Scope,
  type ServiceContext,
} from '../services/index.js';
import type { FormAgain } from './form-again.js';
import { adminsOnly, csrfForms, privatePage as page } from './forms.js';
import { accountPaths, keysView, type KeysViewData } from './views/index.js';

const Token = Type.String({ maxLength: 200 });
const ScopeField = Type.Union(ALL_SCOPES.map((scope) => Type.Literal(scope)));
/** A form sends one checked box as a single value and several as a list. */
const NewKeyBody = Type.Object({
  _csrf: Token,
  name: Type.String({ maxLength: 200 }),
  scopes: Type.Optional(Type.Union([ScopeField, Type.Array(ScopeField, { maxItems: 4 })])),
});
const KeyParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
/** The key the revoke form just revoked, by id: the notice names it only if it is revoked. */
const KeysQuery = Type.Object({ revoked: Type.Optional(Type.String({ maxLength: 64 })) });

const scopesOf = (field: Scope | Scope[] | undefined): Scope[] =>
  field === undefined ? [] : Array.isArray(field) ? [...new Set(field)] : [field];

/**
 * The admins' page of API keys: the keys with what they may do and when they were last used,
 * a form to make one, whose secret the answer to that form shows once, and a form per key to
 * revoke it. The forms carry the site's CSRF token, as the page of users does.
 */
export const keysRoutes: FastifyPluginAsyncTypebox<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  const { checkCsrf, csrfToken } = await csrfForms(app, ctx);

  const keysAdminsOnly = adminsOnly(accountPaths.keys);

  const keysPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Pick<KeysViewData, 'created' | 'draft' | 'error'> & { revoked?: string },
  ) => {
    const { revoked, ...shown } = extra;
    const keys = await everyItem((range) => listApiKeys(ctx, request.actor, range));
    // The notice names a key the store says is revoked, never text the address carries: a link
    // sent to an admin cannot make this page say something it did not do.
    const done = keys.find((k) => k.id === revoked && k.revokedAt !== null);
    return keysView({
      csrfToken: csrfToken(reply),
      keys,
      scopes: ALL_SCOPES,
      ...(done ? { done: `Revoked ${done.name}.` } : {}),
      ...shown,
    });
  };

  const newKeyAgain: FormAgain = (request, reply, { error, input }) =>
    keysPage(request, reply, { error, draft: { name: input.name ?? '', scopes: [] } });

  app.get(
    accountPaths.keys,
    { schema: { hide: true, querystring: KeysQuery }, onRequest: keysAdminsOnly },
    async (request, reply) => {
      const { revoked } = request.query;
      return page(reply, await keysPage(request, reply, revoked === undefined ? {} : { revoked }));
    },
  );

  app.post(
    accountPaths.keys,
    {
      schema: { hide: true, body: NewKeyBody },
      onRequest: keysAdminsOnly,
      preValidation: checkCsrf,
      config: { formAgain: newKeyAgain },
    },
    async (request, reply) => {
      const { name } = request.body;
      const scopes = scopesOf(request.body.scopes);
      if (scopes.length === 0) {
        throw validationError('Choose at least one scope for the key.', [
          { field: 'scopes', message: 'choose at least one' },
        ]);
      }
      const { key, secret } = await createApiKey(ctx, request.actor, { name, scopes });
      // Answered here rather than redirected: the secret must not travel in an address.
      return page(reply, await keysPage(request, reply, { created: { name: key.name, secret } }));
    },
  );

  app.post(
    `${accountPaths.keys}/:id/revoke`,
    {
      schema: { hide: true, params: KeyParams, body: Type.Object({ _csrf: Token }) },
      onRequest: keysAdminsOnly,
      preValidation: checkCsrf,
      config: {
        formAgain: (request, reply, { error }) =>
          keysPage(request, reply, { error: { message: error.message } }),
      },
    },
    async (request, reply) => {
      await revokeApiKey(ctx, request.actor, request.params.id);
      const revoked = encodeURIComponent(request.params.id);
      return reply.redirect(`${accountPaths.keys}?revoked=${revoked}`, 303);
    },
  );
};
