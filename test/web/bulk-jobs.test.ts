import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultServerLimits } from '../../src/config.js';
import { startJobRunner } from '../../src/services/index.js';
import { deleteJob } from '../../src/store/index.js';
import { addUser, cookieHeader, FormClient } from '../support/accounts.js';
import { serverForTests, type TestServer } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

const PAGE = '/normalize/jobs';

/** A spreadsheet export as a recruiter might keep it: an id, the title, a note. */
const openings = [
  'Req,Job Title,Notes',
  '101,Sr. API Engineer - Remote,urgent',
  '102,SQL Writer,',
  '103,Chief Vibes Officer,ask Dana',
].join('\n');

/** The message a page says beside a field, found through the field's aria-describedby. */
const besideField = (body: string, id: string) => {
  const control = new RegExp(`<(?:input|select)\\s+id="${id}"[^>]*>`).exec(body)?.[0] ?? '';
  const described = /aria-describedby="([^"]*\bproblem)"/.exec(control)?.[1];
  return new RegExp(`<p class="field-problem" id="${described}">([^<]*)</p>`).exec(body)?.[1];
};

/** The text of the page's top refusal. */
const refusalOf = (body: string) =>
  /<div class="form-error" role="alert">\s*<p>([^<]*)<\/p>/.exec(body)?.[1];

/** The ids of the jobs a page lists, by their result or cancel forms and links. */
const rowsOf = (body: string) => body.split('<tr>').slice(2);

