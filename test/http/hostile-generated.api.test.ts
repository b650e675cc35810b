import { request as httpRequest, Agent } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlined, type OpenApiDocument } from '../support/openapi.js';
import { startServer, type TestServer } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

/**
 * Requests generated from the API's own document with fast-check, then mutated the ways a hostile
 * client would: wrong types, deep and huge JSON, invalid UTF-8, NUL bytes, script and event
 * payloads in every text, javascript: links, traversal and encoded slashes in codes and slugs,
 * SQL metacharacters, odd headers and media types, bodies cut short. Every answer must be below
 * 500, a refused write must leave the history as it was, and no page or guide may afterwards
 * carry a script. HOSTILE_REQUESTS sets how many to each store: 2,000 by default, to keep the suite quick
 * before each commit; `npm run test:hostile` sends 50,000 in CI.
 */
const TOTAL = Number(process.env.HOSTILE_REQUESTS ?? 2_000);
const IN_FLIGHT = 32;
const BATCH = 2_000;

const hostileText = fc.constantFrom(
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  'javascript:alert(1)',
  'https://example.com/"><script>x()</script>',
  "' OR 1=1 --",
  "'; drop table roles; --",
  '%',
  '_',
  '\\',
  '"',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\u202e',
  '\u001b[2J',
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f',
  '%252e%252e',
  'a%2Fb',
  '..',
  '__proto__',
  'constructor',
  '{{role_name}}',
  '${x}',
  '∑'.repeat(300),
);
const anyText = fc.oneof(
  hostileText,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** A JSON value shaped like the schema, each leaf sometimes swapped for something hostile. */
const fromSchema = (schema: unknown, depth = 0): fc.Arbitrary<unknown> => {
  const s = (schema ?? {}) as Record<string, unknown>;
  const wrong = fc.oneof(
    fc.constant(null),
    fc.integer(),
    fc.boolean(),
    anyText,
    fc.constant([]),
    fc.constant({}),
  );
  if (depth > 4) return wrong;
  let shaped: fc.Arbitrary<unknown>;
  if (Array.isArray(s.anyOf))
    shaped = fc.oneof(...(s.anyOf as unknown[]).map((x) => fromSchema(x, depth + 1)));
  else if (s.const !== undefined) shaped = fc.constant(s.const);
  else if (s.type === 'object' && s.properties) {
    const props = s.properties as Record<string, unknown>;
    shaped = fc.record(
      Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fromSchema(v, depth + 1)])),
      { requiredKeys: (s.required as string[] | undefined) ?? [] },
    );
  } else if (s.type === 'array')
    shaped = fc.array(fromSchema(s.items, depth + 1), { maxLength: 3 });
  else if (s.type === 'integer' || s.type === 'number')
    shaped = fc.oneof(fc.integer(), fc.double());
  else if (s.type === 'boolean') shaped = fc.boolean();
  else shaped = anyText;
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: wrong });
};

/** Percent-encodes; a lone surrogate, which has no UTF-8, goes as the bytes a careless client sends. */
const encode = (text: string): string => {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
};

/** As raw as a request line may be: only what Node refuses to send is percent-encoded. */
const raw = (text: string): string => text.replace(/[^\u0021-\u00ff]/gu, encode);

const deepJson = fc.integer({ min: 30, max: 5_000 }).map((n) => '['.repeat(n) + ']'.repeat(n));
const hugeJson = fc
  .integer({ min: 1, max: 3 })
  .map((n) => JSON.stringify({ name: 'x'.repeat(n * 400_000) }));
const invalidUtf8 = fc
  .uint8Array({ minLength: 1, maxLength: 64 })
  .map((b) =>
    Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, ...b]), Buffer.from('"}')]),
  );

interface Generated {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
  /** Sent with a Content-Length larger than the body, then the connection ends. */
  truncated: boolean;
}

const valid: Record<string, string> = {
  taxonomy: 'rolebook',
  code: 'api-builder',
  slug: 'api',
  id: 'none',
};

