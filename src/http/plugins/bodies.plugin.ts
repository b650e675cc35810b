import type { FastifyInstance, FastifyRequest, preParsingHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import {
  AppError,
  decodeText,
  jsonSyntaxProblem,
  lineAndColumn,
  MAX_JSON_DEPTH,
  readJsonShape,
} from '../../domain/index.js';
import { charsetOf, hasBody, mediaTypeOf } from '../media-type.js';

/** Text bodies read whole; their size is bounded by the body limit. */
const TEXT_TYPES = ['text/plain', 'text/markdown', 'text/html'];

/** The media types an API route reads a body as: those its schema lists, or JSON for a plain schema. */
const mediaTypesOf = (request: FastifyRequest): string[] | undefined => {
  const schema = request.routeOptions.schema?.body as { content?: object } | undefined;
  if (schema === undefined) return undefined;
  return schema.content ? Object.keys(schema.content) : ['application/json'];
};

const mediaTypeProblem = (request: FastifyRequest): AppError | undefined => {
  const accepted = mediaTypesOf(request);
  if (accepted === undefined || !hasBody(request)) return undefined;
  const transfer = request.headers['transfer-encoding']?.trim().toLowerCase();
  // Node undoes chunking only; a body under another transfer coding would be read still coded.
  if (transfer !== undefined && transfer !== 'chunked') {
    return new AppError('bad_request', `Bodies are sent chunked or whole, not ${transfer}.`, [
      { field: 'headers.transfer-encoding', message: 'chunked, or none' },
    ]);
  }
  const contentType = request.headers['content-type'];
  const given = mediaTypeOf(contentType);
  const charset = charsetOf(contentType);
  if (accepted.includes(given)) {
    // Every body is read as UTF-8; one in another charset would be read as other characters.
    if (charset === undefined || charset === 'utf-8' || charset === 'utf8') return undefined;
    return new AppError(
      'unsupported_media_type',
      `Bodies are read as UTF-8 only, not ${charset}.`,
      [{ field: 'headers.content-type', message: 'charset utf-8, or none' }],
    );
  }
  return new AppError(
    'unsupported_media_type',
    given === ''
      ? `This request reads a body as ${accepted.join(', ')}; the body came with no Content-Type.`
      : `This request reads a body as ${accepted.join(', ')}, not ${given}.`,
    [{ field: 'headers.content-type', message: `one of ${accepted.join(', ')}` }],
  );
};

/**
 * The refusal of a body of a media type an API route does not read, before a byte of it is
 * read. Without it a JSON route would parse any text type a parser exists for and refuse it as
 * a string, saying nothing of the header that is wrong. Pages are left out: their forms post
 * form-encoded bodies to the same kind of schema.
 */
export const refuseUnreadMediaTypes: preParsingHookHandler = (request, _reply, payload, done) => {
  done(mediaTypeProblem(request) ?? null, payload);
};

/**
 * What is wrong with a JSON body Fastify's parser refused, where its own error says only that
 * it is not JSON: the place of a syntax error as line and column, or the forbidden key of a
 * body that is JSON. An empty body keeps the parser's own error, which says so.
 */
const jsonProblem = (text: string, error: Error): Error => {
  if (text.trim() === '') return error;
  try {
    JSON.parse(text);
  } catch (syntax) {
    const { reason, line, column } = jsonSyntaxProblem(text, syntax as Error);
    if (line === undefined) {
      return new AppError('bad_request', `The body is not valid JSON: ${reason}.`, [
        { field: 'body', message: reason },
      ]);
    }
    const where = `line ${line}, column ${column}`;
    return new AppError('bad_request', `The body is not valid JSON at ${where}: ${reason}.`, [
      { field: 'body', message: `${reason} (${where})` },
    ]);
  }
  return new AppError(
    'bad_request',
    'The body has a field named __proto__ or constructor, which no request accepts.',
    [{ field: 'body', message: 'has a field named __proto__ or constructor' }],
  );
};

/** The refusal of a JSON body whose object gives a key twice, naming the key and where. */
const repeatedKeyProblem = (text: string, { key, at }: { key: string; at: number }): AppError => {
  const where = lineAndColumn(text, at);
  const shown = key.length > 60 ? `${key.slice(0, 60)}…` : key;
  return new AppError(
    'bad_request',
    `The body gives the field "${shown}" twice in one object (again at ${where}); give it once.`,
    [{ field: 'body', message: `gives "${shown}" twice (${where})` }],
  );
};

/**
 * How every buffered body is read: as strict UTF-8 or marked UTF-16 (see decodeText), and JSON no deeper than `MAX_JSON_DEPTH`
 * with no key given twice in one object, then parsed by Fastify's own JSON parser (which refuses `__proto__` and `constructor` keys).
 * Routes that stream a body register their own parser for its media type.
 */
export const bodiesPlugin = fp((app: FastifyInstance) => {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    // Clients that name JSON on every call (a publish, a delete) send it with no body at all;
    // an operation that reads none has nothing to refuse. One that reads a body still says so.
    if ((body as Buffer).length === 0 && request.routeOptions.schema?.body === undefined) {
      return done(null, undefined);
    }
    try {
      const text = decodeText(body as Buffer);
      const shape = readJsonShape(text, MAX_JSON_DEPTH);
      if (shape.depth > MAX_JSON_DEPTH) {
        throw new AppError(
          'bad_request',
          `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels of arrays and objects.`,
        );
      }
      void parseJson(request, text, (error, value) => {
        if (error) return done(jsonProblem(text, error), undefined);
        if (shape.repeatedKey !== undefined)
          return done(repeatedKeyProblem(text, shape.repeatedKey));
        return done(null, value);
      });
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.addContentTypeParser(TEXT_TYPES, { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, decodeText(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // A body schema given per media type is checked only against a body of one of those types, so
  // a request sent with no body and no Content-Type would reach its handler unchecked.
  app.addHook('preValidation', (request, _reply, done) => {
    const schema = request.routeOptions.schema?.body as { content?: object } | undefined;
    const unchecked =
      schema?.content !== undefined &&
      request.body === undefined &&
      request.headers['content-type'] === undefined;
    done(
      unchecked
        ? new AppError(
            'unsupported_media_type',
            `This request needs a body, sent as ${Object.keys(schema.content!).join(', ')}.`,
          )
        : undefined,
    );
  });
});
