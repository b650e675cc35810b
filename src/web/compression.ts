import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { varyOn } from './vary.js';

/**
 * The media types the site compresses: text, and JSON or XML of any kind (SVG included). The
 * plugin also compresses what mime-db lists as compressible; the site sends nothing of that
 * outside these.
 */
const COMPRESSIBLE = /^text\/|[+/](?:json|xml)(?:;|$)/i;

/**
 * Brotli or gzip for the site's responses of a compressible type from 1 KiB up, as the client
 * accepts them. Every such response names Accept-Encoding in Vary, compressed or not: which
 * bytes go out depends on that header or its absence, so a shared cache must key every variant
 * on it (RFC 9110, 12.5.5), and a 304 names it as its 200 would. The plugin names it only on
 * what it compresses. Registered after the page validators, so they hash the page itself.
 */
export const compression = fp(async (app: FastifyInstance) => {
  app.addHook('onSend', (_request, reply, payload, done) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && COMPRESSIBLE.test(type)) varyOn(reply, 'accept-encoding');
    done(null, payload);
  });
  await app.register(compress, {
    global: true,
    // Bodies are never read compressed (see bodyCodingProblem); the plugin would unpack them.
    globalDecompression: false,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    customTypes: COMPRESSIBLE,
  });
});
