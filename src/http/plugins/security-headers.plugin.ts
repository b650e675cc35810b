import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The pages run no script and load nothing from elsewhere: styles come from our own
 * stylesheet, forms post back to us, and nobody may frame us. The JSON-LD block needs no
 * allowance: a script element of a data type is never executed, so `script-src 'none'` (from
 * `default-src`) leaves it readable to crawlers.
 */
const pagePolicy = [
  "default-src 'none'",
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

/**
 * Every response, page, API answer or error, carries the security headers; a route that serves
 * a document with its own needs (the API console) sets its own policy after this one.
 */
export const securityHeadersPlugin = fp((app: FastifyInstance) => {
  app.addHook('onSend', (_request, reply, _payload, done) => {
    const type = String(reply.getHeader('content-type') ?? '');
    reply.headers({
      ...sharedHeaders,
      'content-security-policy': type.startsWith('text/html') ? pagePolicy : dataPolicy,
    });
    done();
  });
});
