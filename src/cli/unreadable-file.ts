import { AppError, type ErrorCode } from '../domain/index.js';

/** Why a file cannot be read, in words, for the errors the file system gives most. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'there is no such file',
  EACCES: 'this user may not read it',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of its path is not a folder',
};

/**
 * The refusal of a file named on the command line that cannot be read, said once: the path and
 * why, in words where the reason is a common one.
 */
export const unreadableFile = (
  file: string,
  error: NodeJS.ErrnoException,
  code: ErrorCode = 'bad_request',
): AppError =>
  new AppError(
    code,
    `Cannot read ${file}: ${REASONS[error.code ?? ''] ?? error.code ?? error.message}.`,
  );
