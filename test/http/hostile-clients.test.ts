import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { closeGracefully } from '../../src/http/shutdown.js';
import { startServer, type TestServer } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

// Transport limits do not depend on the store: these run on the embedded one.
const sqlite = storeTargets[0]!;

interface Item {
  input: string;
  matches?: { code: string }[];
  error?: { code: string; message: string };
}

const portOf = (server: TestServer) => Number(new URL(server.url).port);

/** A raw connection, for clients that behave as no HTTP library would. */
const rawSocket = (server: TestServer): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket = connect(portOf(server), '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });

/** How many connections the server holds open. */
const heldBy = (server: TestServer): Promise<number> =>
  new Promise((resolve, reject) =>
    server.app.server.getConnections((error, n) => (error ? reject(error) : resolve(n))),
  );

/** Resolves once `settled` says so, or after `ms` (the assertions after it then fail). */
const settles = async (settled: () => Promise<boolean>, ms = 5_000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!(await settled()) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** Resolves with what the server sent once it closes the connection, or after `ms`. */
const closedWithin = (socket: Socket, ms: number): Promise<{ closed: boolean; data: string }> =>
  new Promise((resolve) => {
    let data = '';
    socket.on('data', (chunk: Buffer) => (data += chunk.toString()));
    socket.on('error', () => undefined);
    const timer = setTimeout(() => resolve({ closed: false, data }), ms);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve({ closed: true, data });
    });
  });

/** A streamed POST whose body the test writes piece by piece; `response` settles on headers. */
const openStream = (server: TestServer, contentType = 'application/x-ndjson') => {
  const body = new PassThrough();
  const response = new Promise<{
    status: number;
    headers: Record<string, unknown>;
    text: () => Promise<string>;
  }>((resolve, reject) => {
    const req = httpRequest(
      `${server.url}/v1/normalize?top=1`,
      { method: 'POST', headers: { 'content-type': contentType } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        const ended = new Promise<string>((done) =>
          res.once('end', () => done(Buffer.concat(chunks).toString())),
        );
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: () => ended });
      },
    );
    req.on('error', reject);
    body.pipe(req);
  });
  return { body, response };
};

/** A streamed batch of one title, sent whole. */
const streamOneTitle = (server: TestServer) =>
  server.request('/v1/normalize', {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson' },
    body: '"SQL Writer"\n',
  });

const linesOf = (text: string): Item[] =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Item);

