import csrfProtection from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, preValidationHookHandler } from 'fastify';
import { AppError } from '../domain/index.js';

const CSRF_COOKIE = 'rolebook_csrf';
const CSRF_ERRORS = new Set(['FST_CSRF_MISSING_SECRET', 'FST_CSRF_INVALID_TOKEN']);

/**
 * CSRF tokens for the forms of the plugin that registers it: a hidden `_csrf` field, so forms
 * work without script, whose secret sits in its own HttpOnly cookie shared by every form of the
 * site. Returns the hook that checks a post's token before its form is read.
 */
export const csrfForms = async (app: FastifyInstance): Promise<preValidationHookHandler> => {
  await app.register(csrfProtection, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: 'auto' },
    getToken: (request) => (request.body as { _csrf?: string } | undefined)?._csrf,
  });
  // The plugin's own words ("Invalid csrf token") mean nothing to the person at the form.
  app.setErrorHandler((error) => {
    if (CSRF_ERRORS.has((error as { code?: string }).code ?? '')) {
      throw new AppError(
        'forbidden',
        'This form has expired or was sent from another site. Load the page again and resend it.',
      );
    }
    throw error;
  });
  return (request, reply, done) => {
    app.csrfProtection(request, reply, done);
  };
};

/** Pages that show a token or who is signed in are never kept by a browser or a proxy. */
export const privatePage = (reply: FastifyReply, body: string, status = 200) =>
  reply
    .status(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(body);