const operationArbitrary = (document: OpenApiDocument, key: string): fc.Arbitrary<Generated> => {
  const operations = Object.entries(document.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      path,
      method: method.toUpperCase(),
      op: inlined(document, op) as Record<string, unknown>,
    })),
  );
  const pages = [
    '/',
    '/roles/{code}',
    '/roles/{taxonomy}/{code}',
    '/terms',
    '/terms/{slug}',
    '/search',
    '/normalize',
    '/api',
  ].map((path): { path: string; method: string; op: Record<string, unknown> } => ({
    path,
    method: 'GET',
    op: {},
  }));
  return fc.constantFrom(...operations, ...pages).chain(({ path, method, op }) => {
    const body = (op.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined)
      ?.content?.['application/json']?.schema;
    const segment = (name: string) =>
      fc.oneof(
        { weight: 3, arbitrary: fc.constant(valid[name] ?? 'x') },
        { weight: 2, arbitrary: hostileText.map(encode) },
        { weight: 1, arbitrary: hostileText.map(raw) },
      );
    const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    return fc
      .record({
        segments: fc.tuple(...names.map(segment)),
        query: fc.option(
          fc.dictionary(
            fc.constantFrom(
              'q',
              'title',
              'limit',
              'offset',
              'taxonomy',
              'status',
              'format',
              'top',
              'minScore',
              '__proto__',
            ),
            anyText.map(encode),
            { maxKeys: 3 },
          ),
          { nil: undefined },
        ),
        json: body ? fromSchema(body) : fc.option(fc.jsonValue({ maxDepth: 3 })),
        raw: fc.oneof(
          deepJson.map((t) => Buffer.from(t)),
          hugeJson.map((t) => Buffer.from(t)),
          invalidUtf8,
          fc.constant(Buffer.from('{"__proto__":{"polluted":true},"name":"x"}')),
          fc.string().map((t) => Buffer.from(t)),
        ),
        useRaw: fc.nat(9).map((n) => n === 0),
        withKey: fc.boolean(),
        contentType: fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'application/json; charset=latin1',
          'text/plain',
          'text/html',
          'application/x-ndjson',
          'multipart/form-data; boundary=x',
          'application/xml',
          '',
        ),
        ifMatch: fc.option(
          fc.constantFrom(
            '"1"',
            '"2"',
            '*',
            'W/"1"',
            '"1", "2"',
            'garbage',
            '"99999999999"',
            '',
            '"',
            '\t*',
          ),
          { nil: undefined },
        ),
        accept: fc.constantFrom(
          'application/json',
          'text/html',
          'text/markdown',
          'application/ld+json',
          '*/*',
          'text/html;q=0,*/*;q=0',
        ),
        truncated: fc.nat(49).map((n) => n === 0),
      })
      .map((g): Generated => {
        let i = 0;
        const url =
          path.replace(/\{(\w+)\}/g, () => g.segments[i++] as string) +
          (g.query
            ? `?${Object.entries(g.query)
                .map(([k, v]) => `${k}=${v}`)
                .join('&')}`
            : '');
        const hasBody = method === 'POST' || method === 'PUT';
        const payload = hasBody
          ? g.useRaw
            ? g.raw
            : Buffer.from(JSON.stringify(g.json ?? null))
          : undefined;
        return {
          method,
          path: url,
          headers: {
            accept: g.accept,
            ...(g.withKey ? { authorization: `Bearer ${key}` } : {}),
            ...(hasBody && g.contentType ? { 'content-type': g.contentType } : {}),
            ...(g.ifMatch !== undefined ? { 'if-match': g.ifMatch } : {}),
          },
          body: payload,
          truncated: hasBody && g.truncated,
        };
      });
  });
};

const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });

