export interface ErrorKind {
  readonly status: number;
  readonly exit: number;
  readonly title: string;
  readonly retryAfterSeconds?: number;
}

/**
 * The one registry of error codes. Each code has a stable name (part of the API contract),
 * an HTTP status and a CLI exit code, so every front door maps errors the same way. A code whose
 * condition passes by itself names how many seconds a client should wait before trying again.
 */
export const errorRegistry = {
  validation_failed: { status: 400, exit: 2, title: 'The input is not valid' },
  bad_request: { status: 400, exit: 2, title: 'The request cannot be read' },
  unauthorized: { status: 401, exit: 3, title: 'Sign in or send a valid API key' },
  forbidden: { status: 403, exit: 3, title: 'You may not do that' },
  not_found: { status: 404, exit: 4, title: 'Not found' },
  method_not_allowed: { status: 405, exit: 2, title: 'That method is not allowed here' },
  not_acceptable: { status: 406, exit: 2, title: 'No representation in that format' },
  request_timeout: { status: 408, exit: 2, title: 'The request did not arrive in time' },
  conflict: { status: 409, exit: 5, title: 'It conflicts with what is stored' },
  precondition_failed: { status: 412, exit: 5, title: 'The stored version has changed' },
  precondition_required: {
    status: 428,
    exit: 5,
    title: 'Send If-Match with the version you edited',
  },
  payload_too_large: { status: 413, exit: 2, title: 'The input is too large' },
  range_not_satisfiable: { status: 416, exit: 2, title: 'That range is not in the file' },
  headers_too_large: { status: 431, exit: 2, title: 'The request line and headers are too large' },
  unsupported_media_type: { status: 415, exit: 2, title: 'That content type is not accepted' },
  rate_limited: { status: 429, exit: 6, title: 'Too many requests' },
  lint_failed: {
    status: 422,
    exit: 2,
    title: 'The guide has lint errors; fix them to publish it',
  },
  import_failed: { status: 422, exit: 7, title: 'The import was refused; nothing was written' },
  template_invalid: { status: 500, exit: 8, title: 'A guide template is broken' },
  internal: { status: 500, exit: 1, title: 'Something went wrong on our side' },
  unavailable: {
    status: 503,
    exit: 1,
    title: 'The service cannot answer now',
    // A restarting or failing-over database is usually back within seconds.
    retryAfterSeconds: 5,
  },
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof errorRegistry;

/** Where in the input a problem is: a field path, and for files a file, line and column. */
export interface ProblemLocation {
  field?: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface ProblemDetail extends ProblemLocation {
  message: string;
}

export interface AppErrorOptions extends ErrorOptions {
  /** How long this client should wait, when it knows better than its code's default. */
  retryAfterSeconds?: number;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ProblemDetail[];
  readonly #retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    details: ProblemDetail[] = [],
    options?: AppErrorOptions,
  ) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.#retryAfterSeconds = options?.retryAfterSeconds;
  }

  get status(): number {
    return errorRegistry[this.code].status;
  }

  get exitCode(): number {
    return errorRegistry[this.code].exit;
  }

  /** Seconds a client should wait before trying again, when the condition passes by itself. */
  get retryAfterSeconds(): number | undefined {
    const kind: ErrorKind = errorRegistry[this.code];
    return this.#retryAfterSeconds ?? kind.retryAfterSeconds;
  }
}

export const validationError = (message: string, details: ProblemDetail[]): AppError =>
  new AppError('validation_failed', message, details);

/** A lint finding that refuses a publication: what is wrong, and in which field. */
export interface PublishBlocker {
  field?: string | undefined;
  message: string;
}

/**
 * Refuses to publish `what` (`Role rolebook/tester`) for the lint errors found in it, each
 * listed by its field so that a form can show it beside the field.
 */
export const publishRefused = (what: string, errors: readonly PublishBlocker[]): AppError =>
  new AppError(
    'lint_failed',
    `${what} cannot be published with lint errors: ${errors.map((e) => (e.field !== undefined ? `${e.field}: ${e.message}` : e.message)).join('; ')}.`,
    errors.map((e) => ({
      ...(e.field !== undefined ? { field: e.field } : {}),
      message: e.message,
    })),
  );

export const notFound = (what: string): AppError =>
  new AppError('not_found', `${what} was not found.`);

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** Formats a location as `file:line:column field` for people reading a terminal. */
export const formatLocation = (where: ProblemLocation): string => {
  const place = [where.file, where.line, where.column].filter((p) => p !== undefined).join(':');
  return [place, where.field].filter(Boolean).join(' ');
};
