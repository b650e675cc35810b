import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../domain/index.js';
import {
  cancelJob,
  everyItem,
  jobResult,
  listJobs,
  listTaxonomies,
  SKIPPED_LINES_HEADER,
  submitJob,
  type JobFormat,
  type ServiceContext,
} from '../services/index.js';
import { attachmentOf } from './download-name.js';
import type { FormAgain } from './form-again.js';
import { field, readFormToFile } from './form-input.js';
import { csrfForms, privatePage as page, usersOnly } from './forms.js';
import type { SiteLimits } from './site-limits.js';
import { readableTime } from './views/time-at.js';
import { jobsView, sitePaths, type JobsViewData } from './views/index.js';

const Token = Type.String({ maxLength: 200 });
const JobParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
/** The job a form just made or cancelled, by id: the notice names it only if the store agrees. */
const JobsQuery = Type.Object({
  submitted: Type.Optional(Type.String({ maxLength: 64 })),
  cancelled: Type.Optional(Type.String({ maxLength: 64 })),
});
const ResultQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('ndjson')])),
});

/** How an uploaded file is read, told by its extension: a CSV table, or a title a line. */
const uploadFormatOf = (filename: string): JobFormat => {
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (extension === 'csv') return 'csv';
  if (extension === 'txt' || extension === 'text') return 'text';
  const message = `${filename}: choose a .csv file with a header row, or a .txt file with one title a line`;
  throw new AppError('validation_failed', message, [{ field: 'file', message }]);
};

const noFile = () => {
  const message = 'choose a file of titles to submit';
  return new AppError('validation_failed', message, [{ field: 'file', message }]);
};

export interface JobsPageOptions {
  ctx: ServiceContext;
  limits: SiteLimits;
}

/**
 * A signed-in user's bulk jobs: a page to upload a file of titles as a job and follow the
 * user's jobs, download their results and cancel them. Each route is a thin page over the jobs
 * service the API answers from, with the user as the job's owner, so the same ownership, queue
 * places, limits and retention hold. The forms carry the site's CSRF token.
 */
export const jobsRoutes: FastifyPluginAsyncTypebox<JobsPageOptions> = async (
  app,
  { ctx, limits: { jobs: limits, holdUploadRate, holdStream } },
) => {
  const { checkCsrf, requireCsrf, csrfToken } = await csrfForms(app, ctx);
  const signedIn = usersOnly(sitePaths.jobs);

  const jobsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Pick<JobsViewData, 'draft' | 'error'> & { submitted?: string; cancelled?: string },
  ) => {
    const { submitted, cancelled, ...shown } = extra;
    const [jobs, taxonomies] = await Promise.all([
      everyItem((range) => listJobs(ctx, request.actor, range)),
      listTaxonomies(ctx),
    ]);
    // The notice names a job the store holds as the address says, never text the address
    // carries: a link sent to a user cannot make this page say something it did not do.
    const made = jobs.find((job) => job.id === submitted);
    const ended = jobs.find((job) => job.id === cancelled && job.state === 'cancelled');
    const done =
      made !== undefined
        ? `Submitted a job of ${made.counts.lines} lines. It is listed below.`
        : ended !== undefined
          ? `Cancelled the job submitted ${readableTime(ended.createdAt)}.`
          : undefined;
    return jobsView({
      csrfToken: csrfToken(reply),
      jobs,
      taxonomies: taxonomies.map((t) => ({ id: t.id, name: t.name })),
      limits: {
        bytes: limits.jobBytes,
        lines: limits.jobTitles,
        perUser: limits.jobsPerOwner,
        retentionHours: limits.jobRetentionMs / 3_600_000,
      },
      ...(done === undefined ? {} : { done }),
      ...shown,
    });
  };

  const submitAgain: FormAgain = (request, reply, { error, input }) =>
    jobsPage(request, reply, {
      error,
      draft: { taxonomy: input.taxonomy, column: input.column },
    });

  app.get(
    sitePaths.jobs,
    { schema: { hide: true, querystring: JobsQuery }, onRequest: signedIn },
    async (request, reply) => {
      const { submitted, cancelled } = request.query;
      return page(
        reply,
        await jobsPage(request, reply, {
          ...(submitted === undefined ? {} : { submitted }),
          ...(cancelled === undefined ? {} : { cancelled }),
        }),
      );
    },
  );

  app.post(
    sitePaths.jobs,
    {
      schema: { hide: true },
      onRequest: signedIn,
      config: { formAgain: submitAgain, uploadBytes: limits.jobBytes },
    },
    async (request, reply) => {
      const form = await readFormToFile(request, limits.jobBytes);
      requireCsrf(request, form.fields.get('_csrf')?.[0]);
      if (form.file === undefined) throw noFile();
      const taxonomy = field(form, 'taxonomy');
      const column = field(form, 'column');
      const format = uploadFormatOf(form.file.filename);
      holdUploadRate(request, reply);
      try {
        const job = await submitJob(
          ctx,
          request.actor,
          {
            body: form.file.bytes,
            format,
            options: taxonomy === undefined ? {} : { taxonomy },
            column: format === 'csv' ? column : undefined,
          },
          limits,
        );
        await form.finish();
        return reply.redirect(`${sitePaths.jobs}?submitted=${encodeURIComponent(job.id)}`, 303);
      } catch (error) {
        // A full service is an answer to this form too: it is shown again saying so, with the
        // choices made, rather than the site's error page, which would lose them.
        if (!(error instanceof AppError) || error.code !== 'unavailable') throw error;
        if (error.retryAfterSeconds !== undefined) {
          void reply.header('retry-after', String(error.retryAfterSeconds));
        }
        const refusal = { message: error.message };
        const draft = { taxonomy, column };
        return page(reply, await jobsPage(request, reply, { error: refusal, draft }), 503);
      }
    },
  );

  app.post(
    `${sitePaths.jobs}/:id/cancel`,
    {
      schema: { hide: true, params: JobParams, body: Type.Object({ _csrf: Token }) },
      onRequest: signedIn,
      preValidation: checkCsrf,
      config: {
        formAgain: (request, reply, { error }) =>
          jobsPage(request, reply, { error: { message: error.message } }),
      },
    },
    async (request, reply) => {
      const job = await cancelJob(ctx, request.actor, request.params.id, limits);
      return reply.redirect(`${sitePaths.jobs}?cancelled=${encodeURIComponent(job.id)}`, 303);
    },
  );

  app.get(
    `${sitePaths.jobs}/:id/result`,
    { schema: { hide: true, params: JobParams, querystring: ResultQuery }, onRequest: signedIn },
    async (request, reply) => {
      const { id } = request.params;
      const result = await jobResult(ctx, request.actor, id, request.query.format ?? 'csv');
      holdStream(request, reply);
      const name = `rolebook-job-${id.slice(0, 8)}.${result.format}`;
      void reply
        .header('content-disposition', attachmentOf(name))
        .header('cache-control', 'no-store');
      if (result.format === 'csv') {
        void reply
          .header(SKIPPED_LINES_HEADER, String(result.skipped))
          .type('text/csv; charset=utf-8');
      } else {
        void reply.type('application/x-ndjson');
      }
      return reply.send(Readable.from(result.text));
    },
  );
};
