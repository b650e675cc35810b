import { Readable } from 'node:stream';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../../domain/index.js';
import {
  cancelJob,
  getJob,
  jobOwnerOf,
  jobResult,
  listJobs,
  MAX_LINE_BYTES,
  SKIPPED_LINES_HEADER,
  submitJob,
  type JobFormat,
  type JobLimits,
  type JobView,
  type ResultFormat,
  type ServiceContext,
  uploadTooLarge,
} from '../../../services/index.js';
import { negotiate } from '../../../web/index.js';
import { mediaTypeOf } from '../../media-type.js';
import type { StreamSlots } from '../../stream-slots.js';
import { holdToUploadRate, type UploadRate } from '../../upload-rate.js';
import { PageOnlyQuerySchema, problemResponses } from '../../schemas/common.schema.js';
import { JobPageSchema, JobParamsSchema, JobSchema } from '../../schemas/job.schema.js';
import { NormalizeStreamQuerySchema, titleUploadContent } from '../../schemas/normalize.schema.js';

/*
 * Bulk normalize jobs, under /v1/normalize/jobs rather than a /v1/jobs of their own: a job's
 * upload, options and answers are the streamed batch's, and a general jobs path would promise
 * kinds of work there are none of.
 */

const NDJSON = 'application/x-ndjson';
const CSV = 'text/csv';
const tags = ['jobs'];
const BASE = '/v1/normalize/jobs';

const uploadFormats: Record<string, JobFormat> = {
  [NDJSON]: 'ndjson',
  'text/plain': 'text',
  [CSV]: 'csv',
};
const resultFormats: Record<string, ResultFormat> = { [NDJSON]: 'ndjson', [CSV]: 'csv' };

const withLinks = (job: JobView) => ({
  ...job,
  links: {
    self: `${BASE}/${job.id}`,
    result: `${BASE}/${job.id}/result`,
    cancel: `${BASE}/${job.id}/cancel`,
  },
});

/**
 * The answer's format an Accept header asks for: with none (or any), the upload's own kind, CSV
 * for a CSV upload; `not_acceptable` when it allows neither.
 */
const resultFormatFor = (accept: string | undefined, upload: JobFormat): ResultFormat => {
  if (accept === undefined || accept.trim() === '' || accept.trim() === '*/*') {
    return upload === 'csv' ? 'csv' : 'ndjson';
  }
  const chosen = negotiate(accept, Object.keys(resultFormats));
  if (chosen === undefined) {
    throw new AppError(
      'not_acceptable',
      `A job's results are available as ${NDJSON} or ${CSV}; the Accept header allows neither.`,
      [{ field: 'headers.accept', message: `not ${NDJSON} or ${CSV}` }],
    );
  }
  return resultFormats[chosen] as ResultFormat;
};

export interface JobsRoutesOptions {
  ctx: ServiceContext;
  limits: JobLimits;
  /** What an upload still arriving must bring, as a streamed batch's must. */
  uploadRate: UploadRate;
  /** The server's stream slots: a result download is a stream as long as a batch's answer. */
  slots: StreamSlots;
}

