import { AppError, formatLocation, type ProblemLocation } from '../../domain/index.js';

/**
 * An `import_failed` error that names where the input is wrong. For tables, `column` is the
 * 1-based field number and the message names the column's header; for encoding problems it is
 * the 1-based character position on the line.
 * @example throw importFailed({ file, line: 12, column: 3 }, 'column "Title" is empty');
 */
export const importFailed = (where: ProblemLocation, message: string): AppError =>
  new AppError('import_failed', `${formatLocation(where)}: ${message}`, [{ ...where, message }]);
