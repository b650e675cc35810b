import { AppError, limits } from '../domain/index.js';

/** A role's or term's version is its ETag. */
export const etagOf = (version: number): string => `"${version}"`;

/** Reads `If-Match: "3"` (or `W/"3"`) as version 3; absent means the write is unconditional. */
export const versionFromIfMatch = (header: string | undefined): number | undefined => {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"(\d{1,10})"$/.exec(header.trim());
  if (!match || Number(match[1]) > limits.version) {
    throw new AppError('bad_request', 'If-Match must be the ETag of a version, such as "3".', [
      { field: 'headers.if-match', message: 'not an ETag this API issued' },
    ]);
  }
  return Number(match[1]);
};
