import { AppError, limits } from '../domain/index.js';
import type { IfMatch } from '../services/index.js';

/** A role's or term's version is its ETag. */
export const etagOf = (version: number): string => `"${version}"`;

const ENTITY_TAG = /^(W\/)?"([^"]*)"$/;

const badIfMatch = (): AppError =>
  new AppError('bad_request', 'If-Match must be "*" or ETags this API issued, such as "3".', [
    { field: 'headers.if-match', message: 'not "*" nor a list of entity tags' },
  ]);

/**
 * Reads If-Match as RFC 9110 has it: `*` matches whatever version is stored; otherwise a list of
 * entity tags compared strongly, so a weak tag (`W/"3"`) or one this API never issued matches
 * nothing and the write gets 412. Absent means the write names no version (428).
 */
export const versionFromIfMatch = (header: string | undefined): IfMatch | undefined => {
  if (header === undefined) return undefined;
  if (header.trim() === '*') return '*';
  const versions: number[] = [];
  for (const part of header.split(',')) {
    const match = ENTITY_TAG.exec(part.trim());
    if (!match) throw badIfMatch();
    const [, weak, opaque = ''] = match;
    if (weak || !/^\d{1,10}$/.test(opaque) || Number(opaque) > limits.version) continue;
    versions.push(Number(opaque));
  }
  return versions;
};
