import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

/** Titles with a clash (the input has its own `code`), a quoted cell and a broken row. */
const upload = [
  'code,Job Title,notes',
  'R-1,Sr. Backend Eng (Remote),"platform, core"',
  'R-2,data scentist,=SUM(A1)',
  'R-3,,no title',
  'R-4,"never closed',
  '',
].join('\n');

describe.each(storeTargets)('the CSV download of the site on $name', (target) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer(target);
  });
  afterAll(async () => {
    await server.close();
  });

  const fromSite = (csv: string, fields: Record<string, string> = {}) => {
    const form = new FormData();
    form.set('file', new Blob([csv], { type: 'text/csv' }), 'titles.csv');
    form.set('format', 'csv');
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    // As a browser submits the form: a refusal comes back as the page, not a problem document.
    return server.request('/normalize', {
      method: 'POST',
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
      body: form,
    });
  };
  const fromApi = (csv: string, query = '') =>
    server.request(`/v1/normalize${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });

  it('is the file the API answers for the same upload', async () => {
    const [site, api] = await Promise.all([fromSite(upload), fromApi(upload)]);
    expect(site.status).toBe(200);
    expect(site.headers.get('content-disposition')).toMatch(/filename="titles-normalized\.csv"/);
    const text = await site.text();
    expect(text.split('\n')[0]).toMatch(/^code,Job Title,notes,rolebook_code,rolebook_name,/);
    expect(text).toBe(await api.text());
  });

  it('reads a UTF-16 file with its byte-order mark as the API reads it', async () => {
    // As a spreadsheet saves "Unicode text": UTF-16 little-endian behind its mark.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(upload, 'utf16le')]);
    const form = new FormData();
    form.set('file', new Blob([utf16], { type: 'text/csv' }), 'titles.csv');
    form.set('format', 'csv');
    const [site, api] = await Promise.all([
      server.request('/normalize', { method: 'POST', body: form }),
      fromApi(upload),
    ]);
    expect(site.status).toBe(200);
    expect(await site.text()).toBe(await api.text());
  });

  it('is the file the API answers for the same column and taxonomy', async () => {
    const csv = 'id,wanted,title\n1,QA Lead,x\n';
    const [site, api] = await Promise.all([
      fromSite(csv, { column: 'WANTED', taxonomy: 'rolebook' }),
      fromApi(csv, '?column=WANTED&taxonomy=rolebook'),
    ]);
    expect(await site.text()).toBe(await api.text());
  });

  it('is refused with the API’s reason when no column holds titles', async () => {
    const csv = 'Data Engineer,x\nQA Lead,y\n';
    const [site, api] = await Promise.all([fromSite(csv), fromApi(csv)]);
    expect([site.status, api.status]).toEqual([400, 400]);
    const { detail } = (await api.json()) as { detail: string };
    expect(detail).toMatch(/no column header of the CSV names job titles/);
    expect(await site.text()).toContain(detail.replaceAll('"', '&quot;'));
  });

  it('skips a title line above the header as the API does, counting it in the same header', async () => {
    const csv = 'Open roles Q3\nTitle,Grade\nQA Lead,G7\n';
    const [site, api] = await Promise.all([fromSite(csv), fromApi(csv)]);
    expect(site.headers.get('rolebook-skipped-lines')).toBe('1');
    expect(await site.text()).toBe(await api.text());
  });

  it('says on the results page which line above the header it left out', async () => {
    const form = new FormData();
    form.set('file', new Blob(['Open roles Q3\nTitle,Grade\nQA Lead,G7\n']), 'titles.csv');
    const page = await server.request('/normalize', { method: 'POST', body: form });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(
      'The line above the CSV header was left out: &quot;Open roles Q3&quot;.',
    );
  });

  it('names the download from the results page after the file it was made from', async () => {
    const csv = 'Title\nQA Lead\n';
    const form = new FormData();
    form.set('file', new Blob([csv]), 'openings-q1.csv');
    const page = await (await server.request('/normalize', { method: 'POST', body: form })).text();
    const kept = /<input type="hidden" name="filename" value="([^"]*)"/.exec(page)?.[1];
    expect(kept).toBe('openings-q1.csv');
    const again = new FormData();
    again.set('csv', csv);
    again.set('format', 'csv');
    again.set('filename', kept!);
    const download = await server.request('/normalize', { method: 'POST', body: again });
    expect(download.headers.get('content-disposition')).toMatch(
      /filename="openings-q1-normalized\.csv"/,
    );
  });
});
