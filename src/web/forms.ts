import csrfProtection from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, preValidationHookHandler } from 'fastify';
import { AppError } from '../domain/index.js';
import { csrfBinding, csrfKey, type ServiceContext } from '../services/index.js';
import { SESSION_COOKIE } from './session-cookie.js';

const CSRF_COOKIE = 'rolebook_csrf';
const CSRF_ERRORS = new Set(['FST_CSRF_MISSING_SECRET', 'FST_CSRF_INVALID_TOKEN']);

export interface CsrfForms {
  /** Checks a post's token before its form is read. */
  checkCsrf: preValidationHookHandler;
  /** A token for a form shown in the session of the request answered. */
  csrfToken: (reply: FastifyReply) => string;
}

/**
 * CSRF tokens for the forms of the plugin that registers it: a hidden `_csrf` field, so forms
 * work without script, whose secret sits in its own HttpOnly cookie shared by every form of the
 * site. Each token is bound to the session cookie it was shown with and signed with a key kept
 * in the database, so a token from one session, or from before a sign-in, is refused in
 * another, on every instance.
 */
export const csrfForms = async (app: FastifyInstance, ctx: ServiceContext): Promise<CsrfForms> => {
  await app.register(csrfProtection, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: 'auto' },
    getToken: (request) => (request.body as { _csrf?: string } | undefined)?._csrf,
    getUserInfo: (request) => csrfBinding(request.cookies[SESSION_COOKIE]),
    csrfOpts: { hmacKey: await csrfKey(ctx) },
  });
  // The plugin's own words ("Invalid csrf token") mean nothing to the person at the form.
  app.setErrorHandler((error) => {
    if (CSRF_ERRORS.has((error as { code?: string }).code ?? '')) {
      const message =
        'This form has expired or was sent from another site. Check it and send it again.';
      // Named as the token's field, so the form is shown again rather than an error page.
      throw new AppError('forbidden', message, [{ field: '_csrf', message }]);
    }
    throw error;
  });
  return {
    checkCsrf: (request, reply, done) => {
      app.csrfProtection(request, reply, done);
    },
    csrfToken: (reply) =>
      reply.generateCsrf({ userInfo: csrfBinding(reply.request.cookies[SESSION_COOKIE]) }),
  };
};

/** Pages that show a token or who is signed in are never kept by a browser or a proxy. */
export const privatePage = (reply: FastifyReply, body: string, status = 200) =>
  reply
    .status(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(body);
