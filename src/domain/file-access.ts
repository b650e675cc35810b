import { AppError } from './errors.js';

/**
 * Why a path cannot be used, in words, for the errors the file system gives most. A path named
 * on the command line is one the person typed, so it is said as typed; a temporary file beside
 * it is no business of theirs.
 */
const READ_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'it does not exist',
  EACCES: 'this user may not read it',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of its path is not a folder',
};

const WRITE_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'its folder does not exist',
  EACCES: 'this user may not write there',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of its path is not a folder',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
};

/** What a file system error says, in words where it is a common one. */
type FileFault = Pick<NodeJS.ErrnoException, 'code'> & { message?: string };

const reasonOf = (reasons: Readonly<Record<string, string>>, fault: FileFault): string =>
  reasons[fault.code ?? ''] ?? fault.code ?? fault.message ?? 'unknown error';

/**
 * The refusal of a file or folder named on the command line that cannot be read, said once:
 * the path and why. Every command refuses it alike (`bad_request`, a usage error), whatever it
 * meant to do with the file, as the fix is the same: name a path that is there.
 */
export const unreadableFile = (path: string, fault: FileFault): AppError =>
  new AppError('bad_request', `Cannot read ${path}: ${reasonOf(READ_REASONS, fault)}.`);

/**
 * The refusal of a file named on the command line that cannot be written, as unreadableFile. It
 * names the file asked for, not a temporary file written beside it first, which the error of
 * the file system names.
 */
export const unwritableFile = (path: string, fault: FileFault): AppError =>
  new AppError('bad_request', `Cannot write ${path}: ${reasonOf(WRITE_REASONS, fault)}.`);
