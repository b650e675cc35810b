import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultServerLimits, type ServerLimits } from '../../src/config.js';
import {
  cancelJob,
  createApiKey,
  getJob,
  openRolebook,
  submitJob,
  startJobRunner,
  sweepExpiredJobs,
  systemActor,
  type JobRunner,
  type JobRunnerOptions,
  type Rolebook,
} from '../../src/services/index.js';
import { startServer, type TestServer } from '../support/server.js';
import { fixtureContentDir, storeTargets } from '../support/stores.js';

interface Job {
  id: string;
  state: string;
  counts: { lines: number; answered: number; refused: number };
  links: { self: string; result: string };
}

const NDJSON = 'application/x-ndjson';

/** Titles known and unknown, a blank line and lines that are not titles, in 2½ chunks. */
const lines = Array.from({ length: 2_500 }, (_, i) =>
  i % 97 === 5
    ? ''
    : i % 89 === 7
      ? 'not json'
      : JSON.stringify(
          `${['SQL Writer', 'Sr. API Engineer - Remote', 'Chief Vibes Officer'][i % 3]} ${i}`,
        ),
);
const upload = `${lines.join('\n')}\n`;

const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);

describe.each(storeTargets)('bulk normalize jobs on $name', (target) => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  const serve = async (limits: Partial<ServerLimits> = {}): Promise<TestServer> => {
    const server = await startServer(target, { limits });
    cleanup.push(() => server.close());
    return server;
  };

  const run = (rolebook: Rolebook, options: Partial<JobRunnerOptions> = {}): JobRunner => {
    const runner = startJobRunner(rolebook.ctx, {
      limits: defaultServerLimits,
      concurrency: 1,
      pollMs: 50,
      ...options,
    });
    cleanup.push(() => runner.stop());
    return runner;
  };

  /** A second instance on the server's database, as another process would open it. */
  const otherInstance = async (server: TestServer): Promise<Rolebook> => {
    const { dialect } = server.rolebook.ctx.store;
    const rolebook = await openRolebook({
      database: dialect.file ?? (process.env.TEST_POSTGRES_URL as string),
      ...(dialect.schema === undefined ? {} : { schema: dialect.schema }),
      contentDir: fixtureContentDir,
    });
    cleanup.push(() => rolebook.close());
    return rolebook;
  };

  const submit = (server: TestServer, body: string, type = NDJSON, query = '', key?: string) =>
    server.request(`/v1/normalize/jobs${query}`, {
      method: 'POST',
      key: key ?? server.writeKey,
      headers: { 'content-type': type },
      body,
    });

  const submitted = async (server: TestServer, body = upload, type = NDJSON): Promise<Job> => {
    const response = await submit(server, body, type);
    expect(response.status).toBe(202);
    return (await response.json()) as Job;
  };

  const poll = async (server: TestServer, id: string): Promise<Job> => {
    for (;;) {
      const response = await server.request(`/v1/normalize/jobs/${id}`, { key: server.writeKey });
      const job = (await response.json()) as Job;
      if (FINISHED.has(job.state)) return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const result = async (server: TestServer, id: string, accept = NDJSON) => {
    const response = await server.request(`/v1/normalize/jobs/${id}/result`, {
      key: server.writeKey,
      headers: { accept },
    });
    return response.text();
  };

  const streamed = async (server: TestServer, body: string, type = NDJSON) => {
    const response = await server.request('/v1/normalize', {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
    return response.text();
  };

  it('answers a job as the streamed batch answers the same NDJSON, line for line', async () => {
    const server = await serve();
    run(server.rolebook);
    const job = await submitted(server);
    expect((await poll(server, job.id)).state).toBe('succeeded');
    const answers = await result(server, job.id);
    expect(answers).toBe(await streamed(server, upload));
    expect(answers.split('\n').slice(0, -1)).toHaveLength(lines.length);
  });

  it('answers a CSV job as the streamed batch answers the same CSV', async () => {
    const server = await serve();
    run(server.rolebook);
    const csv = `id,job title\n1,SQL Writer\n2,\n3,"Sr. API Engineer, Remote"\n`;
    const job = await submitted(server, csv, 'text/csv');
    expect((await poll(server, job.id)).state).toBe('succeeded');
    expect(await result(server, job.id, 'text/csv')).toBe(await streamed(server, csv, 'text/csv'));
  });

  it('counts every line once, answered or refused', async () => {
    const server = await serve();
    run(server.rolebook);
    const job = await poll(server, (await submitted(server)).id);
    const refused = lines.filter((line) => line === '' || line === 'not json').length;
    expect(job.counts).toEqual({ lines: lines.length, answered: lines.length - refused, refused });
  });

  it('resumes a job stopped midway on another instance, answering every line once', async () => {
    const server = await serve();
    const saved: number[] = [];
    const first: { runner?: JobRunner } = {};
    first.runner = run(server.rolebook, {
      onChunk: (_job, seq) => {
        saved.push(seq);
        void first.runner?.stop();
      },
    });
    const job = await submitted(server);
    while (saved.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await first.runner.stop();
    const rest: number[] = [];
    run(await otherInstance(server), { onChunk: (_job, seq) => rest.push(seq) });
    const done = await poll(server, job.id);
    expect(done.state).toBe('succeeded');
    expect([...saved, ...rest].sort()).toEqual([0, 1, 2]);
    expect(done.counts.answered + done.counts.refused).toBe(lines.length);
    expect(await result(server, job.id)).toBe(await streamed(server, upload));
  });

  it.runIf(target.name === 'postgres')(
    'never runs a chunk on two instances sharing the database',
    async () => {
      const server = await serve();
      const other = await otherInstance(server);
      const saved: string[] = [];
      const onChunk = (job: string, seq: number) => saved.push(`${job}/${seq}`);
      const jobs = [await submitted(server), await submitted(server), await submitted(server)];
      run(server.rolebook, { onChunk, concurrency: 2 });
      run(other, { onChunk, concurrency: 2 });
      for (const job of jobs) expect((await poll(server, job.id)).state).toBe('succeeded');
      expect(saved).toHaveLength(9);
      expect(new Set(saved).size).toBe(9);
    },
  );

  it('cancels a queued job, whose results are then never given', async () => {
    const server = await serve();
    const job = await submitted(server, 'SQL Writer\n', 'text/plain');
    const response = await server.request(`/v1/normalize/jobs/${job.id}/cancel`, {
      method: 'POST',
      key: server.writeKey,
    });
    expect(((await response.json()) as Job).state).toBe('cancelled');
    const download = await server.request(`/v1/normalize/jobs/${job.id}/result`, {
      key: server.writeKey,
    });
    expect(download.status).toBe(409);
  });

  it('stops a running job that is cancelled at its next chunk', async () => {
    const server = await serve();
    const saved: number[] = [];
    const job = await submitted(server);
    run(server.rolebook, {
      onChunk: (id, seq) => {
        saved.push(seq);
        if (seq === 0) {
          void server.request(`/v1/normalize/jobs/${id}/cancel`, {
            method: 'POST',
            key: server.writeKey,
          });
        }
      },
    });
    const done = await poll(server, job.id);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(done.state).toBe('cancelled');
    expect(saved.length).toBeLessThan(3);
  });

  it("answers another key's job with 404", async () => {
    const server = await serve();
    const job = await submitted(server, 'SQL Writer\n', 'text/plain');
    const { secret } = await createApiKey(server.rolebook.ctx, systemActor('test'), {
      name: 'other',
      scopes: ['read'],
    });
    for (const [path, method] of [
      [job.links.self, 'GET'],
      [job.links.result, 'GET'],
      [`${job.links.self}/cancel`, 'POST'],
    ] as const) {
      expect((await server.request(path, { method, key: secret })).status).toBe(404);
    }
    const list = await server.request('/v1/normalize/jobs', { key: secret });
    expect(((await list.json()) as { total: number }).total).toBe(0);
  });

  it('refuses a job without an API key or a session', async () => {
    const server = await serve();
    const response = await server.request('/v1/normalize/jobs', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'SQL Writer\n',
    });
    expect(response.status).toBe(401);
  });

  it('refuses an upload of more lines than a job takes, naming the first line too many', async () => {
    const server = await serve({ jobTitles: 2 });
    const response = await submit(server, 'a\nb\nc\n', 'text/plain');
    expect(response.status).toBe(413);
    const problem = (await response.json()) as { code: string; errors: { line: number }[] };
    expect(problem.code).toBe('payload_too_large');
    expect(problem.errors[0]?.line).toBe(3);
    const list = await server.request('/v1/normalize/jobs', { key: server.writeKey });
    expect(((await list.json()) as { total: number }).total).toBe(0);
  });

  it('refuses an upload of more bytes than a job takes', async () => {
    const server = await serve({ jobBytes: 1024 });
    const response = await submit(server, 'SQL Writer\n'.repeat(200), 'text/plain');
    expect(response.status).toBe(413);
  });

  it('refuses a job beyond the jobs one key may have waiting', async () => {
    const server = await serve({ jobsPerOwner: 1 });
    await submitted(server, 'SQL Writer\n', 'text/plain');
    const response = await submit(server, 'SQL Writer\n', 'text/plain');
    expect(response.status).toBe(429);
    expect(((await response.json()) as { code: string }).code).toBe('rate_limited');
  });

  it('refuses a CSV upload whose title column is missing, before storing a job', async () => {
    const server = await serve();
    const response = await submit(server, 'id,team\n1,x\n', 'text/csv', '?column=nope');
    expect(response.status).toBe(400);
  });

  it('frees the queue place of an upload left unfinished once no request could still send it', async () => {
    let at = Date.now();
    const rolebook = await target.open({ clock: () => new Date(at) });
    cleanup.push(() => rolebook.close());
    const actor = systemActor('orphan');
    const limits = { ...defaultServerLimits, jobsPerOwner: 1 };
    const body = new Readable({ read() {} });
    body.push('SQL Writer\n');
    const left = submitJob(rolebook.ctx, actor, { body, format: 'text', options: {} }, limits);
    left.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    at += defaultServerLimits.requestTimeoutMs + 1;
    expect(await sweepExpiredJobs(rolebook.ctx)).toBe(1);
    const next = await submitJob(
      rolebook.ctx,
      actor,
      { body: Readable.from(['SQL Writer\n']), format: 'text', options: {} },
      limits,
    );
    expect(next.state).toBe('queued');
    body.destroy();
  });

  it('deletes a finished job once it expires', async () => {
    let at = Date.now();
    const rolebook = await target.open({ clock: () => new Date(at) });
    cleanup.push(() => rolebook.close());
    const actor = systemActor('expiry');
    const job = await submitJob(
      rolebook.ctx,
      actor,
      { body: Readable.from(['SQL Writer\n']), format: 'text', options: {} },
      defaultServerLimits,
    );
    await cancelJob(rolebook.ctx, actor, job.id, defaultServerLimits);
    at += defaultServerLimits.jobRetentionMs + 1;
    expect(await sweepExpiredJobs(rolebook.ctx)).toBe(1);
    await expect(getJob(rolebook.ctx, actor, job.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
