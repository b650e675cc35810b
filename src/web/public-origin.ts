import type { FastifyRequest } from 'fastify';

/**
 * The origin that makes a page's canonical URL and JSON-LD `@id` absolute: the configured public
 * URL (PUBLIC_URL), else the one the request was sent to. Fastify believes X-Forwarded-Proto and
 * X-Forwarded-Host only when TRUST_PROXY says a proxy sets them, so without it a client's forged
 * header cannot name another site; the Host a client sent reaches no one but that client.
 */
export const publicOrigin = (configured: string, request: FastifyRequest): string =>
  configured === '' ? `${request.protocol}://${request.host}` : configured;
