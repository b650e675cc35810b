import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The pages load nothing from elsewhere: styles and the few scripts that enhance them (search
 * suggestions, upload progress) come from our own files, which call only us; forms post back
 * to us, and nobody may frame us. No inline script runs: the JSON-LD block is a script element
 * of a data type, never executed, so it stays readable to crawlers.
 */
const pagePolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Data is never a document: if a browser renders an API response anyway, nothing in it runs. */
export const dataPolicy = "default-src 'none'; frame-ancestors 'none'; sandbox";

export const sharedHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
} as const;

/** The security headers of a response whose body has this media type. */
export const securityHeadersFor = (type: string) => ({
  ...sharedHeaders,
  'content-security-policy': type.startsWith('text/html') ? pagePolicy : dataPolicy,
});

/**
 * Every response, page, API answer or error, carries the security headers; a route that serves
 * a document with its own needs (the API console) sets its own policy after this one.
 */
export const securityHeadersPlugin = fp((app: FastifyInstance) => {
  app.addHook('onSend', (_request, reply, _payload, done) => {
    reply.headers(securityHeadersFor(String(reply.getHeader('content-type') ?? '')));
    done();
  });
});
