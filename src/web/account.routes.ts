import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  createUser,
  disableUser,
  enableUser,
  everyItem,
  listUsers,
  PASSWORD_LENGTH,
  signIn,
  signOut,
  signOutEverywhere,
  signOutUser,
  setUserRole,
  USER_ROLES,
  type AccountPolicy,
  type ServiceContext,
} from '../services/index.js';
import type { FormAgain } from './form-again.js';
import { adminsOnly, csrfForms, privatePage as page, signInPath } from './forms.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './session-cookie.js';
import {
  accountPaths,
  accountView,
  signInView,
  usersView,
  type UsersViewData,
} from './views/index.js';

/**
 * Where to go after signing in: a path of this site only (`/admin/users`), never another origin
 * (`//evil.example`, `/\evil.example`), so the form cannot be used to send people elsewhere.
 */
const safeNext = (next: string | undefined): string | undefined =>
  next !== undefined && /^\/(?![/\\])[\w\-./?=&%]*$/.test(next) ? next : undefined;

const Token = Type.String({ maxLength: 200 });
const SignInQuery = Type.Object({
  next: Type.Optional(Type.String({ maxLength: 500 })),
  out: Type.Optional(Type.Union([Type.Literal('this'), Type.Literal('everywhere')])),
});
const SignInBody = Type.Object({
  _csrf: Token,
  name: Type.String({ maxLength: 200 }),
  password: Type.String({ maxLength: 4 * PASSWORD_LENGTH.max }),
  next: Type.Optional(Type.String({ maxLength: 500 })),
});
const SignOutBody = Type.Object({
  _csrf: Token,
  everywhere: Type.Optional(Type.Literal('yes')),
});
const UsersQuery = Type.Object({
  created: Type.Optional(Type.String({ maxLength: 200 })),
  changed: Type.Optional(Type.String({ maxLength: 200 })),
  did: Type.Optional(Type.String({ maxLength: 20 })),
});
const UserParams = Type.Object({ name: Type.String({ maxLength: 200 }) });
const UserActionBody = Type.Object({
  _csrf: Token,
  action: Type.Union([
    Type.Literal('role'),
    Type.Literal('disable'),
    Type.Literal('enable'),
    Type.Literal('sign-out'),
  ]),
  role: Type.Optional(Type.String({ maxLength: 20 })),
});
const NewUserBody = Type.Object({
  _csrf: Token,
  name: Type.String({ maxLength: 200 }),
  password: Type.String({ maxLength: 4 * PASSWORD_LENGTH.max }),
  role: Type.String({ maxLength: 20 }),
});

/** What a row's form did, said back on the page it returns to. */
const didNotice: Record<string, (name: string) => string> = {
  role: (name) => `Changed the role of ${name}.`,
  disable: (name) => `Disabled ${name}; their sessions have ended.`,
  enable: (name) => `Re-enabled ${name}.`,
  'sign-out': (name) => `Signed ${name} out everywhere.`,
};

const signedOutNotice = {
  this: 'You are signed out.',
  everywhere: 'You are signed out everywhere.',
};

/**
 * Sign-in, sign-out, the account page and the admins' page of users. Every form carries a CSRF
 * token (a hidden field, so it works without script), checked before the form is read; the
 * token's secret sits in its own HttpOnly cookie. Sign-in answers a wrong name and a wrong
 * password alike.
 */
