import type { FastifyReply } from 'fastify';

/**
 * Adds a request header to the reply's Vary, keeping what it names already, in lower case as
 * @fastify/compress looks for `accept-encoding`: it would add that one again otherwise.
 */
export const varyOn = (reply: FastifyReply, header: string): void => {
  const vary = reply.getHeader('vary');
  const fields = (Array.isArray(vary) ? vary : [String(vary ?? '')])
    .flatMap((value) => value.split(','))
    .map((field) => field.trim())
    .filter((field) => field !== '');
  if (fields.some((field) => field === '*' || field.toLowerCase() === header)) return;
  reply.header('vary', [...fields, header].join(', '));
};
