import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyRoleContent } from '../../src/domain/index.js';
import { startServer, type TestServer } from '../support/server.js';
import { guideSections } from '../support/guides.js';
import { storeTargets } from '../support/stores.js';

/** Text as UTF-16 with its byte-order mark, little- or big-endian. */
const utf16le = (text: string): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string): Buffer => utf16le(text).swap16();

interface Result {
  input: string;
  matches: { code: string; score: number }[];
  seniority?: string;
  workMode?: string;
  error?: { code: string; message: string };
}

describe.each(storeTargets)('normalization API on $name', (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(target);
  });
  afterAll(async () => {
    await server.close();
  });

  const normalize = async (title: string) =>
    server.request(`/v1/normalize?title=${encodeURIComponent(title)}`);

  it('maps a decorated title to its role and says what it parsed off', async () => {
    const response = await normalize('Sr. API Engineer - Remote');
    expect(response.status).toBe(200);
    const result = (await response.json()) as Result;
    expect(result.matches[0]?.code).toBe('api-builder');
    expect(result).toMatchObject({ seniority: 'senior', workMode: 'remote' });
  });

  it.each([
    ['an empty title', '   ', 'the title is empty'],
    ['a title over 512 characters', 'x'.repeat(513), 'the limit is 512'],
    ['a control character', 'API\u0007Engineer', 'control character'],
    ['invalid UTF-8', 'API \uFFFD Engineer', 'not valid UTF-8'],
  ])('refuses %s with a 400 that says why', async (_case, title, message) => {
    const response = await normalize(title);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe('validation_failed');
    expect(problem.detail).toContain(message);
  });

  it('names the title it refuses as the query field it came in, as other query faults are named', async () => {
    const response = await normalize('x'.repeat(900));
    const problem = (await response.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field)).toEqual(['query.title']);
  });

  it('normalizes a JSON batch in input order, with per-item errors', async () => {
    const response = await server.request('/v1/normalize', {
      method: 'POST',
      json: { titles: ['SQL Writer', '', 42, 'API Engineer'], top: 1 },
    });
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: Result[] };
    expect(results.map((r) => r.matches?.[0]?.code ?? r.error?.code)).toEqual([
      'query-writer',
      'validation_failed',
      'validation_failed',
      'api-builder',
    ]);
  });

  it('refuses a JSON batch that gives an option both in the query and in the body, naming both', async () => {
    const response = await server.request('/v1/normalize?top=3', {
      method: 'POST',
      json: { titles: ['dev'], top: 2 },
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as {
      code: string;
      detail: string;
      errors: { field: string }[];
    };
    expect(problem.code).toBe('validation_failed');
    expect(problem.detail).toBe(
      'top is given both in the query and in the body; give each option in one place.',
    );
    expect(problem.errors.map((e) => e.field)).toEqual(['query.top', 'body.top']);
  });

  it('takes a JSON batch’s options from the query when the body gives none', async () => {
    const response = await server.request('/v1/normalize?top=1', {
      method: 'POST',
      json: { titles: ['API Engineer'] },
    });
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: Result[] };
    expect(results[0]?.matches).toHaveLength(1);
  });

  it('echoes an item of a JSON batch that is not a title as the JSON it was sent as', async () => {
    const response = await server.request('/v1/normalize', {
      method: 'POST',
      json: { titles: [['qa'], { a: 1 }, 1, { title: 7 }] },
    });
    const { results } = (await response.json()) as { results: Result[] };
    expect(results.map((r) => [r.input, r.error?.code])).toEqual([
      ['["qa"]', 'validation_failed'],
      ['{"a":1}', 'validation_failed'],
      ['1', 'validation_failed'],
      ['{"title":7}', 'validation_failed'],
    ]);
  });

  it('refuses a JSON batch of more than 10,000 titles', async () => {
    const response = await server.request('/v1/normalize', {
      method: 'POST',
      json: { titles: Array.from({ length: 10_001 }, () => 'SQL Writer') },
    });
    expect(response.status).toBe(413);
  });

  it('streams NDJSON in and out in input order', async () => {
    const response = await server.request('/v1/normalize?top=1', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: ['"SQL Writer"', '{"title": "API Engineer"}', 'not json', '""'].join('\n'),
    });
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Result);
    expect(lines.map((r) => r.matches?.[0]?.code ?? r.error?.code)).toEqual([
      'query-writer',
      'api-builder',
      'bad_request',
      'validation_failed',
    ]);
  });

  it('answers every NDJSON line, blank ones included, in place', async () => {
    const response = await server.request('/v1/normalize?top=1', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: '"SQL Writer"\n\n"API Engineer"\n',
    });
    const lines = (await response.text()).split('\n').filter((l) => l !== '');
    expect(lines.map((l) => JSON.parse(l) as Result).map((r) => r.input)).toEqual([
      'SQL Writer',
      '',
      'API Engineer',
    ]);
  });

  const streamNdjson = async (lines: string[]) => {
    const response = await server.request('/v1/normalize?top=1', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: lines.join('\n'),
    });
    return (await response.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Result);
  };

  it('refuses in its place an NDJSON line that gives a field twice, as a JSON body is', async () => {
    const results = await streamNdjson(['"SQL Writer"', '{"title":"qa","title":"cto"}']);
    expect(results[0]?.matches?.[0]?.code).toBe('query-writer');
    expect(results[1]).toMatchObject({
      input: '{"title":"qa","title":"cto"}',
      error: { code: 'bad_request', message: expect.stringContaining('"title" twice') as string },
    });
  });

  it('refuses in its place an NDJSON line with a __proto__ field, as a JSON body is', async () => {
    const results = await streamNdjson(['{"__proto__":{"x":1},"title":"qa"}', '"SQL Writer"']);
    expect(results[0]).toMatchObject({
      error: { code: 'bad_request', message: expect.stringContaining('__proto__') as string },
    });
    expect(results[1]?.matches?.[0]?.code).toBe('query-writer');
  });

  it('refuses in its place an NDJSON line with a constructor prototype, as a JSON body is', async () => {
    const poisoned = '{"title":"x","constructor":{"prototype":{"polluted":true}}}';
    const results = await streamNdjson(['"SQL Writer"', poisoned]);
    expect(results[0]?.matches?.[0]?.code).toBe('query-writer');
    expect(results[1]).toMatchObject({
      input: poisoned,
      error: { code: 'bad_request', message: expect.stringContaining('constructor') as string },
    });
  });

  it('refuses in its place an NDJSON line that gives an option beside its title, naming it', async () => {
    const results = await streamNdjson([
      '{"title":"SQL Writer","taxonomy":"onet"}',
      '"SQL Writer"',
    ]);
    expect(results[0]).toMatchObject({
      error: {
        code: 'validation_failed',
        message: expect.stringContaining('"taxonomy"') as string,
      },
    });
    expect(results[1]?.matches?.[0]?.code).toBe('query-writer');
  });

  it('reads a text/plain body as one title per line and answers in NDJSON', async () => {
    const response = await server.request('/v1/normalize?top=1', {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: 'SQL Writer\n\nAPI Engineer\n',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await response.text()).split('\n').filter((l) => l !== '');
    expect(
      lines.map((l) => JSON.parse(l) as Result).map((r) => r.matches?.[0]?.code ?? r.error?.code),
    ).toEqual(['query-writer', 'validation_failed', 'api-builder']);
  });

  it('accepts {title} objects in a JSON batch, as NDJSON lines do', async () => {
    const response = await server.request('/v1/normalize', {
      method: 'POST',
      json: { titles: [{ title: 'SQL Writer' }, 'API Engineer', { name: 'x' }], top: 1 },
    });
    const { results } = (await response.json()) as { results: Result[] };
    expect(results.map((r) => r.matches?.[0]?.code ?? r.error?.code)).toEqual([
      'query-writer',
      'api-builder',
      'validation_failed',
    ]);
  });

  it('refuses in its place an item of a JSON batch that gives an option beside its title', async () => {
    const response = await server.request('/v1/normalize', {
      method: 'POST',
      json: { titles: [{ title: 'SQL Writer', top: 3 }, 'SQL Writer'] },
    });
    const { results } = (await response.json()) as { results: Result[] };
    expect(results[0]).toMatchObject({
      error: { code: 'validation_failed', message: expect.stringContaining('"top"') as string },
    });
    expect(results[1]?.matches?.[0]?.code).toBe('query-writer');
  });

  it('normalizes a CSV upload into CSV, the title column chosen by name', async () => {
    const response = await server.request('/v1/normalize?top=1&column=Job%20Title', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'text/csv' },
      body: 'id,Job Title\n1,"SQL Writer"\n2,"API Engineer, Payments"\n3,\n',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const [header, ...rows]: string[][] = parse(await response.text());
    expect(header?.slice(0, 5)).toEqual(['id', 'Job Title', 'code', 'name', 'score']);
    expect(header).toContain('team');
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['1', 'SQL Writer', 'query-writer', 'Query Writer'],
      ['2', 'API Engineer, Payments', 'api-builder', 'API Builder'],
      ['3', '', '', ''],
    ]);
    expect(rows[1]?.[header!.indexOf('team')]).toBe('Payments');
    expect(rows[2]?.at(-1)).toContain('empty');
  });

  it('prefixes every added column with rolebook_ when one shares a name with an input column', async () => {
    const response = await server.request('/v1/normalize', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'text/csv' },
      body: 'Title,Code\nSQL Writer,1\n',
    });
    expect(response.status).toBe(200);
    const [header, ...rows]: string[][] = parse(await response.text());
    expect(header?.slice(0, 4)).toEqual(['Title', 'Code', 'rolebook_code', 'rolebook_name']);
    expect(rows[0]?.slice(0, 3)).toEqual(['SQL Writer', '1', 'query-writer']);
  });

  it('skips a spreadsheet’s title line above the CSV header and counts it in a header', async () => {
    const response = await server.request('/v1/normalize?top=1', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'text/csv' },
      body: 'Open roles Q3\nTitle,Grade\nSQL Writer,G7\n',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('rolebook-skipped-lines')).toBe('1');
    const [header, ...rows]: string[][] = parse(await response.text());
    expect([header?.slice(0, 3), rows[0]?.slice(0, 3)]).toEqual([
      ['Title', 'Grade', 'code'],
      ['SQL Writer', 'G7', 'query-writer'],
    ]);
  });

  it('refuses a CSV whose line above the header reads as data, as before', async () => {
    const response = await server.request('/v1/normalize', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'Open roles,Q3\nTitle,Grade\nSQL Writer,G7\n',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(
      /no column header of the CSV names job titles/,
    );
  });

  it('reads a quote inside an unquoted field literally, one row per input row', async () => {
    const response = await server.request('/v1/normalize?top=1', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'text/csv' },
      body: 'id,Job Title,notes\n1,Tech "lead",y\n2,15" laptop tech,z\n3,=HYPERLINK("http://x"),w\n',
    });
    expect(response.status).toBe(200);
    const [, ...rows]: string[][] = parse(await response.text());
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['1', 'Tech "lead"', 'y'],
      ['2', '15" laptop tech', 'z'],
      ['3', `'=HYPERLINK("http://x")`, 'w'],
    ]);
  });

  it('answers a row whose quote never closes with one error row naming its line', async () => {
    const good = Array.from({ length: 3_000 }, (_, i) => `${i},SQL Writer`);
    const response = await server.request('/v1/normalize?top=1', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'text/csv' },
      body: ['id,title', ...good, '3000,"bad', '3001,SQL Writer'].join('\n'),
    });
    expect(response.status).toBe(200);
    const [header, ...rows]: string[][] = parse(await response.text());
    expect(rows).toHaveLength(3_001);
    expect(rows[2_999]?.[header!.indexOf('code')]).toBe('query-writer');
    expect(rows[3_000]?.at(-1)).toMatch(/^line 3002 cannot be read: Quote Not Closed/);
  });

  it('defuses a cell a spreadsheet would run as a formula', async () => {
    const response = await server.request('/v1/normalize?top=1', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'text/csv' },
      body: 'title,note\n=1+2 SQL Writer,@cmd\n',
    });
    const [, row]: string[][] = parse(await response.text());
    expect(row?.slice(0, 2)).toEqual(["'=1+2 SQL Writer", "'@cmd"]);
  });

  it('reads the column whose header names job titles when none is chosen', async () => {
    const response = await server.request('/v1/normalize?top=1', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'text/csv' },
      body: 'ref,Position,Location\nA1,SQL Writer,Leeds\n',
    });
    expect(response.status).toBe(200);
    const [header, ...rows]: string[][] = parse(await response.text());
    // The input's Location takes the added columns' plain names.
    expect(rows[0]?.[header!.indexOf('rolebook_code')]).toBe('query-writer');
  });

  it('refuses a CSV upload whose title header heads two columns, naming both positions', async () => {
    const response = await server.request('/v1/normalize', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'Title,Title\nSQL Writer,API Builder\n',
    });
    expect(response.status).toBe(400);
    const detail = ((await response.json()) as { detail: string }).detail;
    expect(detail).toContain('columns 1 and 2');
    expect(detail).toContain('column option');
  });

  it('refuses a CSV upload with no column named for titles, listing its columns', async () => {
    const response = await server.request('/v1/normalize', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'id,name\n1,SQL Writer\n',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toContain('"id", "name"');
  });

  it('refuses a CSV upload without the chosen column with a 400 naming it', async () => {
    const response = await server.request('/v1/normalize?column=title', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'id,name\n1,SQL Writer\n',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toContain('"title"');
  });

  it('answers an unknown taxonomy with 404, not an empty result', async () => {
    const one = await server.request('/v1/normalize?title=SQL%20Writer&taxonomy=nosuch');
    expect(one.status).toBe(404);
    const batch = await server.request('/v1/normalize?taxonomy=nosuch', {
      method: 'POST',
      json: { titles: ['SQL Writer'] },
    });
    expect(batch.status).toBe(404);
  });

  it('learns a new role without a restart', async () => {
    await normalize('SQL Writer');
    await server.request('/v1/roles', {
      method: 'POST',
      key: server.writeKey,
      json: {
        ...emptyRoleContent('Puzzle Maker'),
        ...guideSections('Puzzle Maker'),
        code: 'puzzle-maker',
        summary: 'Designs puzzles.',
        alternativeTitles: ['Crossword Setter'],
        status: 'published',
      },
    });
    const result = (await (await normalize('crossword setter')).json()) as Result;
    expect(result.matches[0]?.code).toBe('puzzle-maker');
  });

  describe('a UTF-16 upload with its byte-order mark, as spreadsheets save "Unicode text"', () => {
    const post = (type: string, body: string | Buffer) =>
      server.request('/v1/normalize?top=1', {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });

    it('answers a text/plain upload as its UTF-8 copy is answered', async () => {
      const text = 'SQL Writer\r\nIngénieur API\r\n';
      const utf16 = await post('text/plain', utf16le(text));
      expect(utf16.status).toBe(200);
      expect(await utf16.text()).toBe(await (await post('text/plain', text)).text());
    });

    it('answers a text/csv upload as its UTF-8 copy is answered', async () => {
      const csv = 'id\tJob Title\r\n1\tSQL Writer\r\n2\tSr. API Engineer\r\n';
      const utf16 = await post('text/csv', utf16be(csv));
      expect(utf16.status).toBe(200);
      expect(await utf16.text()).toBe(await (await post('text/csv', csv)).text());
    });

    it('answers a JSON body as its UTF-8 copy is answered', async () => {
      const json = JSON.stringify({ titles: ['SQL Writer'] });
      const utf16 = await post('application/json', utf16le(json));
      expect(utf16.status).toBe(200);
      expect(await utf16.json()).toEqual(await (await post('application/json', json)).json());
    });

    it.each([
      ['a buffered JSON body', 'application/json', '{"titles": ["SQL Writer"]}'],
      ['a streamed CSV upload', 'text/csv', 'Title\nSQL Writer\n'],
    ])('refuses %s cut mid-character with a 400 naming UTF-16', async (_case, type, text) => {
      const response = await post(type, Buffer.concat([utf16le(text), Buffer.from([0x41])]));
      expect(response.status).toBe(400);
      expect(((await response.json()) as { detail: string }).detail).toContain('UTF-16');
    });
  });
});
