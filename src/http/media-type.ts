import type { FastifyRequest } from 'fastify';

/** The media type of a Content-Type header, without its parameters: `text/csv; charset=utf-8` is `text/csv`. */
export const mediaTypeOf = (contentType: string | undefined): string =>
  (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/** Whether a request carries a body, by its framing headers. */
export const hasBody = (request: FastifyRequest): boolean =>
  request.headers['transfer-encoding'] !== undefined ||
  Number(request.headers['content-length']) > 0;

/** The charset a Content-Type names, lower-cased and unquoted; undefined when it names none. */
export const charsetOf = (contentType: string | undefined): string | undefined => {
  const match = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
};