/** Sends one generated request over a real socket; its status, or 0 when the server hung up. */
const send = (base: URL, g: Generated): Promise<{ status: number; written: boolean }> =>
  new Promise((resolve) => {
    const headers: Record<string, string | number> = { ...g.headers };
    if (g.body) headers['content-length'] = g.body.length + (g.truncated ? 10 : 0);
    const req = httpRequest(
      {
        host: base.hostname,
        port: base.port,
        method: g.method,
        path: g.path,
        headers,
        agent: g.truncated ? false : agent,
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            written: g.method !== 'GET' && (res.statusCode ?? 0) < 300,
          }),
        );
        res.on('error', () => resolve({ status: 0, written: false }));
      },
    );
    req.on('error', () => resolve({ status: 0, written: false }));
    if (g.truncated) {
      req.setTimeout(200, () => req.destroy());
      req.write(g.body ?? Buffer.alloc(0));
      setTimeout(() => req.destroy(), 50);
      return;
    }
    req.end(g.body);
  });

/** A script that would run: any script element but JSON-LD data, an event handler, a javascript: link. */
// A script element is executable unless it is JSON-LD data or one of the site's own files, named
// exactly and empty: those are the only ones a page may carry.
const EXECUTABLE =
  /<script\b(?![^>]*type="application\/ld\+json")(?! src="\/(?:scripts|static)\/[a-z-]+\.js(?:\?v=\w+)?" defer><\/script>)|<[^>]+\son[a-z]+\s*=|(?:href|src)\s*=\s*["']?\s*javascript:/i;

describe.each(storeTargets)('generated hostile requests on $name', (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(target, { limits: { requestsPerMinute: 0, bodyBytes: 1_048_576 } });
  });
  afterAll(async () => {
    agent.destroy();
    await server.close();
  });

  const revisionCount = async () =>
    Number(
      (
        await server.rolebook.ctx.store.db
          .selectFrom('revisions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it(
    `answers ${TOTAL} of them below 500, writes only what it accepts, renders no script`,
    async () => {
      const document = (await (await server.request('/v1/openapi.json')).json()) as OpenApiDocument;
      const arbitrary = operationArbitrary(document, server.writeKey);
      const base = new URL(server.url);
      const started = performance.now();
      const failures: string[] = [];
      let sent = 0;
      let accepted = 0;
      const before = await revisionCount();
      for (let seed = 1; sent < TOTAL; seed++) {
        const batch = fc.sample(arbitrary, { numRuns: Math.min(BATCH, TOTAL - sent), seed });
        let next = 0;
        await Promise.all(
          Array.from({ length: IN_FLIGHT }, async () => {
            while (next < batch.length) {
              const g = batch[next++]!;
              const { status, written } = await send(base, g);
              if (status >= 500)
                failures.push(
                  `${status} ${g.method} ${g.path} ${JSON.stringify(g.headers)} ${g.truncated} ${g.body?.subarray(0, 120).toString('hex') ?? ''}`,
                );
              if (written) accepted += 1;
            }
          }),
        );
        sent += batch.length;
      }
      const seconds = (performance.now() - started) / 1000;
      console.info(
        `hostile: ${sent} requests in ${seconds.toFixed(1)} s, ${failures.length} answered 5xx, ${accepted} writes accepted`,
      );
      expect(failures.slice(0, 20)).toEqual([]);
      // Revisions come only from accepted writes: a rejected one left nothing behind.
      expect((await revisionCount()) - before).toBeLessThanOrEqual(accepted);

      const roles = (await (
        await server.request('/v1/roles?limit=500', { key: server.writeKey })
      ).json()) as { items: { taxonomy: string; code: string }[] };
      for (const { taxonomy, code } of roles.items) {
        const encoded = `${taxonomy}/${encodeURIComponent(code)}`;
        for (const [path, accept] of [
          [`/roles/${encoded}`, 'text/html'],
          [`/v1/roles/${encoded}/guide?format=html`, 'text/html'],
          [`/v1/roles/${encoded}/guide?format=md`, 'text/markdown'],
          [`/v1/roles/${encoded}/guide?format=jsonld`, 'application/ld+json'],
        ] as const) {
          const text = await (
            await server.request(path, { key: server.writeKey, headers: { accept } })
          ).text();
          expect(EXECUTABLE.test(text), `${path} carries a script`).toBe(false);
        }
      }
      // About 4 ms a request on an idle machine; the bound leaves room for a busy one.
    },
    Math.max(600_000, TOTAL * 25),
  );
});
