import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppError } from '../domain/index.js';
import type { FormErrorView } from './views/index.js';

/** A refused post, as its form shows it again: why, and what was typed (never a secret). */
export interface FormRefusal {
  status: number;
  error: FormErrorView;
  /** The first value of each field sent, without passwords and the CSRF token. */
  input: Readonly<Record<string, string>>;
}

/** The page of a form shown again with its refusal. */
export type FormAgain = (
  request: FastifyRequest,
  reply: FastifyReply,
  refusal: FormRefusal,
) => string | Promise<string>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** How this route's form is shown again when its post is refused. */
    formAgain?: FormAgain;
  }
}

/** Fields never sent back into a page: a password, and a token that may be what was refused. */
const UNKEPT = new Set(['password', '_csrf']);

const readForms = new WeakMap<FastifyRequest, ReadonlyMap<string, readonly string[]>>();

/** Keeps the fields of a form read by hand (multipart) for the form shown again. */
export const keepFormFields = (
  request: FastifyRequest,
  fields: ReadonlyMap<string, readonly string[]>,
) => {
  readForms.set(request, fields);
};

const sentFields = (request: FastifyRequest): [string, unknown][] => {
  const read = readForms.get(request);
  if (read !== undefined) return [...read].map(([name, values]) => [name, values[0]]);
  const body = request.body;
  return typeof body === 'object' && body !== null ? Object.entries(body) : [];
};

const keptInput = (request: FastifyRequest): Record<string, string> =>
  Object.fromEntries(
    sentFields(request)
      .map(([name, value]): [string, unknown] => [name, [value].flat()[0]])
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .filter(([name]) => !UNKEPT.has(name)),
  );

/**
 * Whether a refusal is about what the form sent: any client error but a 403 that is not about
 * its token, which refuses the person (not an admin), whom the form must not be shown to.
 */
const aboutTheForm = (error: AppError) =>
  error.status >= 400 &&
  error.status < 500 &&
  (error.status !== 403 || error.details.some((d) => d.field === '_csrf'));

/**
 * The form of the route asked, shown again with its refusal, when the route says how and the
 * refusal is about the form; undefined otherwise, and when the form cannot be shown again.
 */
export const formAgainPage = async (
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
): Promise<string | undefined> => {
  const formAgain = request.routeOptions.config.formAgain;
  if (formAgain === undefined || !aboutTheForm(error)) return undefined;
  try {
    return await formAgain(request, reply, {
      status: error.status,
      error: { message: error.message, fields: error.details },
      input: keptInput(request),
    });
  } catch (failure) {
    request.log.warn({ err: failure }, 'the refused form could not be shown again');
    return undefined;
  }
};
