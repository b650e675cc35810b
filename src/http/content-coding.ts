import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from '../domain/index.js';

/** What an answer may go out in: as it is, or compressed by the site with br or gzip. */
const CODINGS = ['identity', 'br', 'gzip'];

/** The weight Accept-Encoding gives each coding it names, the first mention counting. */
const weightsOf = (header: string): Map<string, number> => {
  const weights = new Map<string, number>();
  for (const entry of header.split(',')) {
    const [given = '', ...parameters] = entry.split(';').map((part) => part.trim());
    // x-gzip is gzip's old name (RFC 9110, 8.4.1.3).
    const name = given.toLowerCase() === 'x-gzip' ? 'gzip' : given.toLowerCase();
    if (name === '' || weights.has(name)) continue;
    const q = parameters.find((parameter) => /^q\s*=/i.test(parameter));
    // A weight that cannot be read is taken as no weight at all: the coding stays acceptable.
    const weight = q === undefined ? 1 : Number(q.replace(/^q\s*=\s*/i, ''));
    weights.set(name, Number.isNaN(weight) ? 1 : weight);
  }
  return weights;
};

/**
 * Whether a coding is acceptable as RFC 9110 (12.5.3) reads Accept-Encoding: by its own weight,
 * else by that of `*`; a coding neither names is acceptable only when it is identity.
 */
const accepts = (weights: Map<string, number>, coding: string): boolean => {
  const weight = weights.get(coding) ?? weights.get('*');
  return weight === undefined ? coding === 'identity' : weight > 0;
};

/**
 * The refusal (406) of a request whose Accept-Encoding rules out every coding an answer could
 * go out in, identity included: sending one anyway would answer with what the client said it
 * cannot read.
 */
export const codingProblem = (headers: IncomingHttpHeaders): AppError | undefined => {
  const header = headers['accept-encoding'];
  if (header === undefined) return undefined;
  const weights = weightsOf(header);
  if (CODINGS.some((coding) => accepts(weights, coding))) return undefined;
  return new AppError(
    'not_acceptable',
    `Accept-Encoding rules out every coding this server answers in: ${CODINGS.join(', ')}.`,
    [{ field: 'headers.accept-encoding', message: `accepts none of ${CODINGS.join(', ')}` }],
  );
};

/**
 * The refusal (415) of a body sent compressed, on any route, before a byte of it is read. Every
 * body is read as it arrives; none is decompressed, since a few kilobytes of gzip can unpack to
 * gigabytes, and no browser compresses what it posts.
 */
export const bodyCodingProblem = (headers: IncomingHttpHeaders): AppError | undefined => {
  const coding = headers['content-encoding']?.trim().toLowerCase();
  if (coding === undefined || coding === '' || coding === 'identity') return undefined;
  return new AppError('unsupported_media_type', `Bodies are read uncompressed, not ${coding}.`, [
    { field: 'headers.content-encoding', message: 'none, or identity' },
  ]);
};