describe('a server facing hostile clients', () => {
  let server: TestServer;
  const logs: string[] = [];
  beforeAll(async () => {
    server = await startServer(sqlite, {
      limits: {
        bodyTimeoutMs: 400,
        headersTimeoutMs: 400,
        streamsPerClient: 2,
      },
      logLevel: 'info',
      logStream: new Writable({
        write: (chunk: Buffer, _encoding, done) => {
          logs.push(chunk.toString());
          done();
        },
      }),
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers a line over the limit as that line, echoing only its start', async () => {
    const { body, response } = openStream(server);
    body.write('"SQL Writer"\n');
    const chunk = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 512; i++) body.write(chunk); // 32 MiB, no newline
    body.end('\n"API Engineer"');
    const result = await response;
    const lines = linesOf(await result.text());
    expect(lines).toHaveLength(3);
    expect(lines[0]?.matches?.[0]?.code).toBe('query-writer');
    expect(lines[1]?.error?.code).toBe('payload_too_large');
    expect(lines[1]?.input.length).toBeLessThanOrEqual(121);
    expect(lines[2]?.matches?.[0]?.code).toBe('api-builder');
  });

  it('gives every input line one output line in place, blank ones included', async () => {
    const response = await server.request('/v1/normalize?top=1', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: '"SQL Writer"\n\n{"title": 42}\n"API Engineer"\n',
    });
    const lines = linesOf(await response.text());
    expect(lines.map((l) => l.matches?.[0]?.code ?? l.error?.code)).toEqual([
      'query-writer',
      'validation_failed',
      'bad_request',
      'api-builder',
    ]);
  });

  it('refuses a streamed title with a bidirectional override and echoes it defused', async () => {
    const response = await server.request('/v1/normalize', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: '"\\u202e SQL Writer"\n"Caf\\u009b"\n',
    });
    const lines = linesOf(await response.text());
    expect(lines.map((l) => l.error?.code)).toEqual(['validation_failed', 'validation_failed']);
    expect(lines.map((l) => l.input)).toEqual(['\ufffd SQL Writer', 'Caf\ufffd']);
  });

  it('reads text/plain as one title per line', async () => {
    const response = await server.request('/v1/normalize?top=1', {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: 'SQL Writer\r\nAPI Engineer\r\n',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = linesOf(await response.text());
    expect(lines.map((l) => l.matches?.[0]?.code)).toEqual(['query-writer', 'api-builder']);
  });

  it('tells a client over its share of streams to retry later, and serves it once one ends', async () => {
    const open = [openStream(server), openStream(server)];
    for (const stream of open) stream.body.write('"SQL Writer"\n');
    await Promise.all(open.map((s) => s.response));
    const refused = await server.request('/v1/normalize', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: '"SQL Writer"\n',
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    for (const stream of open) stream.body.end();
    await Promise.all(open.map(async (s) => (await s.response).text()));
    const served = await server.request('/v1/normalize', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: '"SQL Writer"\n',
    });
    expect(served.status).toBe(200);
  });

  it("counts the site's CSV download of /normalize against the same share of streams", async () => {
    const open = [openStream(server), openStream(server)];
    for (const stream of open) stream.body.write('"SQL Writer"\n');
    await Promise.all(open.map((s) => s.response));
    const form = new FormData();
    form.append('csv', 'title\nSQL Writer\n');
    form.append('format', 'csv');
    const refused = await server.request('/normalize', {
      method: 'POST',
      headers: { accept: 'application/json' },
      body: form,
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    for (const stream of open) stream.body.end();
    await Promise.all(open.map(async (s) => (await s.response).text()));
  });

  it('closes a stream that trickles its upload, and frees its slot for the next', async () => {
    const guarded = await startServer(sqlite, {
      limits: { streamsPerClient: 1, streamMinBytes: 64, streamWindowMs: 200 },
    });
    try {
      const trickle = openStream(guarded);
      trickle.body.write('"SQL Writer"\n');
      expect((await trickle.response).status).toBe(200);
      const busy = await streamOneTitle(guarded);
      expect(busy.status).toBe(429);
      // Two windows bring nothing more: the stream is cut and its slot is free again.
      await new Promise((resolve) => setTimeout(resolve, 600));
      const next = await streamOneTitle(guarded);
      expect(next.status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('closes a stream whose answer is read too slowly, and frees its slot for the next', async () => {
    const guarded = await startServer(sqlite, {
      // No request rate limit: its 429 would pass for the stream slot's.
      limits: {
        streamsPerClient: 1,
        answerMinBytes: 1024,
        answerWindowMs: 200,
        requestsPerMinute: 0,
      },
    });
    try {
      // Blank lines are answered at once, each with its error: more than the socket buffers hold,
      // and not a byte of it read.
      const reader = await rawSocket(guarded);
      onTestFinished(() => void reader.destroy());
      reader.on('error', () => undefined);
      reader.pause();
      const body = '\n'.repeat(200_000);
      reader.write(
        `POST /v1/normalize HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      );
      let status = 0;
      await settles(
        async () => {
          status = (await streamOneTitle(guarded)).status;
          return status === 200;
        },
        // Under load the answer takes a while to fill the socket's buffers before it backs up.
        20_000,
      );
      expect(status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('keeps serving after a client hangs up halfway through a CSV upload', async () => {
    const socket = await rawSocket(server);
    const answered = new Promise((resolve) => socket.once('data', resolve));
    socket.write(
      `POST /v1/normalize HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: 100000\r\n\r\ntitle\n${'SQL Writer\n'.repeat(20)}`,
    );
    await answered;
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await server.request('/healthz')).status).toBe(200);
  });

  it('stops normalizing a CSV upload once its client hangs up', async () => {
    const index = await server.rolebook.ctx.titles.get();
    const match = vi.spyOn(index, 'match');
    onTestFinished(() => match.mockRestore());
    const rows = 100_000;
    // Each title its own, so that every row is matched rather than answered from memory.
    const titles = Array.from({ length: rows }, (_, i) => `SQL Writer ${i}`);
    const body = `title\n${titles.join('\n')}\n`;
    const socket = await rawSocket(server);
    const answered = new Promise((resolve) => socket.once('data', resolve));
    socket.write(
      `POST /v1/normalize HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    await answered;
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const matchedOnHangingUp = match.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(match.mock.calls.length).toBe(matchedOnHangingUp);
    expect(matchedOnHangingUp).toBeGreaterThan(0);
    expect(matchedOnHangingUp).toBeLessThan(rows);
  });

  it('keeps answering other requests while large streams run', async () => {
    const titles = `${Array.from({ length: 40_000 }, (_, i) => `"Senior SQL Writer ${i % 97}"`).join('\n')}\n`;
    const streams = [0, 1].map(() =>
      server.request('/v1/normalize', {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson' },
        body: titles,
      }),
    );
    const started = performance.now();
    let slowest = 0;
    let checks = 0;
    let running = true;
    const done = Promise.all(streams.map(async (s) => (await s).text())).finally(() => {
      running = false;
    });
    while (running) {
      const began = performance.now();
      expect((await server.request('/healthz')).status).toBe(200);
      slowest = Math.max(slowest, performance.now() - began);
      checks += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const bodies = await done;
    const streamsTook = performance.now() - started;
    expect(bodies.map((b) => b.split('\n').length - 1)).toEqual([40_000, 40_000]);
    // Before streams yielded, a health check waited for a whole stream (64 s in the probe).
    // Measured against the streams' own time, so a loaded machine slows both alike.
    expect(checks).toBeGreaterThanOrEqual(4);
    expect(slowest).toBeLessThan(streamsTook / 4);
  });

  it('answers 408 to a body that trickles in, and closes the connection', async () => {
    const socket = await rawSocket(server);
    socket.write(
      'POST /v1/normalize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    const { closed, data } = await closedWithin(socket, 3_000);
    expect(closed).toBe(true);
    expect(data).toMatch(/^HTTP\/1\.1 408/);
    expect(data).toContain('request_timeout');
  });

  /** A form upload to /analyze whose file stops arriving part way, after the parts given. */
  const trickledUpload = async (accept: string, parts = '') => {
    const socket = await rawSocket(server);
    socket.write(
      `POST /analyze HTTP/1.1\r\nHost: x\r\nAccept: ${accept}\r\n` +
        'Content-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: 1000\r\n\r\n' +
        parts +
        '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nsome',
    );
    return closedWithin(socket, 3_000);
  };

  it('answers 408 to a form upload that trickles in, and closes the connection', async () => {
    const { closed, data } = await trickledUpload('application/json');
    expect(closed).toBe(true);
    expect(data).toMatch(/^HTTP\/1\.1 408/);
    expect(data).toContain('request_timeout');
  });

  it("answers a browser's form upload that trickles in with the form again under 408, keeping the text", async () => {
    const { closed, data } = await trickledUpload(
      'text/html',
      '--XYZ\r\nContent-Disposition: form-data; name="text"\r\n\r\nBackend developer\r\n',
    );
    expect(closed).toBe(true);
    expect(data).toMatch(/^HTTP\/1\.1 408/);
    expect(data).toMatch(/<textarea id="jd-text"[^>]*>\s*Backend developer<\/textarea>/);
    expect(data).toContain('did not arrive within');
  });

  it.each([
    [
      'a URL past the header limit',
      `GET /v1/normalize?title=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      431,
      'headers_too_large',
    ],
    ['a garbled request line', 'GIMME /roles PLEASE\r\n\r\n', 400, 'bad_request'],
    [
      'a header line without a colon',
      'GET /healthz HTTP/1.1\r\nHost x\r\n\r\n',
      400,
      'bad_request',
    ],
    [
      'Content-Length beside Transfer-Encoding',
      'POST /v1/normalize HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      400,
      'bad_request',
    ],
  ])('answers %s with a problem and closes the connection', async (_case, bytes, status, code) => {
    const socket = await rawSocket(server);
    socket.write(bytes);
    const { closed, data } = await closedWithin(socket, 3_000);
    expect(closed).toBe(true);
    const [head = '', body = ''] = data.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(head).toContain('content-type: application/problem+json');
    expect(JSON.parse(body)).toMatchObject({ status, code });
  });

  it('reads a form repeating one field as fast as one of as many different fields', async () => {
    const fields = 60_000;
    const timed = async (body: string) => {
      const began = performance.now();
      const response = await server.request('/diagnose', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      expect(response.status).toBeLessThan(500);
      return performance.now() - began;
    };
    const distinct = await timed(Array.from({ length: fields }, (_, i) => `t${i}=a`).join('&'));
    const repeated = await timed(Array.from({ length: fields }, () => 'text=a').join('&'));
    // Copying a field's values to add each one took 274 s for 115,000 repeats in the probe,
    // and every other request waited behind it.
    expect(repeated).toBeLessThan(distinct * 4 + 1_000);
  });

  it('refuses a CSV upload of a million blank rows at the first row a page cannot show', async () => {
    const form = new FormData();
    form.append('file', new Blob([`title\n${'\n'.repeat(1_000_000)}`]), 'titles.csv');
    const response = await server.request('/normalize', { method: 'POST', body: form });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toBe(
      'more than 10000 titles were sent; one request takes at most 10000',
    );
  });

  it('closes a connection whose headers never finish', async () => {
    const socket = await rawSocket(server);
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    const { closed } = await closedWithin(socket, 3_000);
    expect(closed).toBe(true);
  });

  it('logs a client that hangs up mid-body as information, not as an error', async () => {
    const socket = await rawSocket(server);
    socket.write(
      `POST /v1/roles?taxonomy=rolebook HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${server.writeKey}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"code":`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = logs.length;
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const levels = logs.slice(before).map((l) => (JSON.parse(l) as { level: number }).level);
    expect(levels.length).toBeGreaterThan(0);
    expect(Math.max(...levels)).toBeLessThan(50);
  });
});

describe('an address at its connection cap', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(sqlite, { limits: { maxConnectionsPerAddress: 40 } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('gives up its oldest connection, trickling its headers, to a new one', async () => {
    const held = await Promise.all(Array.from({ length: 40 }, () => rawSocket(server)));
    for (const socket of held) socket.write('POST /v1/normalize HTTP/1.1\r\nHost: x\r\n');
    // Held a second with no request read, they may make way; one just opened may not.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const oldest = closedWithin(held[0]!, 2_000);
    const next = closedWithin(held[1]!, 500);
    expect((await server.request('/healthz')).status).toBe(200);
    expect((await oldest).closed).toBe(true);
    expect((await next).closed).toBe(false);
    for (const socket of held) socket.destroy();
  });

  it('answers every connection of a burst over the cap, 503 beyond it, cutting none', async () => {
    const burst = await startServer(sqlite, { limits: { maxConnectionsPerAddress: 20 } });
    try {
      // Connections just opened, their requests not yet sent, as a burst of clients has them.
      const sockets = await Promise.all(Array.from({ length: 30 }, () => rawSocket(burst)));
      const answers = sockets.map((socket) => closedWithin(socket, 5_000));
      // A client's connect completes in the kernel before the server takes the connection in:
      // on a busy machine the server could answer the first twenty and see them close before it
      // took the rest, which would then find the address under its cap.
      await settles(
        async () =>
          (await heldBy(burst)) === 20 && sockets.filter((s) => s.readableEnded).length === 10,
      );
      for (const socket of sockets) {
        if (!socket.destroyed) {
          socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
        }
      }
      const statuses = (await Promise.all(answers)).map(({ data }) => data.slice(9, 12));
      expect(statuses.filter((s) => s === '200')).toHaveLength(20);
      expect(statuses.filter((s) => s === '503')).toHaveLength(10);
    } finally {
      await burst.close();
    }
  });

  it('never cuts a request in progress, and answers the new connection 503 instead', async () => {
    // A server of its own: a client's idle keep-alive connection from another test may make way.
    const server = await startServer(sqlite, { limits: { maxConnectionsPerAddress: 40 } });
    onTestFinished(() => server.close());
    const held = await Promise.all(Array.from({ length: 40 }, () => rawSocket(server)));
    for (const socket of held) {
      socket.write(
        'POST /v1/normalize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
      );
    }
    // Time for the server to read every request's headers, even on a loaded machine: one it
    // has not read yet is a connection with no request in progress, and may make way.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const oldest = closedWithin(held[0]!, 1_000);
    const refused = await rawSocket(server);
    refused.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    const { closed, data } = await closedWithin(refused, 2_000);
    expect(closed).toBe(true);
    expect(data).toMatch(/^HTTP\/1\.1 503 /);
    expect(data).toContain('Retry-After: 1');
    expect((await oldest).closed).toBe(false);
    for (const socket of held) socket.destroy();
  });
});

describe('stopping a server', () => {
  it('does not wait on a client that trickles a body', async () => {
    const server = await startServer(sqlite, { limits: { bodyTimeoutMs: 60_000 } });
    const socket = await rawSocket(server);
    socket.on('error', () => undefined);
    socket.write(
      'POST /v1/normalize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const began = performance.now();
    await closeGracefully(server.app, 300);
    expect(performance.now() - began).toBeLessThan(2_000);
    await server.rolebook.close();
  });
});

describe('a client over its request rate', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(sqlite, { limits: { requestsPerMinute: 3 } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('is told to slow down with 429 and Retry-After, while other clients and probes are served', async () => {
    for (let i = 0; i < 3; i++) expect((await server.request('/v1/taxonomies')).status).toBe(200);
    const refused = await server.request('/v1/taxonomies');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(((await refused.json()) as { code: string }).code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await server.request('/healthz')).status).toBe(200);
    const withKey = await server.request('/v1/taxonomies', { key: server.writeKey });
    expect(withKey.status).toBe(200);
  });
});
