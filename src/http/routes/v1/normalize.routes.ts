import { Readable } from 'node:stream';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  RESULT_COLUMN_RULE,
  TITLE_COLUMN_RULE,
  MAX_LINE_BYTES,
  normalizeBatch,
  normalizeCsv,
  normalizeLines,
  normalizeTitle,
  openCsvTitles,
  SKIPPED_LINES_HEADER,
  readLines,
  requireTaxonomy,
  type LineFormat,
  type NormalizeOptions,
  type ServiceContext,
} from '../../../services/index.js';
import { validationError } from '../../../domain/index.js';
import type { StreamSlots } from '../../stream-slots.js';
import { mediaTypeOf } from '../../media-type.js';
import { problemResponses } from '../../schemas/common.schema.js';
import {
  NormalizeBatchBodySchema,
  NormalizeBatchResultSchema,
  NormalizeItemSchema,
  NormalizeQuerySchema,
  NormalizeResultSchema,
  NormalizeStreamQuerySchema,
  titleUploadContent,
} from '../../schemas/normalize.schema.js';

const NDJSON = 'application/x-ndjson';
const CSV = 'text/csv';
const tags = ['normalize'];

/** Media types whose bodies are read as they arrive, a line at a time, and answered as NDJSON. */
const streamedFormats: Record<string, LineFormat> = { [NDJSON]: 'ndjson', 'text/plain': 'text' };

const streamFormatOf = (contentType: string | undefined): LineFormat | undefined =>
  streamedFormats[mediaTypeOf(contentType)];

/**
 * Refuses an option a JSON batch gives both in the query and in its body: which one the
 * client meant cannot be known, and answering by either would look like the other was heard.
 */
const refuseOptionsGivenTwice = (query: object, body: object): void => {
  const twice = Object.keys(query).filter((name) => Object.hasOwn(body, name));
  if (twice.length === 0) return;
  throw validationError(
    `${twice.join(', ')} ${twice.length === 1 ? 'is' : 'are'} given both in the query and in the body; give each option in one place.`,
    twice.flatMap((name) => [
      { field: `query.${name}`, message: 'is also given in the body' },
      { field: `body.${name}`, message: 'is also given in the query' },
    ]),
  );
};

export interface NormalizeRoutesOptions {
  ctx: ServiceContext;
  /** The server's stream slots, which the site's CSV downloads take too. */
  slots: StreamSlots;
}

export const normalizeRoutes: FastifyPluginCallbackTypebox<NormalizeRoutesOptions> = (
  app,
  { ctx, slots },
  done,
) => {
  // Streamed bodies are passed through, not buffered: lines are bounded, the whole is not.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser([...Object.keys(streamedFormats), CSV], (_request, payload, next) =>
    next(null, payload),
  );

  app.get(
    '/normalize',
    {
      schema: {
        tags,
        summary: 'Normalize one job title',
        querystring: NormalizeQuerySchema,
        response: { 200: NormalizeResultSchema, ...problemResponses(400, 404) },
      },
    },
    async ({ query: { title, ...options } }) => {
      await requireTaxonomy(ctx, options);
      return normalizeTitle(ctx.titles, title, options, 'query.title');
    },
  );

  app.post(
    '/normalize',
    {
      config: { streamedMediaTypes: [...Object.keys(streamedFormats), CSV] },
      schema: {
        tags,
        summary: 'Normalize a batch of titles',
        description: `JSON: up to 10,000 titles in one request, results in input order; an option goes in the body or the query, not both (400). For more, stream ${NDJSON} (one JSON string or {"title": …} per line) or text/plain (one title per line), options in the query, and read ${NDJSON} back: one result per input line, in input order, blank and unreadable lines answered with their error. ${CSV} with a header row is answered in ${CSV}, its cells separated as the header row's are (by commas, or by the semicolons or tabs it holds more of): every input row with the first match and the parsed facts added as columns (${RESULT_COLUMN_RULE}); \`column\` names the title column (default: ${TITLE_COLUMN_RULE}). JSON items, like NDJSON lines, are strings or {"title": …}; one that also names an option (taxonomy, top, minScore) is answered with its own error, as options apply to the whole batch. A line may be ${MAX_LINE_BYTES} bytes long; each client may run ${slots.perClient} streams at once (429 beyond).`,
        querystring: NormalizeStreamQuerySchema,
        body: {
          content: {
            'application/json': { schema: NormalizeBatchBodySchema },
            ...titleUploadContent,
          },
        },
        response: {
          200: {
            description: 'One result per title, in input order',
            content: {
              'application/json': { schema: NormalizeBatchResultSchema },
              [NDJSON]: { schema: NormalizeItemSchema },
              [CSV]: {
                schema: Type.String({
                  description: `The input rows, result columns added; ${SKIPPED_LINES_HEADER} counts the lines above the CSV header left out (a title line).`,
                }),
              },
            },
          },
          ...problemResponses(400, 404, 413, 415, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const { column, ...query } = request.query;
      const streamed = request.body instanceof Readable;
      if (!streamed) refuseOptionsGivenTwice(query, request.body as object);
      // A JSON body may name the taxonomy itself; a streamed one names it in the query.
      await requireTaxonomy(
        ctx,
        streamed ? query : { ...query, ...(request.body as NormalizeOptions) },
      );
      if (mediaTypeOf(request.headers['content-type']) === CSV) {
        slots.hold(request, reply);
        const index = await ctx.titles.get();
        const table = await openCsvTitles(request.body as Readable, column);
        return reply
          .header(SKIPPED_LINES_HEADER, String(table.skipped.length))
          .type(`${CSV}; charset=utf-8`)
          .send(Readable.from(normalizeCsv(index, table, query)) as never);
      }
      const format = streamFormatOf(request.headers['content-type']);
      if (format) {
        slots.hold(request, reply);
        const index = await ctx.titles.get();
        const options: NormalizeOptions = query;
        const lines = readLines(request.body as Readable);
        // The type provider types replies from the JSON schema; NDJSON goes out as a stream.
        return reply
          .type(NDJSON)
          .send(Readable.from(normalizeLines(index, lines, format, options)) as never);
      }
      const { titles, ...options } = request.body as { titles: unknown[] } & NormalizeOptions;
      return {
        results: await normalizeBatch(ctx.titles, titles, { ...query, ...options }),
      };
    },
  );
  done();
};
