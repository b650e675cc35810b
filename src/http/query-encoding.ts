import { validationError, type AppError } from '../domain/index.js';

const decodes = (text: string): boolean => {
  try {
    decodeURIComponent(text.replaceAll('+', ' '));
    return true;
  } catch {
    return false;
  }
};

/**
 * The refusal of a query string with a malformed percent-escape (`%E0%A4%A`). The parser keeps such text
 * as it was sent, so a search would run for characters the client never meant; the refusal names
 * the parameter so the client can find the escape to fix.
 */
export const queryEncodingProblem = (url: string): AppError | undefined => {
  const start = url.indexOf('?');
  if (start === -1) return undefined;
  for (const pair of url.slice(start + 1).split('&')) {
    if (decodes(pair)) continue;
    const name = pair.split('=')[0]!;
    const field = decodes(name) ? decodeURIComponent(name.replaceAll('+', ' ')) : name;
    return validationError(`The query parameter "${field}" has a malformed percent-escape.`, [
      { field: `query.${field}`, message: 'is not valid percent-encoded UTF-8' },
    ]);
  }
  return undefined;
};