describe.each(storeTargets)('the bulk jobs page on $name', (target) => {
  const { server } = serverForTests(target);
  const { server: tight } = serverForTests(target, {
    limits: { jobBytes: 1024, jobsPerOwner: 1, jobs: 2 },
  });
  const { server: oneStream } = serverForTests(target, { limits: { streamsPerClient: 1 } });
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  let users = 0;
  /** A user of their own for each test, signed in through the form. */
  const signedIn = async (on: TestServer = server): Promise<FormClient> => {
    const name = `recruiter${++users}`;
    await addUser(on, name, 'viewer');
    const client = new FormClient(on);
    await client.signIn(name);
    return client;
  };

  /** Posts the upload form as a browser does: its fields, then the file. */
  const upload = async (
    client: FormClient,
    file: { name: string; text: string } | undefined,
    fields: Record<string, string> = {},
    on: TestServer = server,
  ): Promise<Response> => {
    const { token } = await client.get(PAGE);
    const form = new FormData();
    form.append('_csrf', token!);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    if (file !== undefined) form.append('file', new Blob([file.text]), file.name);
    const response = await on.request(PAGE, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookieHeader(client.jar), accept: 'text/html' },
      body: form,
    });
    const id = /submitted=([\w-]+)/.exec(response.headers.get('location') ?? '')?.[1];
    if (id !== undefined) {
      cleanup.push(async () => {
        await deleteJob(on.rolebook.ctx.store.db, id);
      });
    }
    return response;
  };

  const download = (client: FormClient, path: string) =>
    server.request(path, { headers: { cookie: cookieHeader(client.jar) } });

  it('sends a visitor who is not signed in to sign in, and back', async () => {
    const response = await server.request(PAGE, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in?next=%2Fnormalize%2Fjobs');
  });

  it('is linked from the navigation beside the tools', async () => {
    const body = await (await server.request('/normalize')).text();
    const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(body)?.[0] ?? '';
    expect(nav).toMatch(/Normalize titles<\/a\s*>[\s\S]*href="\/normalize\/jobs"\s*>Bulk jobs</);
  });

  it('makes a job of an uploaded CSV file and lists it as waiting, none of it done', async () => {
    const client = await signedIn();
    const response = await upload(client, { name: 'openings.csv', text: openings });
    expect(response.status).toBe(303);
    const { body } = await client.get(response.headers.get('location')!);
    expect(body).toContain('Submitted a job of 3 lines.');
    const [row] = rowsOf(body);
    expect(row).toMatch(/data-label="State">Waiting</);
    expect(row).toMatch(/data-label="Progress">0 of 3\s+lines/);
    expect(row).toMatch(/aria-label="Cancel the job submitted [^"]+ UTC"/);
  });

  it('lists a finished job with its CSV and NDJSON results, the rows in order with their roles', async () => {
    const client = await signedIn();
    const location = (await upload(client, { name: 'openings.csv', text: openings })).headers.get(
      'location',
    )!;
    const runner = startJobRunner(server.rolebook.ctx, {
      limits: defaultServerLimits,
      concurrency: 1,
      pollMs: 20,
    });
    cleanup.push(() => runner.stop());
    let body = '';
    while (!body.includes('data-label="State">Finished<')) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      body = (await client.get(location)).body;
    }
    const [row] = rowsOf(body);
    expect(row).toMatch(/data-label="Progress">3 of 3\s+lines/);
    const csvPath = /href="([^"]+format=csv)"/.exec(row!)?.[1]?.replaceAll('&amp;', '&');
    const csv = await download(client, csvPath!);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="rolebook-job-/);
    const lines = (await csv.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Req,Job Title,Notes,code,/);
    expect(lines[2]).toMatch(/^102,SQL Writer,,\S/);
    const ndjsonPath = /href="([^"]+format=ndjson)"/.exec(row!)?.[1]?.replaceAll('&amp;', '&');
    const ndjson = (await (await download(client, ndjsonPath!)).text()).trimEnd().split('\n');
    expect(ndjson.map((line) => (JSON.parse(line) as { input: string }).input)).toEqual([
      'Sr. API Engineer - Remote',
      'SQL Writer',
      'Chief Vibes Officer',
    ]);
  });

  it('counts a result download against the streams one user may have open', async () => {
    const client = await signedIn(oneStream);
    const made = await upload(client, { name: 'openings.csv', text: openings }, {}, oneStream);
    const runner = startJobRunner(oneStream.rolebook.ctx, {
      limits: defaultServerLimits,
      concurrency: 1,
      pollMs: 20,
    });
    cleanup.push(() => runner.stop());
    let body = '';
    while (!body.includes('data-label="State">Finished<')) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      body = (await client.get(made.headers.get('location')!)).body;
    }
    const csvPath = /href="([^"]+format=csv)"/.exec(body)?.[1]?.replaceAll('&amp;', '&');
    const fetchCsv = () =>
      oneStream.request(csvPath!, { headers: { cookie: cookieHeader(client.jar) } });
    // A batch the same user streams from the site's own page holds their one stream.
    const stream = httpRequest(`${oneStream.url}/v1/normalize`, {
      method: 'POST',
      headers: {
        cookie: cookieHeader(client.jar),
        'sec-fetch-site': 'same-origin',
        'content-type': 'text/plain',
      },
    });
    stream.on('error', () => undefined);
    const answering = new Promise((resolve) => stream.once('response', resolve));
    stream.write('SQL Writer\n');
    await answering;
    expect((await fetchCsv()).status).toBe(429);
    stream.end();
    let status = 0;
    while (status !== 200) status = (await fetchCsv()).status;
  });

  it("takes a file larger than the site's other forms take, up to a job's limit", async () => {
    const client = await signedIn();
    // Over the 5 MiB another form takes, in lines of a thousand characters.
    const line = `${'Senior Platform Engineer '.repeat(40)}\n`;
    const lines = Math.ceil((5.5 * 1_048_576) / line.length);
    const response = await upload(client, { name: 'long.txt', text: line.repeat(lines) });
    expect(response.status).toBe(303);
    const { body } = await client.get(response.headers.get('location')!);
    expect(body).toContain(`Submitted a job of ${lines} lines.`);
  });

  it('reads a text file as one title a line', async () => {
    const client = await signedIn();
    const text = 'data analyst\nSr. API Engineer\n\nSQL Writer\n';
    const response = await upload(client, { name: 'titles.txt', text });
    const { body } = await client.get(response.headers.get('location')!);
    expect(body).toContain('Submitted a job of 4 lines.');
  });

  it("shows nobody else's jobs, nor lets them download or cancel one", async () => {
    const owner = await signedIn();
    const location = (await upload(owner, { name: 'openings.csv', text: openings })).headers.get(
      'location',
    )!;
    const id = /submitted=([\w-]+)/.exec(location)![1]!;
    const other = await signedIn();
    const { body, token } = await other.get(PAGE);
    expect(body).not.toContain(id);
    expect(body).toContain('No jobs yet');
    expect((await download(other, `${PAGE}/${id}/result?format=csv`)).status).toBe(404);
    expect((await other.post(`${PAGE}/${id}/cancel`, { _csrf: token! })).status).toBe(404);
  });

  it('cancels a waiting job and lists it as cancelled, with no cancel button left', async () => {
    const client = await signedIn();
    const location = (await upload(client, { name: 'openings.csv', text: openings })).headers.get(
      'location',
    )!;
    const id = /submitted=([\w-]+)/.exec(location)![1]!;
    const { token } = await client.get(PAGE);
    const response = await client.post(`${PAGE}/${id}/cancel`, { _csrf: token! });
    expect(response.status).toBe(303);
    const { body } = await client.get(response.headers.get('location')!);
    expect(body).toMatch(/Cancelled the job submitted [^<]+ UTC\./);
    const [row] = rowsOf(body);
    expect(row).toMatch(/data-label="State">Cancelled</);
    expect(row).not.toContain('Cancel the job');
  });

  it('refuses an upload without the form token, making no job', async () => {
    const client = await signedIn();
    const form = new FormData();
    form.append('file', new Blob([openings]), 'openings.csv');
    const response = await server.request(PAGE, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookieHeader(client.jar), accept: 'text/html' },
      body: form,
    });
    expect(response.status).toBe(403);
    const body = await response.text();
    expect(refusalOf(body)).toMatch(/This form has expired/);
    expect(body).toContain('No jobs yet');
  });

  it('says beside the file field that no file was chosen', async () => {
    const client = await signedIn();
    const response = await upload(client, undefined, { column: 'Job Title' });
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(besideField(body, 'job-file')).toBe('choose a file of titles to submit');
    expect(body).toMatch(/id="job-column"[^>]*value="Job Title"/);
  });

  it('says beside the file field that a spreadsheet file is not read', async () => {
    const client = await signedIn();
    const response = await upload(client, { name: 'openings.xlsx', text: openings });
    expect(response.status).toBe(400);
    expect(besideField(await response.text(), 'job-file')).toMatch(
      /^openings\.xlsx: choose a \.csv/,
    );
  });

  it('says beside the column field that the file has no such column, keeping the choices', async () => {
    const client = await signedIn();
    const response = await upload(
      client,
      { name: 'openings.csv', text: openings },
      { column: 'Position', taxonomy: 'rolebook' },
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const body = await response.text();
    expect(besideField(body, 'job-column')).toMatch(/Position/);
    expect(body).toMatch(/<option value="rolebook"\s+selected/);
    expect(body).toContain('No jobs yet');
  });

  it('says on the form that a file is too large for a job', async () => {
    const client = await signedIn(tight);
    const text = `Job Title\n${'Sr. API Engineer\n'.repeat(100)}`;
    const response = await upload(client, { name: 'big.csv', text }, {}, tight);
    expect(response.status).toBe(413);
    expect(refusalOf(await response.text())).toMatch(/over 1024 bytes, the largest a job takes/);
  });

  it('says on the form that too many of your jobs are waiting (429)', async () => {
    const client = await signedIn(tight);
    expect((await upload(client, { name: 'a.txt', text: 'SQL Writer\n' }, {}, tight)).status).toBe(
      303,
    );
    const response = await upload(client, { name: 'b.txt', text: 'SQL Writer\n' }, {}, tight);
    expect(response.status).toBe(429);
    expect(refusalOf(await response.text())).toMatch(/^You have 1 jobs waiting or running/);
  });

  it('says on the form that the service is busy (503), keeping the choices', async () => {
    for (let i = 0; i < 2; i++) {
      const someone = await signedIn(tight);
      await upload(someone, { name: 'a.txt', text: 'SQL Writer\n' }, {}, tight);
    }
    const client = await signedIn(tight);
    const response = await upload(
      client,
      { name: 'a.txt', text: 'SQL Writer\n' },
      { taxonomy: 'rolebook' },
      tight,
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('60');
    const body = await response.text();
    expect(refusalOf(body)).toMatch(/jobs are waiting or running, the most the service holds/);
    expect(body).toMatch(/<option value="rolebook"\s+selected/);
  });
});
