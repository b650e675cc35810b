import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultServerLimits } from '../../src/config.js';
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
import { countUnfinishedJobs } from '../../src/store/index.js';
import { serverForTests, type TestServer } from '../support/server.js';
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

/** Resolves when `condition` holds, looking again every few milliseconds: never a fixed wait. */
const until = async (condition: () => boolean | Promise<boolean>): Promise<void> => {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
};

/*
 * Two servers per store, started once: one with the default limits, whose jobs run, and one
 * with tight limits for the refusals. Each test submits with a key of its own, so one test's
 * jobs never count against another's queue; a runner runs every queued job of its database, so
 * each test cancels what it leaves queued (see afterEach).
 */
describe.each(storeTargets)('bulk normalize jobs on $name', (target) => {
  const { server } = serverForTests(target);
  const { server: tight } = serverForTests(target, {
    limits: { jobTitles: 2, jobBytes: 1024, jobsPerOwner: 1, streamWindowMs: 100 },
  });
  const { server: oneStream } = serverForTests(target, { limits: { streamsPerClient: 1 } });

  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  /** A key of its own, with the scopes of the server's write key. */
  const newKey = async (on: TestServer = server): Promise<string> =>
    (
      await createApiKey(on.rolebook.ctx, systemActor('test'), {
        name: 'jobs',
        scopes: ['read', 'write', 'delete'],
      })
    ).secret;

  const run = (rolebook: Rolebook, options: Partial<JobRunnerOptions> = {}): JobRunner => {
    const runner = startJobRunner(rolebook.ctx, {
      limits: defaultServerLimits,
      concurrency: 1,
      pollMs: 20,
      ...options,
    });
    cleanup.push(() => runner.stop());
    return runner;
  };

  /** Another instance on the database of `rolebook`, as another process would open it. */
  const otherInstance = async (rolebook: Rolebook, clock?: () => Date): Promise<Rolebook> => {
    const { dialect } = rolebook.ctx.store;
    const other = await openRolebook({
      database: dialect.file ?? (process.env.TEST_POSTGRES_URL as string),
      ...(dialect.schema === undefined ? {} : { schema: dialect.schema }),
      contentDir: fixtureContentDir,
      ...(clock === undefined ? {} : { clock }),
    });
    cleanup.push(() => other.close());
    return other;
  };

  const submit = (on: TestServer, key: string, body: string | Buffer, type = NDJSON, query = '') =>
    on.request(`/v1/normalize/jobs${query}`, {
      method: 'POST',
      key,
      headers: { 'content-type': type },
      body,
    });

  /** Submits a job whose queue place is cancelled after the test, should it still hold one. */
  const submitted = async (
    key: string,
    body: string | Buffer = upload,
    type = NDJSON,
  ): Promise<Job> => {
    const response = await submit(server, key, body, type);
    expect(response.status).toBe(202);
    const job = (await response.json()) as Job;
    cleanup.push(async () => {
      await server.request(`${job.links.self}/cancel`, { method: 'POST', key });
    });
    return job;
  };

  const poll = async (key: string, id: string): Promise<Job> => {
    let job: Job | undefined;
    await until(async () => {
      const response = await server.request(`/v1/normalize/jobs/${id}`, { key });
      job = (await response.json()) as Job;
      return FINISHED.has(job.state);
    });
    return job as Job;
  };

  const result = async (key: string, id: string, accept = NDJSON) => {
    const response = await server.request(`/v1/normalize/jobs/${id}/result`, {
      key,
      headers: { accept },
    });
    return response.text();
  };

  const streamed = async (body: string, type = NDJSON) => {
    const response = await server.request('/v1/normalize', {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
    return response.text();
  };

  describe('a job run to its end', () => {
    const ran: { key?: string; job?: Job; answers?: string; streamed?: string } = {};
    beforeAll(async () => {
      const key = await newKey();
      const runner = run(server.rolebook);
      const job = await poll(key, (await submitted(key)).id);
      await runner.stop();
      Object.assign(ran, {
        key,
        job,
        answers: await result(key, job.id),
        streamed: await streamed(upload),
      });
    });

    it('succeeds', () => {
      expect(ran.job?.state).toBe('succeeded');
    });

    it('answers as the streamed batch answers the same NDJSON, line for line', () => {
      expect(ran.answers).toBe(ran.streamed);
      expect(ran.answers?.split('\n').slice(0, -1)).toHaveLength(lines.length);
    });

    it('counts every line once, answered or refused', () => {
      const refused = lines.filter((line) => line === '' || line === 'not json').length;
      expect(ran.job?.counts).toEqual({
        lines: lines.length,
        answered: lines.length - refused,
        refused,
      });
    });
  });

  it('answers a CSV job as the streamed batch answers the same CSV', async () => {
    const key = await newKey();
    run(server.rolebook);
    const csv = `id,job title\n1,SQL Writer\n2,\n3,"Sr. API Engineer, Remote"\n`;
    const job = await submitted(key, csv, 'text/csv');
    expect((await poll(key, job.id)).state).toBe('succeeded');
    expect(await result(key, job.id, 'text/csv')).toBe(await streamed(csv, 'text/csv'));
  });

  it('answers a UTF-16 upload with its byte-order mark as the streamed batch answers its UTF-8 copy', async () => {
    const key = await newKey();
    run(server.rolebook);
    const text = 'SQL Writer\r\nIngénieur API\r\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const job = await submitted(key, utf16, 'text/plain');
    expect((await poll(key, job.id)).state).toBe('succeeded');
    expect(await result(key, job.id)).toBe(await streamed(text, 'text/plain'));
  });

  it('refuses a UTF-16 upload that breaks midway, naming the line, and stores no job', async () => {
    const key = await newKey();
    const lone = Buffer.from([0x00, 0xd8]); // a high surrogate with no low one after it
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('SQL Writer\nData Analyst\nQA ', 'utf16le'),
      lone,
      Buffer.from('Lead\nNurse\n', 'utf16le'),
    ]);
    const response = await submit(server, key, utf16, 'text/plain');
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { detail: string; errors: { line?: number }[] };
    expect(problem.detail).toMatch(/line 3/);
    expect(problem.errors[0]?.line).toBe(3);
    const list = await server.request('/v1/normalize/jobs', { key });
    expect(((await list.json()) as { total: number }).total).toBe(0);
  });

  it('resumes a job stopped midway on another instance, answering every line once', async () => {
    const key = await newKey();
    const job = await submitted(key);
    const saved: number[] = [];
    const first: { runner?: JobRunner } = {};
    first.runner = run(server.rolebook, {
      onChunk: (id, seq) => {
        if (id !== job.id) return;
        saved.push(seq);
        void first.runner?.stop();
      },
    });
    await until(() => saved.length > 0);
    await first.runner.stop();
    const rest: number[] = [];
    run(await otherInstance(server.rolebook), {
      onChunk: (id, seq) => {
        if (id === job.id) rest.push(seq);
      },
    });
    const done = await poll(key, job.id);
    expect(done.state).toBe('succeeded');
    expect([...saved, ...rest].sort()).toEqual([0, 1, 2]);
    expect(done.counts.answered + done.counts.refused).toBe(lines.length);
    expect(await result(key, job.id)).toBe(await streamed(upload));
  });

  it('takes over a job whose instance died once its lease lapses, answering the rest once', async () => {
    // Two instances on one database and one clock the test moves; the lease is far longer than
    // the test, so only a save renews it, and an instance that stops saving has died.
    let at = Date.now();
    const clock = () => new Date(at);
    const leaseMs = 3_600_000;
    const rolebook = await target.open({ clock });
    cleanup.push(() => rolebook.close());
    const actor = systemActor('lease');
    const job = await submitJob(
      rolebook.ctx,
      actor,
      { body: Readable.from([upload]), format: 'ndjson', options: {} },
      defaultServerLimits,
    );
    const died: number[] = [];
    const revive: { now?: () => void } = {};
    run(rolebook, {
      leaseMs,
      onChunk: (_id, seq) => {
        died.push(seq);
        return new Promise((resolve) => (revive.now = resolve));
      },
    });
    cleanup.push(() => Promise.resolve(revive.now?.()));
    await until(() => died.length > 0);
    at += leaseMs + 1;
    const took: number[] = [];
    run(await otherInstance(rolebook, clock), {
      leaseMs,
      onChunk: (_id, seq) => void took.push(seq),
    });
    let done = await getJob(rolebook.ctx, actor, job.id);
    await until(async () => {
      done = await getJob(rolebook.ctx, actor, job.id);
      return FINISHED.has(done.state);
    });
    revive.now?.();
    expect(done.state).toBe('succeeded');
    expect(died).toEqual([0]);
    expect(took).toEqual([1, 2]);
    expect(done.counts.answered + done.counts.refused).toBe(lines.length);
  });

  it.runIf(target.name === 'postgres')(
    'never runs a chunk on two instances sharing the database',
    async () => {
      const key = await newKey();
      const jobs = [await submitted(key), await submitted(key), await submitted(key)];
      const ids = new Set(jobs.map((job) => job.id));
      const saved: string[] = [];
      const onChunk = (job: string, seq: number) => {
        if (ids.has(job)) saved.push(`${job}/${seq}`);
      };
      run(server.rolebook, { onChunk, concurrency: 2 });
      run(await otherInstance(server.rolebook), { onChunk, concurrency: 2 });
      for (const job of jobs) expect((await poll(key, job.id)).state).toBe('succeeded');
      expect(saved).toHaveLength(9);
      expect(new Set(saved).size).toBe(9);
    },
  );

  it('cancels a queued job, whose results are then never given', async () => {
    const key = await newKey();
    const job = await submitted(key, 'SQL Writer\n', 'text/plain');
    const response = await server.request(`/v1/normalize/jobs/${job.id}/cancel`, {
      method: 'POST',
      key,
    });
    expect(((await response.json()) as Job).state).toBe('cancelled');
    const download = await server.request(`/v1/normalize/jobs/${job.id}/result`, { key });
    expect(download.status).toBe(409);
  });

  it('stops a running job that is cancelled at its next chunk', async () => {
    const key = await newKey();
    const job = await submitted(key);
    const saved: number[] = [];
    const runner = run(server.rolebook, {
      onChunk: async (id, seq) => {
        if (id !== job.id) return;
        saved.push(seq);
        if (seq === 0) {
          await server.request(`/v1/normalize/jobs/${id}/cancel`, { method: 'POST', key });
        }
      },
    });
    const done = await poll(key, job.id);
    await runner.stop();
    expect(done.state).toBe('cancelled');
    expect(saved).toEqual([0]);
  });

  it("answers another key's job with 404", async () => {
    const key = await newKey();
    const job = await submitted(key, 'SQL Writer\n', 'text/plain');
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
    const response = await server.request('/v1/normalize/jobs', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'SQL Writer\n',
    });
    expect(response.status).toBe(401);
  });

  it('refuses an upload of more lines than a job takes, naming the first line too many', async () => {
    const key = await newKey(tight);
    const response = await submit(tight, key, 'a\nb\nc\n', 'text/plain');
    expect(response.status).toBe(413);
    const problem = (await response.json()) as { code: string; errors: { line: number }[] };
    expect(problem.code).toBe('payload_too_large');
    expect(problem.errors[0]?.line).toBe(3);
    const list = await tight.request('/v1/normalize/jobs', { key });
    expect(((await list.json()) as { total: number }).total).toBe(0);
  });

  it('refuses an upload of more bytes than a job takes', async () => {
    const response = await submit(
      tight,
      await newKey(tight),
      `${'x'.repeat(1_100)}\n`,
      'text/plain',
    );
    expect(response.status).toBe(413);
  });

  it('refuses an upload whose Content-Length says more than a job takes, before reading it', async () => {
    const key = await newKey(tight);
    const upload = httpRequest(`${tight.url}/v1/normalize/jobs`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'text/plain',
        'content-length': '5000',
      },
    });
    const answer = new Promise<{ status?: number; body: string }>((resolve, reject) => {
      upload.once('error', reject);
      upload.once('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.once('end', () => resolve({ status: response.statusCode, body }));
      });
    });
    upload.write('SQL Writer\n');
    const { status, body } = await answer;
    upload.destroy();
    expect(status).toBe(413);
    expect(body).toContain('over 1024 bytes');
  });

  it('refuses a job beyond the jobs one key may have waiting', async () => {
    const key = await newKey(tight);
    expect((await submit(tight, key, 'SQL Writer\n', 'text/plain')).status).toBe(202);
    const response = await submit(tight, key, 'SQL Writer\n', 'text/plain');
    expect(response.status).toBe(429);
    expect(((await response.json()) as { code: string }).code).toBe('rate_limited');
  });

  it('holds the jobs one owner may have waiting when its submits race', async () => {
    const actor = systemActor(`race-${Date.now()}`);
    const limits = { ...defaultServerLimits, jobsPerOwner: 1 };
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        submitJob(
          tight.rolebook.ctx,
          actor,
          { body: Readable.from(['SQL Writer\n']), format: 'text', options: {} },
          limits,
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refusals = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [(outcome.reason as { code?: string }).code] : [],
    );
    expect(refusals).toEqual(Array.from({ length: 5 }, () => 'rate_limited'));
  });

  it('counts a result download against the streams one client may have open', async () => {
    const key = await newKey(oneStream);
    run(oneStream.rolebook);
    const made = await submit(oneStream, key, 'SQL Writer\n', 'text/plain');
    const { id } = (await made.json()) as Job;
    await until(async () => {
      const job = (await (
        await oneStream.request(`/v1/normalize/jobs/${id}`, { key })
      ).json()) as Job;
      return FINISHED.has(job.state);
    });
    // A streamed batch still arriving holds the key's one stream.
    const stream = httpRequest(`${oneStream.url}/v1/normalize`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'text/plain' },
    });
    stream.on('error', () => undefined);
    const answering = new Promise((resolve) => stream.once('response', resolve));
    stream.write('SQL Writer\n');
    await answering;
    const busy = await oneStream.request(`/v1/normalize/jobs/${id}/result`, { key });
    expect(busy.status).toBe(429);
    stream.end();
    await until(
      async () =>
        (await oneStream.request(`/v1/normalize/jobs/${id}/result`, { key })).status === 200,
    );
  });

  it('closes a trickled upload and frees its queue place', async () => {
    const key = await newKey(tight);
    const upload = httpRequest(`${tight.url}/v1/normalize/jobs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'text/plain' },
    });
    const cut = new Promise((resolve) => upload.once('error', resolve));
    upload.write('SQL Writer\n');
    await cut;
    await until(
      async () => (await submit(tight, key, 'SQL Writer\n', 'text/plain')).status === 202,
    );
  });

  it('refuses a CSV upload whose title column is missing, before storing a job', async () => {
    const response = await submit(
      server,
      await newKey(),
      'id,team\n1,x\n',
      'text/csv',
      '?column=nope',
    );
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
    await until(async () => (await countUnfinishedJobs(rolebook.ctx.store.db)) === 1);
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
