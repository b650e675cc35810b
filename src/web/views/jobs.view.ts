import { html, type SafeHtml } from '../../guides/index.js';
import { csrfField, notice } from './account.view.js';
import { fileField, formErrors, type FormErrorView } from './form-error.js';
import { layout } from './layout.js';
import { sitePaths, withQuery } from './site-paths.js';
import { count } from './text.js';
import { readableTime, timeAt } from './time-at.js';
import type { TaxonomyListItem } from './view-models.js';

/** A bulk job as its owner's list shows it. */
export interface JobRowView {
  id: string;
  state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  options: { taxonomy?: string | undefined; column?: string | undefined };
  counts: { lines: number; answered: number; refused: number };
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string | null;
  error: string | null;
}

/** What a job may take, as the service is configured, told before a file is chosen. */
export interface JobsLimitsView {
  bytes: number;
  lines: number;
  perUser: number;
  retentionHours: number;
}

export interface JobsViewData {
  csrfToken: string;
  jobs: readonly JobRowView[];
  taxonomies: readonly TaxonomyListItem[];
  limits: JobsLimitsView;
  /** What the upload form sent, kept after a refusal (a file cannot be chosen again for you). */
  draft?: { taxonomy?: string | undefined; column?: string | undefined };
  error?: FormErrorView;
  done?: string;
}

const STATE_NAMES: Readonly<Record<JobRowView['state'], string>> = {
  queued: 'Waiting',
  running: 'Running',
  succeeded: 'Finished',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** The path of a job's answers in one of the formats the API offers. */
const jobResultPath = (id: string, format: 'csv' | 'ndjson'): string =>
  withQuery(`${sitePaths.jobs}/${encodeURIComponent(id)}/result`, { format });

const megabytes = (bytes: number) => {
  const mb = bytes / 1_048_576;
  return mb >= 1 ? `${Math.round(mb)} MB` : `${Math.round(bytes / 1024)} KB`;
};

const retention = (hours: number) =>
  hours % 24 === 0 ? count(hours / 24, 'day') : count(hours, 'hour');

const progress = (job: JobRowView): SafeHtml => {
  const { lines, answered, refused } = job.counts;
  const done = `${(answered + refused).toLocaleString('en')} of ${count(lines, 'line')}`;
  return html`${done}${
    refused > 0 && html`<br /><span class="meta">${count(refused, 'line')} not read</span>`
  }`;
};

const actions = (job: JobRowView, token: string): SafeHtml | string => {
  if (job.state === 'succeeded') {
    // One element, so a narrow screen's stacked row keeps the links together.
    return html`<span
      ><a href="${jobResultPath(job.id, 'csv')}" download>CSV</a> ·
      <a href="${jobResultPath(job.id, 'ndjson')}" download>NDJSON</a></span
    >`;
  }
  if (job.state === 'queued' || job.state === 'running') {
    return html`<form
      class="inline"
      method="post"
      action="${sitePaths.jobs}/${encodeURIComponent(job.id)}/cancel"
    >
      ${csrfField(token)}
      <button type="submit" aria-label="Cancel the job submitted ${readableTime(job.createdAt)}">
        Cancel
      </button>
    </form>`;
  }
  return job.error ?? '—';
};

const jobRow = (job: JobRowView, token: string): SafeHtml =>
  html`<tr>
    <td data-label="Submitted">${timeAt(job.createdAt)}</td>
    <td data-label="Taxonomy">${job.options.taxonomy ?? 'All'}</td>
    <td data-label="State">${STATE_NAMES[job.state]}</td>
    <td data-label="Progress">${progress(job)}</td>
    <td data-label="Finished">${job.finishedAt === null ? '—' : timeAt(job.finishedAt)}</td>
    <td data-label="Results">${actions(job, token)}</td>
  </tr>`;

const jobList = (data: JobsViewData): SafeHtml =>
  data.jobs.length === 0
    ? html`<p>No jobs yet: the ones you submit are listed here until they are deleted.</p>`
    : html`<div class="table-wrap">
        <table class="stack-table">
          <caption class="visually-hidden">
            Your bulk jobs, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Submitted</th>
              <th scope="col">Taxonomy</th>
              <th scope="col">State</th>
              <th scope="col">Progress</th>
              <th scope="col">Finished</th>
              <th scope="col">Results</th>
            </tr>
          </thead>
          <tbody>
            ${data.jobs.map((job) => jobRow(job, data.csrfToken))}
          </tbody>
        </table>
      </div>`;

/**
 * A signed-in user's bulk jobs: a form to upload a file of titles, which makes a job, and the
 * user's jobs, newest first, with their progress, their results once finished, and a button to
 * cancel the ones still waiting or running. The file input comes last in the form, so the
 * fields before it arrive before the file does.
 */
export const jobsView = (data: JobsViewData): string => {
  const refused = formErrors(data.error, 'job', {
    file: 'job-file',
    column: 'job-column',
    taxonomy: 'job-taxonomy',
  });
  const chosen = data.draft?.taxonomy;
  const { limits } = data;
  return layout(
    { title: 'Bulk jobs', section: 'jobs', noindex: true, wide: true },
    html`<h1>Bulk jobs</h1>
      <p class="lead">
        Upload a file of titles and come back for the results: a job runs in the background, so a
        file of any length the service takes can be normalized without keeping this page open.
      </p>
      ${notice(data.done)}
      <section aria-labelledby="new-job-heading">
        <h2 id="new-job-heading">Submit a file</h2>
        <p class="meta">
          A CSV file with a header row, or a text file with one title a line; at most
          ${megabytes(limits.bytes)} and ${count(limits.lines, 'line')}. You may have
          ${count(limits.perUser, 'job')} waiting or running at once. Results are kept for
          ${retention(limits.retentionHours)} after a job finishes.
        </p>
        ${refused.top()}
        <form
          class="stack"
          method="post"
          action="${sitePaths.jobs}"
          enctype="multipart/form-data"
          aria-labelledby="new-job-heading"
        >
          ${csrfField(data.csrfToken)}
          <label for="job-taxonomy">Taxonomy</label>
          <select id="job-taxonomy" name="taxonomy" ${refused.attributes('taxonomy')}>
            <option value="" ${chosen === undefined && ' selected'}>All taxonomies</option>
            ${data.taxonomies.map((t) => html`<option value="${t.id}" ${t.id === chosen && ' selected'}>${t.name}</option>`)}
          </select>
          ${refused.message('taxonomy')}
          <label for="job-column">Column with the titles, for a CSV file (its header)</label>
          <p class="meta" id="job-column-hint">
            Left empty: the column headed Title, Job title, Position, Role or Vacancy.
          </p>
          <input
            id="job-column"
            type="text"
            name="column"
            value="${data.draft?.column ?? ''}"
            aria-describedby="job-column-hint"
            ${refused.attributes('column')}
          />
          ${refused.message('column')}
          ${fileField(refused, { id: 'job-file', label: 'File of titles (.csv or .txt)', accept: '.csv,.txt,text/csv,text/plain' })}
          <button type="submit">Submit the job</button>
        </form>
      </section>
      <section aria-labelledby="jobs-heading">
        <h2 id="jobs-heading">Your jobs</h2>
        <p><a href="${sitePaths.jobs}">Refresh the list</a> to see how far a job has come.</p>
        ${jobList(data)}
      </section>`,
  );
};
