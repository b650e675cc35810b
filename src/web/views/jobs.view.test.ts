import { describe, expect, it } from 'vitest';
import { jobsView, type JobsViewData } from './jobs.view.js';

const job = (state: JobsViewData['jobs'][number]['state']): JobsViewData['jobs'][number] => ({
  id: `job-${state}`,
  state,
  options: {},
  counts: { lines: 1200, answered: 1000, refused: 0 },
  createdAt: '2026-12-07T09:30:00.000Z',
  finishedAt: state === 'queued' || state === 'running' ? null : '2026-12-07T09:40:00.000Z',
  expiresAt: null,
  error: state === 'failed' ? 'The job stopped on an error of ours; submit it again.' : null,
});

const viewOf = (jobs: JobsViewData['jobs'], limits: Partial<JobsViewData['limits']> = {}) =>
  jobsView({
    csrfToken: 'token',
    jobs,
    taxonomies: [],
    limits: {
      bytes: 256 * 1_048_576,
      lines: 2_000_000,
      perUser: 5,
      retentionHours: 168,
      ...limits,
    },
  });

/** The row of the table that holds `text`. */
const rowOf = (page: string, text: string) =>
  page.split('<tr>').find((row) => row.includes(text)) ?? '';

describe('the bulk jobs page', () => {
  it('states the limits in plain units: megabytes, lines with separators, days', () => {
    const page = viewOf([]).replace(/\s+/g, ' ');
    expect(page).toContain('at most 256 MB and 2,000,000 lines');
    expect(page).toContain('You may have 5 jobs waiting or running at once');
    expect(page).toContain('Results are kept for 7 days after a job finishes');
  });

  it('keeps a retention that is not whole days in hours', () => {
    expect(viewOf([], { retentionHours: 36 }).replace(/\s+/g, ' ')).toContain('kept for 36 hours');
  });

  it('offers a cancel button only for jobs waiting or running', () => {
    const page = viewOf(
      ['queued', 'running', 'succeeded', 'failed', 'cancelled'].map((s) => job(s as never)),
    );
    const cancels = [...page.matchAll(/action="\/normalize\/jobs\/(job-\w+)\/cancel"/g)].map(
      (m) => m[1],
    );
    expect(cancels).toEqual(['job-queued', 'job-running']);
  });

  it('links the results of a finished job only, as CSV and as NDJSON', () => {
    const page = viewOf(['running', 'succeeded', 'failed'].map((s) => job(s as never)));
    const links = [...page.matchAll(/href="(\/normalize\/jobs\/[^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual([
      '/normalize/jobs/job-succeeded/result?format=csv',
      '/normalize/jobs/job-succeeded/result?format=ndjson',
    ]);
  });

  it('counts the lines done of the whole, and those that could not be read', () => {
    const failing = { ...job('running'), counts: { lines: 1200, answered: 990, refused: 10 } };
    const row = rowOf(viewOf([failing]), 'Running').replace(/\s+/g, ' ');
    expect(row).toContain('1,000 of 1,200 lines<br /><span class="meta">10 lines not read</span>');
  });

  it('says why a job failed in its row', () => {
    expect(rowOf(viewOf([job('failed')]), 'Failed')).toContain(
      'The job stopped on an error of ours',
    );
  });
});