export const jobsRoutes: FastifyPluginCallbackTypebox<JobsRoutesOptions> = (
  app,
  { ctx, limits, uploadRate, slots },
  done,
) => {
  // A job is someone's: a client with neither key nor session is told so before anything about
  // its body (a 415 would send it to fix a body it may not send at all).
  app.addHook('onRequest', (request, _reply, next) => {
    try {
      jobOwnerOf(request.actor);
      next();
    } catch (error) {
      next(error as Error);
    }
  });
  // Uploads are passed through as they arrive and stored a chunk at a time, never buffered.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(Object.keys(uploadFormats), (_request, payload, next) =>
    next(null, payload),
  );
  const limitsText = `An upload may hold ${limits.jobBytes} bytes and ${limits.jobTitles} lines (413 beyond), a line ${MAX_LINE_BYTES} bytes (that line is answered with its error); one API key or user may have ${limits.jobsPerOwner} jobs waiting or running (429 beyond), and the service ${limits.jobs} in all (503 beyond). A finished job and its results are deleted ${limits.jobRetentionMs / 3_600_000} hours after it finished.`;

  app.post(
    '/normalize/jobs',
    {
      config: { streamedMediaTypes: Object.keys(uploadFormats) },
      // An upload that says up front it is too large is refused before a byte of it is read,
      // rather than once hundreds of mebibytes have come in.
      onRequest: (request, _reply, next) => {
        const declared = Number(request.headers['content-length'] ?? 0);
        next(declared > limits.jobBytes ? uploadTooLarge(limits.jobBytes) : undefined);
      },
      schema: {
        tags,
        summary: 'Submit a bulk normalize job',
        description: `Titles as the streamed batch takes them (${NDJSON}, text/plain or ${CSV} with a header row, options and \`column\` in the query), stored and answered in the background: poll the job, then download its results. The job belongs to the API key or user that submitted it; nobody else sees it. ${limitsText}`,
        querystring: NormalizeStreamQuerySchema,
        body: { content: titleUploadContent },
        response: {
          202: {
            description: 'The job, queued; Location is where to poll it',
            headers: { location: Type.String({ description: 'The URL of the job.' }) },
            content: { 'application/json': { schema: JobSchema } },
          },
          ...problemResponses(400, 401, 404, 413, 415, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const { column, ...options } = request.query;
      // A trickled upload is cut, so it cannot hold its owner's queue place until the timeout.
      reply.raw.once('close', holdToUploadRate(request.raw, uploadRate));
      const job = await submitJob(
        ctx,
        request.actor,
        {
          body: request.body as Readable,
          format: uploadFormats[mediaTypeOf(request.headers['content-type'])] as JobFormat,
          options,
          column,
        },
        limits,
      );
      return reply.status(202).header('location', `${BASE}/${job.id}`).send(withLinks(job));
    },
  );

  app.get(
    '/normalize/jobs',
    {
      schema: {
        tags,
        summary: "List the caller's bulk normalize jobs, newest first",
        querystring: PageOnlyQuerySchema,
        response: { 200: JobPageSchema, ...problemResponses(400, 401) },
      },
    },
    async (request) => {
      const page = await listJobs(ctx, request.actor, request.query);
      return { ...page, items: page.items.map(withLinks) };
    },
  );

  app.get(
    '/normalize/jobs/:id',
    {
      schema: {
        tags,
        summary: 'Read a bulk normalize job: its state, counts and links',
        params: JobParamsSchema,
        response: { 200: JobSchema, ...problemResponses(401, 404) },
      },
    },
    async (request) => withLinks(await getJob(ctx, request.actor, request.params.id)),
  );

  app.get(
    '/normalize/jobs/:id/result',
    {
      schema: {
        tags,
        summary: "Download a bulk normalize job's results",
        description: `One answer per input line, in input order, blank lines kept: ${NDJSON} (the streamed batch's result lines) or ${CSV} (the upload's rows with the result columns added; a list of titles as a CSV headed \`title\`), by Accept; with none, the upload's own kind. 409 until the job has succeeded: a 2xx with no answers would read as answers. 404 once the job has expired and been deleted. A download holds one of the client's streams while it is read, as a streamed batch does (429 or 503 beyond).`,
        params: JobParamsSchema,
        response: {
          200: {
            description: 'The answers',
            content: {
              [NDJSON]: { schema: Type.String() },
              [CSV]: { schema: Type.String() },
            },
          },
          ...problemResponses(401, 404, 406, 409, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const { format } = await getJob(ctx, request.actor, request.params.id);
      const result = await jobResult(
        ctx,
        request.actor,
        request.params.id,
        resultFormatFor(request.headers.accept, format),
      );
      slots.hold(request, reply);
      if (result.format === 'csv') {
        void reply
          .header(SKIPPED_LINES_HEADER, String(result.skipped))
          .type(`${CSV}; charset=utf-8`);
      } else {
        void reply.type(NDJSON);
      }
      return reply.send(Readable.from(result.text) as never);
    },
  );

  app.post(
    '/normalize/jobs/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a bulk normalize job that is waiting or running',
        description:
          'A running job stops at its next chunk of titles. The job stays listed, cancelled; its titles and answers are deleted at once. 409 when the job has already finished.',
        params: JobParamsSchema,
        response: { 200: JobSchema, ...problemResponses(401, 404, 409) },
      },
    },
    async (request) => withLinks(await cancelJob(ctx, request.actor, request.params.id, limits)),
  );
  done();
};
