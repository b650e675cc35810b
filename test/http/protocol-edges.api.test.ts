import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { serverForTests, type TestServer } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

// The HTTP layer does not depend on the store: these run on the embedded one.
const sqlite = storeTargets[0]!;

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/** Sends bytes as written, no HTTP library between, and reads the answer once the server closes. */
const exchange = (server: TestServer, request: string): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    let data = '';
    socket.on('data', (chunk: Buffer) => (data += chunk.toString()));
    socket.on('error', reject);
    socket.once('close', () => {
      const [head = '', ...rest] = data.split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        contentType: /^content-type: (.*)$/im.exec(head)?.[1] ?? '',
        body: rest.join('\r\n\r\n'),
      });
    });
    // Not `end`: a client that half-closes may lose an answer still being worked out.
    socket.write(request);
  });

const post = (path: string, headers: string, body: string) =>
  `POST ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${headers}\r\n${body}`;

describe('the HTTP edges of the API', () => {
  const { server } = serverForTests(sqlite);

  it('refuses an HTTP/1.1 request without Host with a problem naming the header', async () => {
    const answer = await exchange(
      server,
      'GET /v1/taxonomies HTTP/1.1\r\nConnection: close\r\n\r\n',
    );
    expect(answer.status).toBe(400);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.body).toContain('headers.host');
  });

  it('refuses a request with two API keys with 400, naming the header', async () => {
    const answer = await exchange(
      server,
      'GET /v1/taxonomies HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer rbk_one\r\n' +
        'Authorization: Bearer rbk_two\r\nConnection: close\r\n\r\n',
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('Send one API key');
  });

  it('refuses a request with two Host lines with 400', async () => {
    const answer = await exchange(
      server,
      'GET /v1/taxonomies HTTP/1.1\r\nHost: x\r\nHost: evil.example\r\nConnection: close\r\n\r\n',
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('headers.host');
  });

  it('refuses a request with two Content-Type lines with 400 naming the header', async () => {
    const answer = await exchange(
      server,
      post(
        '/v1/normalize',
        'Content-Type: application/json\r\nContent-Type: text/plain\r\n',
        '{"titles":["backend developer"]}',
      ),
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('headers.content-type');
  });

  it.each([
    'evil.example/path?x=',
    '',
    'exa mple',
    'user@evil.example',
    '[not-ipv6]',
    'localhost:99999',
    'localhost:0',
  ])('refuses the Host "%s", which is no host, with 400', async (host) => {
    const answer = await exchange(
      server,
      `GET /v1/taxonomies HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('headers.host');
  });

  it('answers a browser sending a bad Host for a page with an error page', async () => {
    const answer = await exchange(
      server,
      'GET /roles HTTP/1.1\r\nHost: user@evil.example\r\nAccept: text/html\r\nConnection: close\r\n\r\n',
    );
    expect(answer.status).toBe(400);
    expect(answer.contentType).toMatch(/^text\/html/);
  });

  it('names Accept in Vary on every error of a page, as it is a page or a problem by Accept', async () => {
    const errors = ['/roles/no-such-role', '/no-such-page', '/search?q=%ZZ', '/roles/%C0%AE'];
    for (const path of errors) {
      for (const accept of ['text/html', 'application/json']) {
        const answer = await server.request(path, { headers: { accept } });
        expect(answer.status).toBeGreaterThanOrEqual(400);
        const vary = answer.headers.get('vary') ?? '';
        expect(vary.toLowerCase().split(/\s*,\s*/)).toContain('accept');
      }
    }
  });

  it('answers a path it cannot decode with the headers every answer carries', async () => {
    const response = await server.request('/roles/%C0%AE');
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { requestId: string };
    expect(response.headers.get('x-request-id')).toBe(problem.requestId);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('serves a Host that is a name, an IPv4 or an IPv6 address, with a port', async () => {
    const statuses = [];
    for (const host of ['rolebook.example:8080', '127.0.0.1', '[::1]:3000']) {
      const answer = await exchange(
        server,
        `GET /v1/taxonomies HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
      );
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([200, 200, 200]);
  });

  it('refuses an HTTP/1.0 request without Host when no PUBLIC_URL gives links their origin', async () => {
    const answer = await exchange(server, 'GET /roles HTTP/1.0\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('PUBLIC_URL');
  });

  it('refuses CONNECT with 405 as a problem, not by closing the connection', async () => {
    const answer = await exchange(
      server,
      'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n',
    );
    expect(answer.status).toBe(405);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
  });

  it('serves a request whose Expect it does not know, as if none were sent', async () => {
    const answer = await exchange(
      server,
      post('/v1/analyze', 'Content-Type: text/plain\r\nExpect: something-else\r\n', 'API engineer'),
    );
    expect(answer.status).toBe(200);
  });

  it('refuses a compressed body with 415 naming Content-Encoding', async () => {
    const answer = await exchange(
      server,
      post('/v1/analyze', 'Content-Type: text/plain\r\nContent-Encoding: gzip\r\n', 'API engineer'),
    );
    expect(answer.status).toBe(415);
    expect(answer.body).toContain('headers.content-encoding');
  });

  it("refuses a compressed form of the site's pages with 415 naming Content-Encoding", async () => {
    const response = await server.request('/normalize', {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
        'content-encoding': 'gzip',
      },
      body: gzipSync('titles=backend+developer'),
    });
    expect(response.status).toBe(415);
    expect(await response.text()).toContain('headers.content-encoding');
  });

  it('refuses a compressed form upload at once, not after waiting on its parts', async () => {
    const boundary = 'XYZ';
    const form =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="titles.csv"\r\n` +
      `Content-Type: text/csv\r\n\r\ntitle\n${'backend developer\n'.repeat(100_000)}\r\n--${boundary}--\r\n`;
    const started = performance.now();
    const response = await server.request('/normalize', {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-encoding': 'gzip',
      },
      body: gzipSync(form),
    });
    expect(response.status).toBe(415);
    expect(await response.text()).toContain('headers.content-encoding');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses with 406 a request whose Accept-Encoding rules out identity and every coding', async () => {
    for (const path of ['/v1/taxonomies', '/roles']) {
      const answer = await server.request(path, {
        headers: { 'accept-encoding': 'identity;q=0, *;q=0' },
      });
      expect(answer.status).toBe(406);
      expect(await answer.text()).toContain('headers.accept-encoding');
    }
  });

  it('answers uncompressed a client whose Accept-Encoding names only codings it does not know', async () => {
    const answer = await server.request('/roles', { headers: { 'accept-encoding': 'foo, bar' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-encoding')).toBeNull();
  });

  it('refuses a body under a transfer coding other than chunked, naming the header', async () => {
    const answer = await exchange(
      server,
      'POST /v1/analyze HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/plain\r\n' +
        'Transfer-Encoding: gzip, chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n',
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('headers.transfer-encoding');
  });

  it('deletes with a request of no body that names JSON, as clients setting it on every call do', async () => {
    const response = await server.request('/v1/roles/rolebook/query-writer', {
      method: 'DELETE',
      key: server.writeKey,
      headers: { 'content-type': 'application/json', 'if-match': '"1"' },
    });
    expect(response.status).toBe(200);
  });

  it('still refuses an empty body where the operation reads one, saying it is empty', async () => {
    const response = await server.request('/v1/analyze', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toContain('cannot be empty');
  });

  /** The problem answering an analysis sent with that many fields it does not know. */
  const unknownFields = async (count: number) => {
    const fields = Object.fromEntries(Array.from({ length: count }, (_, i) => [`field${i}`, i]));
    const response = await server.request('/v1/analyze', { method: 'POST', json: fields });
    expect(response.status).toBe(400);
    return (await response.json()) as { detail: string; errors: unknown[] };
  };

  it('lists at most 20 faults of a body with thousands, saying how many more', async () => {
    const problem = await unknownFields(5_000);
    expect(problem.errors).toHaveLength(20);
    expect(problem.detail).toMatch(/; and 4981 more$/);
  });

  it('puts at most 10,000 faults of a body into words, counting the rest as a lower bound', async () => {
    const problem = await unknownFields(12_000);
    expect(problem.errors).toHaveLength(20);
    expect(problem.detail).toMatch(/; and more than 9980 more$/);
  });

  it('names the line and column where a JSON body stops being JSON', async () => {
    const response = await server.request('/v1/analyze', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{\n  "text": "Backend developer",\n}',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(
      /^The body is not valid JSON at line 3, column 1: /,
    );
  });

  it('names the line and column where a JSON body ends too soon', async () => {
    const response = await server.request('/v1/analyze', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{\n  "text":',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toBe(
      'The body is not valid JSON at line 2, column 10: Unexpected end of JSON input.',
    );
  });

  it('refuses a body that gives one field twice, naming the field and where', async () => {
    const response = await server.request('/v1/analyze', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text": "Backend developer",\n "text": "Nurse"}',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toBe(
      'The body gives the field "text" twice in one object (again at line 2, column 2); give it once.',
    );
  });

  it('refuses a __proto__ key as the field it is, not as JSON that cannot be read', async () => {
    const response = await server.request('/v1/analyze', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"__proto__": {"a": 1}, "text": "Backend developer"}',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toContain('__proto__');
  });

  it('answers 404, not 405, for a file the API console does not have', async () => {
    const response = await server.request('/v1/docs/static/no-such-file.css');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('refuses a multipart form without a boundary with 400, not 500', async () => {
    const response = await server.request('/analyze', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data', accept: 'application/json' },
      body: 'junk',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/multipart/);
  });

  it('refuses a small Word document that unpacks past its limit with 413', async () => {
    const archive = new JSZip();
    archive.file(
      'word/document.xml',
      `<w:document><w:t>${'A'.repeat(20_000_000)}</w:t></w:document>`,
    );
    const bomb = await archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const form = new FormData();
    form.append('file', new Blob([bomb]), 'posting.docx');
    const response = await server.request('/analyze', {
      method: 'POST',
      body: form,
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('posting.docx unpacks to more than 16 MiB');
  });

  it('refuses a form with two small files as one file too many, not as too large', async () => {
    const form = new FormData();
    form.append('file', new Blob(['Backend developer']), 'a.txt');
    form.append('file', new Blob(['Backend developer']), 'b.txt');
    const response = await server.request('/analyze', {
      method: 'POST',
      headers: { accept: 'application/json' },
      body: form,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toContain('one file');
  });

  it('refuses a form with eleven short fields as fields too many, not as too large', async () => {
    const form = new FormData();
    for (let i = 1; i <= 11; i += 1) form.append(`f${i}`, 'x');
    const response = await server.request('/analyze', {
      method: 'POST',
      headers: { accept: 'application/json' },
      body: form,
    });
    expect(response.status).toBe(413);
    const problem = (await response.json()) as { detail: string };
    expect(problem.detail).toContain('at most 10 fields');
    expect(problem.detail).not.toContain('MiB');
  });

  it('refuses a form that declares more than the upload limit before reading its body', async () => {
    const head =
      'POST /analyze HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n' +
      'Content-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: 9000000\r\n\r\n--XYZ\r\n';
    const answer = await exchange(server, head);
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('at most 5 MiB');
  });

  it('refuses a chunked upload as soon as it passes the limit, without waiting for the rest', async () => {
    const chunk = (data: string) => `${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n`;
    const mebibyte = 'x'.repeat(1024 * 1024);
    // Six MiB of a file and no last chunk: the client would go on sending.
    const request =
      'POST /analyze HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n' +
      'Content-Type: multipart/form-data; boundary=XYZ\r\nTransfer-Encoding: chunked\r\n\r\n' +
      chunk('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n') +
      Array.from({ length: 6 }, () => chunk(mebibyte)).join('');
    const started = performance.now();
    const answer = await exchange(server, request);
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('at most 5 MiB');
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('normalizes every title of a pasted list past a mebibyte, dropping none', async () => {
    const titles = Array.from({ length: 9_000 }, (_, i) =>
      `Senior Backend Developer ${i} `.padEnd(130, 'x'),
    );
    const form = new FormData();
    form.append('titles', titles.join('\n'));
    const response = await server.request('/normalize', { method: 'POST', body: form });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('9,000 titles normalized');
  });

  it('downloads the results of a CSV file past a mebibyte sent back by the result page', async () => {
    const rows = Array.from(
      { length: 8_000 },
      (_, i) => `R-${i},Data Engineer,${'note '.repeat(30)}`,
    );
    const form = new FormData();
    form.append('csv', ['id,title,notes', ...rows].join('\n'));
    form.append('column', '');
    form.append('format', 'csv');
    const response = await server.request('/normalize', { method: 'POST', body: form });
    expect(response.status).toBe(200);
    expect((await response.text()).trimEnd().split('\n')).toHaveLength(8_001);
  });

  it('refuses a form whose text fields together pass the upload limit, naming the field', async () => {
    const chunk = (data: string) => `${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n`;
    const field = (name: string) =>
      chunk(`--XYZ\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`) +
      chunk('x'.repeat(2 * 1024 * 1024)) +
      chunk('\r\n');
    const request =
      'POST /normalize HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n' +
      'Content-Type: multipart/form-data; boundary=XYZ\r\nTransfer-Encoding: chunked\r\n\r\n' +
      field('titles') +
      field('csv') +
      field('column') +
      chunk('--XYZ--\r\n') +
      '0\r\n\r\n';
    const answer = await exchange(server, request);
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('"field":"column"');
  });

  it('answers 416 for a range past the end of an API console file', async () => {
    const response = await server.request('/v1/docs/static/index.css', {
      headers: { range: 'bytes=99999999-' },
    });
    expect(response.status).toBe(416);
    expect(await response.json()).toMatchObject({ code: 'range_not_satisfiable' });
  });
});

describe('the HTTP edges of a site with a public URL', () => {
  const { server } = serverForTests(sqlite, { publicUrl: 'https://rolebook.example' });

  it('serves an HTTP/1.0 request without Host, its links taken from PUBLIC_URL', async () => {
    const answer = await exchange(server, 'GET /roles HTTP/1.0\r\n\r\n');
    expect(answer.status).toBe(200);
  });

  it('still refuses a Host that is no host', async () => {
    const answer = await exchange(
      server,
      'GET /roles HTTP/1.1\r\nHost: evil.example/path?x=\r\nConnection: close\r\n\r\n',
    );
    expect(answer.status).toBe(400);
  });
});

describe('the HTTP edges behind a trusted proxy', () => {
  // The test client connects over loopback, so it stands for the proxy in front.
  const { server } = serverForTests(sqlite, { trustProxy: 1 });

  /** A guide's JSON-LD, asked for with one forwarded header as the proxy wrote it. */
  const withForwarded = (header: string, value: string) =>
    exchange(
      server,
      `GET /roles/api-builder HTTP/1.1\r\nHost: rolebook.example\r\n${header}: ${value}\r\n` +
        'Accept: application/ld+json\r\nConnection: close\r\n\r\n',
    );

  it.each([
    ...['evil.example/path?x=', 'exa mple', 'user@evil.example', '[not-ipv6]', 'a.example, '].map(
      (value) => ['X-Forwarded-Host', value, 'no host'],
    ),
    ...['javascript', 'ftp', 'https:', 'http, ', 'HTTPS'].map((value) => [
      'X-Forwarded-Proto',
      value,
      'neither http nor https',
    ]),
  ])('refuses the %s "%s", which is %s, with 400 naming the header', async (header, value) => {
    const answer = await withForwarded(header, value);
    expect(answer.status).toBe(400);
    expect(answer.body).toContain(`headers.${header.toLowerCase()}`);
  });

  it('builds the links of a page on the scheme the proxy forwards', async () => {
    const answer = await withForwarded('X-Forwarded-Proto', 'http, https');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('"https://rolebook.example/roles/api-builder"');
  });
});

describe('the rate limit of the API', () => {
  const { server } = serverForTests(sqlite, { limits: { requestsPerMinute: 3 } });

  it('counts requests with a key it refuses, so guessing keys is limited too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await server.request('/v1/taxonomies', { key: `guess-${i}` });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});
