import type { FastifyError } from 'fastify';
import {
  AppError,
  describeErrors,
  errorRegistry,
  type ErrorCode,
  type ProblemDetail,
} from '../domain/index.js';

/** The RFC 9457 body every error response carries, with our stable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance?: string;
  requestId: string;
  errors?: ProblemDetail[];
}

interface FrameworkError {
  code: ErrorCode;
  /** The part of the request at fault, when the framework's own message does not name it. */
  field?: string;
  detail?: string;
}

const fastifyCodes: Record<string, FrameworkError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', field: 'body' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    field: 'headers.content-type',
    detail: 'This request reads no body of that Content-Type; send it without a body.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'bad_request', field: 'body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'bad_request', field: 'body' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', field: 'headers.content-length' },
  FST_ERR_CTP_INVALID_CHARSET: { code: 'unsupported_media_type', field: 'headers.content-type' },
  FST_ERR_BAD_URL: {
    code: 'bad_request',
    field: 'path',
    detail: 'The path has a malformed percent-escape: it is not percent-encoded UTF-8.',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    code: 'bad_request',
    field: 'path',
    detail: 'A segment of the path is longer than any code, slug or name may be.',
  },
  FST_ERR_RATE_LIMIT: { code: 'rate_limited' },
};

/** The code a status means when a framework error names only the status. */
const codeOfStatus = new Map<number, ErrorCode>(
  (Object.entries(errorRegistry) as [ErrorCode, { status: number }][])
    .filter(([code]) => code !== 'validation_failed')
    .map(([code, { status }]) => [status, code]),
);

/**
 * The most faults one problem lists. A body of thousands of unknown fields would otherwise be
 * answered with a problem several times its size.
 */
const MAX_ERRORS_SHOWN = 20;

/**
 * The most faults of one request put into words. Describing each fault of a 1 MiB body of
 * unknown fields (over 100,000) held the event loop for seconds; past this many, the count of
 * the rest is a lower bound.
 */
const MAX_ERRORS_DESCRIBED = 10_000;

/** Size keywords: a body that breaks one is too large, not malformed. */
const SIZE_KEYWORDS = new Set(['maxLength', 'maxItems', 'maxProperties']);

/** A route's body limit, and the setting that changes it when it is the server's. */
export interface BodyLimit {
  bytes: number;
  setting?: 'BODY_LIMIT_BYTES';
}

/**
 * Maps any error to one AppError. Framework errors keep their meaning; anything else becomes
 * `internal`, whose message stays in the log, never in the response. Whatever makes a body too
 * large (past the body limit, or a text or list past its own) is 413, with the limit named.
 */
export const toAppError = (error: unknown, bodyLimit?: BodyLimit): AppError => {
  if (error instanceof AppError) return error;
  const fastifyError = error as Partial<FastifyError> & { validation?: unknown[] };
  if (Array.isArray(fastifyError.validation)) {
    const context = fastifyError.validationContext ?? 'body';
    const validation = fastifyError.validation as Parameters<typeof describeErrors>[0];
    // Named as a reader of the API knows the parts of a request: query.limit, path.code.
    const parts: Record<string, string> = { body: '', querystring: 'query', params: 'path' };
    const part = parts[context] ?? context;
    const described = validation.slice(0, MAX_ERRORS_DESCRIBED);
    const whole = context === 'body' ? { field: 'body', name: 'the request body' } : undefined;
    const details = describeErrors(described, {}, part, whole);
    const tooLarge = context === 'body' && validation.some((e) => SIZE_KEYWORDS.has(e.keyword));
    const shown = details.slice(0, MAX_ERRORS_SHOWN);
    const more = details.length - shown.length;
    const rest =
      described.length < validation.length
        ? `; and more than ${more} more`
        : more > 0
          ? `; and ${more} more`
          : '';
    return new AppError(
      tooLarge ? 'payload_too_large' : 'validation_failed',
      shown.map((d) => d.message).join('; ') + rest,
      shown,
    );
  }
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE' && bodyLimit !== undefined) {
    const { bytes, setting } = bodyLimit;
    const named = setting ? ` (${setting})` : ', fixed for this path';
    return new AppError('payload_too_large', `The body is over ${bytes} bytes.`, [
      { field: 'body', message: `at most ${bytes} bytes${named}` },
    ]);
  }
  const known = fastifyError.code === undefined ? undefined : fastifyCodes[fastifyError.code];
  if (known) {
    const detail = known.detail ?? fastifyError.message ?? errorRegistry[known.code].title;
    return new AppError(
      known.code,
      detail,
      known.field ? [{ field: known.field, message: detail }] : [],
    );
  }
  if (error instanceof SyntaxError)
    return new AppError('bad_request', `The body is not valid JSON: ${error.message}`);
  const status = fastifyError.statusCode;
  // A framework or plugin error that already says the client was at fault keeps that meaning:
  // a Range past the end of a file or a path that climbs out of a folder is not a fault of ours.
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = codeOfStatus.get(status) ?? 'bad_request';
    return new AppError(code, fastifyError.message ?? errorRegistry[code].title);
  }
  return new AppError(
    'internal',
    'An unexpected error occurred; the request id identifies it in our logs.',
  );
};

export const problemOf = (error: AppError, requestId: string, instance?: string): Problem => ({
  type: `https://rolebook.dev/problems/${error.code.replace(/_/g, '-')}`,
  title: errorRegistry[error.code].title,
  status: error.status,
  code: error.code,
  detail: error.message,
  ...(instance ? { instance } : {}),
  requestId,
  ...(error.details.length > 0 ? { errors: error.details } : {}),
});
