import { Tokens } from '@fastify/csrf';
import csrfProtection from '@fastify/csrf-protection';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  preValidationHookHandler,
} from 'fastify';
import { AppError } from '../domain/index.js';
import { authorize, csrfBinding, csrfKey, type ServiceContext } from '../services/index.js';
import { SESSION_COOKIE } from './session-cookie.js';
import { accountPaths } from './views/account-paths.js';

const CSRF_COOKIE = 'rolebook_csrf';
const ANONYMOUS = csrfBinding(undefined);

export interface CsrfForms {
  /** Checks a post's token before its form is read. */
  checkCsrf: preValidationHookHandler;
  /**
   * Checks the sign-in form's token: one shown before a sign-in is taken as well, so a sign-in
   * page left open while the browser signed in elsewhere still works.
   */
  checkSignInCsrf: preValidationHookHandler;
  /**
   * Checks a token read by the route itself: a multipart form's, which no hook sees before the
   * route reads its parts. Throws as a refused post's check does.
   */
  requireCsrf: (request: FastifyRequest, token: unknown) => void;
  /** A token for a form shown in the session of the request answered, if it is still open. */
  csrfToken: (reply: FastifyReply) => string;
}

const expired = () => {
  const message =
    'This form has expired or was sent from another site. Check it and send it again.';
  // Named as the token's field, so the form is shown again rather than an error page.
  return new AppError('forbidden', message, [{ field: '_csrf', message }]);
};

/**
 * CSRF tokens for the forms of the plugin that registers it: a hidden `_csrf` field, so forms
 * work without script, whose secret sits in its own HttpOnly cookie shared by every form of the
 * site. Each token is bound to the open session it was shown in (or to none) and signed with a
 * key kept in the database, so a token from one session, or from before a sign-in, is refused
 * in another, on every instance; only the sign-in form also takes a token from before a sign-in.
 */
export const csrfForms = async (app: FastifyInstance, ctx: ServiceContext): Promise<CsrfForms> => {
  const hmacKey = await csrfKey(ctx);
  await app.register(csrfProtection, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: 'auto' },
    csrfOpts: { hmacKey, userInfo: true },
  });
  const tokens = new Tokens({ hmacKey, userInfo: true });
  const shownIn = (request: FastifyRequest, token: unknown, bindings: string[]) => {
    const secret = request.cookies[CSRF_COOKIE];
    return (
      secret !== undefined &&
      typeof token === 'string' &&
      bindings.some((binding) => tokens.verify(secret, token, binding))
    );
  };
  const sessionOf = (request: FastifyRequest) => csrfBinding(request.cookies[SESSION_COOKIE]);
  /** Refuses a post whose token was not shown with its token cookie under one of the bindings. */
  const checkBoundTo =
    (bindings: (session: string) => string[]): preValidationHookHandler =>
    (request, _reply, done) => {
      const token = (request.body as { _csrf?: unknown } | undefined)?._csrf;
      done(shownIn(request, token, bindings(sessionOf(request))) ? undefined : expired());
    };
  return {
    checkCsrf: checkBoundTo((session) => [session]),
    checkSignInCsrf: checkBoundTo((session) => [session, ANONYMOUS]),
    requireCsrf: (request, token) => {
      if (!shownIn(request, token, [sessionOf(request)])) throw expired();
    },
    // A cookie whose session is over stands for no one, and the browser may let it go before
    // the form comes back: such a page's form is shown as to anyone, which sign-in takes either way.
    csrfToken: (reply) =>
      reply.generateCsrf({
        userInfo: reply.request.account
          ? csrfBinding(reply.request.cookies[SESSION_COOKIE])
          : ANONYMOUS,
      }),
  };
};

/** Pages that show a token or who is signed in are never kept by a browser or a proxy. */
export const privatePage = (reply: FastifyReply, body: string, status = 200) =>
  reply
    .status(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(body);

/** The sign-in form, which sends the visitor on to `next` once signed in. */
export const signInPath = (next: string) =>
  `${accountPaths.signIn}?next=${encodeURIComponent(next)}`;

/** What a signed-in user's page checks first: anybody else is sent to sign in and back. */
export const usersOnly = (path: string) => async (request: FastifyRequest, reply: FastifyReply) => {
  if (!request.account) return reply.redirect(signInPath(path), 303);
};

/**
 * What an admin's page (`path`) checks first: a visitor not signed in is sent to sign in and
 * back, anybody else who is not an admin is refused (403).
 */
export const adminsOnly =
  (path: string) => async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.actor) return reply.redirect(signInPath(path), 303);
    authorize(request.actor, 'admin');
  };
