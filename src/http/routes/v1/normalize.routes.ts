import { Readable } from 'node:stream';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  normalizeBatch,
  normalizeItem,
  normalizeTitle,
  readLines,
  type NormalizeOptions,
  type ServiceContext,
} from '../../../services/index.js';
import { problemResponses } from '../../schemas/common.schema.js';
import {
  NormalizeBatchBodySchema,
  NormalizeItemSchema,
  NormalizeQuerySchema,
  NormalizeResultSchema,
  NormalizeStreamQuerySchema,
} from '../../schemas/normalize.schema.js';

const NDJSON = 'application/x-ndjson';
const tags = ['normalize'];

/** A line of NDJSON input is a JSON string or an object with a `title`. */
const titleOfLine = (line: string): unknown => {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && 'title' in value ? value.title : value;
  } catch {
    return Symbol.for('unreadable');
  }
};

export const normalizeRoutes: FastifyPluginCallbackTypebox<{ ctx: ServiceContext }> = (
  app,
  { ctx },
  done,
) => {
  // NDJSON bodies are streamed through, not buffered: their size has no limit but time.
  app.addContentTypeParser(NDJSON, (_request, payload, next) => next(null, payload));

  app.get(
    '/normalize',
    {
      schema: {
        tags,
        summary: 'Normalize one job title',
        querystring: NormalizeQuerySchema,
        response: { 200: NormalizeResultSchema, ...problemResponses(400) },
      },
    },
    ({ query: { title, ...options } }) => normalizeTitle(ctx.titles, title, options),
  );

  app.post(
    '/normalize',
    {
      schema: {
        tags,
        summary: 'Normalize a batch of titles',
        description: `JSON: up to 10,000 titles in one request, results in input order. For more, send ${NDJSON} (one JSON string or {"title": …} per line, options in the query) and read ${NDJSON} back, one result per line, in input order.`,
        querystring: NormalizeStreamQuerySchema,
        body: {
          content: {
            'application/json': { schema: NormalizeBatchBodySchema },
            [NDJSON]: { schema: Type.Unknown({ description: 'One JSON title per line.' }) },
          },
        },
        response: {
          200: {
            description: 'One result per title, in input order',
            content: {
              'application/json': {
                schema: Type.Object({ results: Type.Array(NormalizeItemSchema) }),
              },
              [NDJSON]: { schema: NormalizeItemSchema },
            },
          },
          ...problemResponses(400, 413, 415),
        },
      },
    },
    async (request, reply) => {
      if (request.headers['content-type']?.startsWith(NDJSON)) {
        const index = await ctx.titles.get();
        const options: NormalizeOptions = request.query;
        const lines = readLines(request.body as Readable);
        const results = async function* () {
          for await (const line of lines) {
            if (line.trim() === '') continue;
            const title = titleOfLine(line);
            const item =
              typeof title === 'symbol'
                ? { input: line, error: { code: 'bad_request', message: 'the line is not JSON' } }
                : normalizeItem(index, title, options);
            yield `${JSON.stringify(item)}\n`;
          }
        };
        // The type provider types replies from the JSON schema; NDJSON goes out as a stream.
        return reply.type(NDJSON).send(Readable.from(results()) as never);
      }
      const { titles, ...options } = request.body as { titles: unknown[] } & NormalizeOptions;
      return {
        results: await normalizeBatch(ctx.titles, titles, { ...request.query, ...options }),
      };
    },
  );
  done();
};
