import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultServerLimits } from '../../src/config.js';
import { openRolebook, startJobRunner } from '../../src/services/index.js';
import { runCli, sqliteCliStore, type CliDatabase } from '../support/cli.js';
import { fixtureContentDir } from '../support/stores.js';

interface Job {
  id: string;
  state: string;
}

describe('rolebook jobs', () => {
  let database: CliDatabase;
  beforeAll(async () => {
    database = await sqliteCliStore.create();
  });
  afterAll(async () => {
    await database.drop();
  });

  const submit = async (name: string, text: string): Promise<Job> => {
    const file = join(database.dir, name);
    await writeFile(file, text);
    const run = await runCli(database.url, ['jobs', 'submit', file]);
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as Job;
  };

  it('queues a file of titles and lists it', async () => {
    const job = await submit('queued.txt', 'SQL Writer\n');
    expect(job.state).toBe('queued');
    const list = await runCli(database.url, ['jobs', 'list']);
    expect(list.stdout).toContain(job.id);
  });

  it('cancels a queued job', async () => {
    const job = await submit('cancelled.txt', 'SQL Writer\n');
    await runCli(database.url, ['jobs', 'cancel', job.id]);
    const status = await runCli(database.url, ['jobs', 'status', job.id]);
    expect((JSON.parse(status.stdout) as Job).state).toBe('cancelled');
  });

  it('writes the answers of a CSV job the server ran as CSV, one row per input row', async () => {
    const job = await submit('titles.csv', 'id,title\n1,SQL Writer\n2,\n');
    const rolebook = await openRolebook({ database: database.url, contentDir: fixtureContentDir });
    const runner = startJobRunner(rolebook.ctx, {
      limits: defaultServerLimits,
      concurrency: 1,
      pollMs: 50,
    });
    let state = job.state;
    while (state !== 'succeeded') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = (JSON.parse((await runCli(database.url, ['jobs', 'status', job.id])).stdout) as Job)
        .state;
    }
    await runner.stop();
    await rolebook.close();
    const result = await runCli(database.url, ['jobs', 'result', job.id]);
    const rows = result.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^id,title,code,name/);
    expect(rows[1]).toMatch(/^1,SQL Writer,query-writer,/);
  });

  it('refuses a result format other than ndjson or csv', async () => {
    const run = await runCli(database.url, ['jobs', 'result', 'x', '--format', 'xml']);
    expect(run.code).toBe(2);
  });
});