export const accountRoutes: FastifyPluginAsyncTypebox<{
  ctx: ServiceContext;
  accounts: AccountPolicy;
}> = async (app, { ctx, accounts }) => {
  const { checkCsrf, checkSignInCsrf, csrfToken } = await csrfForms(app, ctx);

  /** Anonymous visitors are sent to sign in; anyone signed in but not an admin is refused. */
  const usersAdminsOnly = adminsOnly(accountPaths.users);

  const usersPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Pick<UsersViewData, 'done' | 'error' | 'draft'>,
  ) =>
    usersView({
      csrfToken: csrfToken(reply),
      users: await everyItem((page) => listUsers(ctx, request.actor, page)),
      roles: USER_ROLES,
      minPasswordLength: PASSWORD_LENGTH.min,
      ...extra,
    });

  /** The users page again with what the new user's form had and why it was refused. */
  const newUserAgain: FormAgain = (request, reply, { error, input }) =>
    usersPage(request, reply, {
      error,
      draft: { name: input.name ?? '', role: input.role ?? '' },
    });

  const signInAgain: FormAgain = (_request, reply, { error, input }) => {
    const next = safeNext(input.next);
    return signInView({
      csrfToken: csrfToken(reply),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(next !== undefined ? { next } : {}),
      error,
    });
  };

  app.get(
    accountPaths.signIn,
    { schema: { hide: true, querystring: SignInQuery } },
    (request, reply) => {
      const next = safeNext(request.query.next);
      if (request.account) return reply.redirect(next ?? accountPaths.account, 303);
      const out = request.query.out;
      return page(
        reply,
        signInView({
          csrfToken: csrfToken(reply),
          ...(next !== undefined ? { next } : {}),
          ...(out !== undefined ? { notice: signedOutNotice[out] } : {}),
        }),
      );
    },
  );

  app.post(
    accountPaths.signIn,
    {
      schema: { hide: true, body: SignInBody },
      preValidation: checkSignInCsrf,
      config: { formAgain: signInAgain },
    },
    async (request, reply) => {
      const { name, password } = request.body;
      const next = safeNext(request.body.next);
      const { secret } = await signIn(ctx, accounts, { name, password, address: request.ip });
      // A session opened before is not carried over: its id may have been planted.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous !== undefined) await signOut(ctx, previous);
      setSessionCookie(reply, secret, accounts.sessionLifetimeMs);
      return reply.redirect(next ?? accountPaths.account, 303);
    },
  );

  app.post(
    accountPaths.signOut,
    { schema: { hide: true, body: SignOutBody }, preValidation: checkCsrf },
    async (request, reply) => {
      const secret = request.cookies[SESSION_COOKIE];
      const everywhere = request.body.everywhere === 'yes';
      if (secret !== undefined) {
        await (everywhere ? signOutEverywhere(ctx, secret) : signOut(ctx, secret));
      }
      clearSessionCookie(reply);
      return reply.redirect(
        `${accountPaths.signIn}?out=${everywhere ? 'everywhere' : 'this'}`,
        303,
      );
    },
  );

  app.get(accountPaths.account, { schema: { hide: true } }, (request, reply) => {
    if (!request.account) return reply.redirect(signInPath(accountPaths.account), 303);
    return page(
      reply,
      accountView({
        csrfToken: csrfToken(reply),
        name: request.account.name,
        role: request.account.role,
      }),
    );
  });

  app.get(
    accountPaths.users,
    { schema: { hide: true, querystring: UsersQuery }, onRequest: usersAdminsOnly },
    async (request, reply) => {
      const { created, changed, did } = request.query;
      const said =
        created !== undefined
          ? `Created ${created}.`
          : changed !== undefined && did !== undefined && Object.hasOwn(didNotice, did)
            ? didNotice[did]!(changed)
            : undefined;
      return page(reply, await usersPage(request, reply, said !== undefined ? { done: said } : {}));
    },
  );

  app.post(
    accountPaths.users,
    {
      schema: { hide: true, body: NewUserBody },
      onRequest: usersAdminsOnly,
      preValidation: checkCsrf,
      config: { formAgain: newUserAgain },
    },
    async (request, reply) => {
      const { name, password, role } = request.body;
      const user = await createUser(ctx, request.actor, { name, password, role });
      return reply.redirect(`${accountPaths.users}?created=${encodeURIComponent(user.name)}`, 303);
    },
  );

  app.post(
    `${accountPaths.users}/:name`,
    {
      schema: { hide: true, params: UserParams, body: UserActionBody },
      onRequest: usersAdminsOnly,
      preValidation: checkCsrf,
      config: {
        // A row's refusal is about that user, not the fields of the form to add one.
        formAgain: (request, reply, { error }) =>
          usersPage(request, reply, { error: { message: error.message } }),
      },
    },
    async (request, reply) => {
      const { name } = request.params;
      const { action, role } = request.body;
      const back = `${accountPaths.users}?changed=${encodeURIComponent(name)}&did=${action}`;
      if (action === 'role') await setUserRole(ctx, request.actor, name, role ?? '');
      else if (action === 'disable') await disableUser(ctx, request.actor, name);
      else if (action === 'enable') await enableUser(ctx, request.actor, name);
      else await signOutUser(ctx, request.actor, name);
      return reply.redirect(back, 303);
    },
  );
};
