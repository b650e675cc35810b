import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  createUser,
  disableUser,
  enableUser,
  getUser,
  listUsers,
  PASSWORD_LENGTH,
  setUserRole,
  signOutUser,
  USER_ROLES,
  type ServiceContext,
} from '../../../services/index.js';
import { PageOnlyQuerySchema, pageOf, problemResponses } from '../../schemas/common.schema.js';
import { writeSecurity } from './versioned-entity.js';

const tags = ['users'];
const admin = { config: { scope: 'admin' as const } };

const UserRoleSchema = Type.Union(USER_ROLES.map((role) => Type.Literal(role)));

const UserSchema = Type.Object({
  id: Type.String(),
  name: Type.String({ description: 'What they sign in with, folded to lower case.' }),
  role: Type.String(),
  createdAt: Type.String(),
  disabledAt: Type.Union([Type.String(), Type.Null()], {
    description: 'Since when they may not sign in; null while they may.',
  }),
});

const NewUserSchema = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 64,
      description:
        'The letters a to z (either case), the digits 0 to 9 and . _ @ + -, beginning with a letter or digit; stored in lower case.',
    }),
    password: Type.String({
      minLength: PASSWORD_LENGTH.min,
      maxLength: 4 * PASSWORD_LENGTH.max,
      description: `${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters.`,
    }),
    role: UserRoleSchema,
  },
  {
    additionalProperties: false,
    examples: [{ name: 'jordan', password: 'plum-kettle-orbit-42', role: 'editor' }],
  },
);

/** The example names the user the example of POST /v1/users creates, so the console can try both. */
const UserParamsSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200, examples: ['jordan'] }),
});

const RoleBodySchema = Type.Object(
  { role: UserRoleSchema },
  { additionalProperties: false, examples: [{ role: 'viewer' }] },
);

const LAST_ADMIN =
  'Refused with 409 when it would leave no enabled admin: make another user admin first.';

/**
 * The people who sign in, for admins: list, create, change a role, disable and re-enable, and
 * end every session of one. The rules (the last enabled admin stays one) are the services'.
 */
export const usersRoutes: FastifyPluginCallbackTypebox<{ ctx: ServiceContext }> = (
  app,
  { ctx },
  done,
) => {
  const common = { tags, security: writeSecurity };
  const one = { ...common, params: UserParamsSchema };

  app.get(
    '/users',
    {
      ...admin,
      schema: {
        ...common,
        summary:
          'List the users who may sign in to the site, by name, a page at a time (never a password hash)',
        querystring: PageOnlyQuerySchema,
        response: { 200: pageOf(UserSchema), ...problemResponses(400, 401, 403) },
      },
    },
    (request) => listUsers(ctx, request.actor, request.query),
  );

  app.post(
    '/users',
    {
      ...admin,
      schema: {
        ...common,
        summary: 'Create a user who signs in to the site',
        body: NewUserSchema,
        response: { 201: UserSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createUser(ctx, request.actor, request.body)),
  );

  app.get(
    '/users/:name',
    {
      ...admin,
      schema: {
        ...one,
        summary: 'One user',
        response: { 200: UserSchema, ...problemResponses(401, 403, 404) },
      },
    },
    (request) => getUser(ctx, request.actor, request.params.name),
  );

  app.put(
    '/users/:name/role',
    {
      ...admin,
      schema: {
        ...one,
        summary: 'Give a user another role; it holds from their next request',
        description: LAST_ADMIN,
        body: RoleBodySchema,
        response: { 200: UserSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) => setUserRole(ctx, request.actor, request.params.name, request.body.role),
  );

  app.put(
    '/users/:name/disabled',
    {
      ...admin,
      schema: {
        ...one,
        summary: 'Disable a user: they may not sign in, and every session of theirs ends',
        description: `Disabling a disabled user changes nothing. ${LAST_ADMIN}`,
        response: { 200: UserSchema, ...problemResponses(401, 403, 404, 409) },
      },
    },
    (request) => disableUser(ctx, request.actor, request.params.name),
  );

  app.delete(
    '/users/:name/disabled',
    {
      ...admin,
      schema: {
        ...one,
        summary: 'Re-enable a disabled user, with the role they had',
        response: { 200: UserSchema, ...problemResponses(401, 403, 404) },
      },
    },
    (request) => enableUser(ctx, request.actor, request.params.name),
  );

  app.delete(
    '/users/:name/sessions',
    {
      ...admin,
      schema: {
        ...one,
        summary: 'Sign a user out everywhere: every session of theirs ends; they may sign in again',
        response: {
          200: Type.Object({ sessionsEnded: Type.Integer({ minimum: 0 }) }),
          ...problemResponses(401, 403, 404),
        },
      },
    },
    async (request) => ({
      sessionsEnded: await signOutUser(ctx, request.actor, request.params.name),
    }),
  );
  done();
};
