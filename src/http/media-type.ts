import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../domain/index.js';

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

/**
 * The refusal of a request with two Content-Type lines. Node keeps the first and drops the
 * rest, where a proxy in front may have judged the body by another: which was meant is not ours
 * to guess, and reading it as either could let a body through as what it is not.
 */
export const repeatedContentTypeProblem = (request: IncomingMessage): AppError | undefined => {
  const lines = request.rawHeaders.filter(
    (name, i) => i % 2 === 0 && /^content-type$/i.test(name),
  ).length;
  if (lines < 2) return undefined;
  return new AppError('bad_request', 'A request must send one Content-Type header, not several.', [
    { field: 'headers.content-type', message: 'is repeated' },
  ]);
};
