import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply } from 'fastify';

/** The cookie that carries a signed-in session's secret. */
export const SESSION_COOKIE = 'rolebook_session';

/**
 * Out of reach of scripts, sent on top-level navigation from elsewhere but not on another
 * site's form posts or fetches, and Secure whenever the request came over TLS (directly, or
 * through a proxy trusted to say so: `TRUST_PROXY`).
 */
const sessionCookieOptions = (maxAgeMs: number): CookieSerializeOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secure: 'auto',
  maxAge: Math.floor(maxAgeMs / 1000),
});

export const setSessionCookie = (reply: FastifyReply, secret: string, maxAgeMs: number) =>
  reply.setCookie(SESSION_COOKIE, secret, sessionCookieOptions(maxAgeMs));

export const clearSessionCookie = (reply: FastifyReply) =>
  reply.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(0), maxAge: 0 });
