import { AppError } from '../../domain/index.js';

/**
 * What a database failure can mean to a client, worded once for both databases. Each dialect
 * decides which of its errors is which; the original stays as the cause, for the log.
 */
export const databaseUnavailable = (cause: unknown): AppError =>
  new AppError('unavailable', 'The database is unavailable; try again shortly.', [], { cause });

/**
 * The database turned the connection away for what the database URL says: the user and password,
 * or the database named. Waiting does not help, and the operator did not ask to migrate anything,
 * so the refusal names the setting to fix and keeps the server's words for the log.
 */
export const connectionRefused = (cause: unknown, refused: 'credentials' | 'database'): AppError =>
  new AppError(
    'unavailable',
    refused === 'credentials'
      ? 'The database refused the user and password of the database URL (DATABASE_URL or --database).'
      : 'The database named in the database URL (DATABASE_URL or --database) does not exist.',
    [],
    { cause },
  );

/** The database refused a value the checks before it let through: bad input all the same. */
export const valueRefused = (cause: unknown): AppError => {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new AppError('validation_failed', `The database refused a value: ${reason}`, [], {
    cause,
  });
};

/** A unique key another write stored first; `detail` names the key when the database does. */
export const keyTaken = (cause: unknown, detail?: string): AppError =>
  new AppError(
    'conflict',
    'Another write stored the same key first; reload and try again.',
    detail ? [{ message: detail }] : [],
    { cause },
  );

/** The database undid this write to let a concurrent one through; trying again succeeds. */
export const writeCollision = (cause: unknown): AppError =>
  new AppError('conflict', 'A concurrent write got in the way; try again.', [], { cause });
