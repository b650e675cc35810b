import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, systemActor } from '../../src/services/index.js';
import { apiDocument, inlined, type OpenApiDocument } from '../support/openapi.js';
import { startServer, type TestServer } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

/**
 * For every operation the served OpenAPI document lists, malformed requests of each kind a
 * careless or hostile client sends: each must be answered with a status the document declares
 * for that operation, never a 5xx, and a refusal must be application/problem+json whose detail
 * (or one of its errors) names the field or the part of the request that is wrong.
 */
const BODY_LIMIT = 8_192;
const UNKNOWN = 'no-such-thing';
const BAD_ESCAPE = '%E0%A4%A';
/** Path parameters naming a role and a term of the fixture library. */
const FIXTURE: Record<string, string> = { taxonomy: 'rolebook', code: 'api-builder', slug: 'api' };

interface Operation {
  method: string;
  path: string;
  parameters: { in: string; name: string; required?: boolean; schema?: Record<string, unknown> }[];
  responses: Record<string, unknown>;
  /** The JSON body schema, inlined, when the operation reads a body. */
  jsonBody: Record<string, unknown> | undefined;
  mediaTypes: string[];
}

interface Malformed {
  name: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /**
   * A pattern the detail or an error's field must match: the part the client must fix. None
   * where the request may be refused for something else (a body it lacks), named instead.
   */
  names?: RegExp;
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

const operationsOf = (document: OpenApiDocument): Operation[] =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, raw]) => {
      const op = inlined(document, raw) as {
        parameters?: Operation['parameters'];
        responses: Record<string, unknown>;
        requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
      };
      const content = op.requestBody?.content ?? {};
      return {
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        responses: op.responses,
        jsonBody: content['application/json']?.schema,
        mediaTypes: Object.keys(content),
      };
    }),
  );

/** A value of the wrong JSON type for a property of `schema`. */
const wrongValue = (schema: Record<string, unknown>): unknown =>
  schema.type === 'string' || schema.const !== undefined || schema.enum !== undefined
    ? 12_345
    : { wrong: true };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The malformed requests that apply to `op`, each with the part its refusal must name. */
const malformedFor = (op: Operation): Malformed[] => {
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const fill = (value: (name: string) => string) =>
    op.path.replace(/\{(\w+)\}/g, (_m, name: string) => value(name));
  const path = fill(() => UNKNOWN);
  const ifMatch: Record<string, string> = op.parameters.some(
    (p) => p.in === 'header' && p.name === 'if-match',
  )
    ? { 'if-match': '*' }
    : {};
  const json = { 'content-type': 'application/json', ...ifMatch };
  const cases: Malformed[] = [
    {
      name: 'a bad percent-escape in the query',
      path: `${path}?q=${BAD_ESCAPE}`,
      headers: ifMatch,
      names: /query\.q/,
    },
  ];
  // Every API operation refuses a query parameter it does not read; the probes outside the API
  // take what load balancers send. One that needs a body is refused for the body it lacks first.
  if (op.path.startsWith('/v1/')) {
    cases.push({
      name: 'an unknown query parameter',
      path: `${path}?unexpectedParameter=1`,
      headers: ifMatch,
      ...(op.mediaTypes.length === 0 ? { names: /unexpectedParameter/ } : {}),
    });
  }
  // The other parameters a request needs are given, so the taxonomy is all that is wrong.
  const requiredQuery = op.parameters
    .filter((p) => p.in === 'query' && p.required === true && p.name !== 'taxonomy')
    .map((p) => `${p.name}=x&`)
    .join('');
  if (op.method === 'GET' && op.parameters.some((p) => p.in === 'query' && p.name === 'taxonomy')) {
    cases.push({
      name: 'an unknown taxonomy in the query',
      path: `${fill((name) => FIXTURE[name] ?? UNKNOWN)}?${requiredQuery}taxonomy=${UNKNOWN}`,
      headers: {},
      names: new RegExp(escapeRegExp(UNKNOWN)),
    });
  }
  const last = pathParams.at(-1);
  if (last !== undefined) {
    cases.push({
      name: 'a bad percent-escape in the path',
      path: fill((name) => (name === last ? BAD_ESCAPE : UNKNOWN)),
      headers: ifMatch,
      names: /path/,
    });
  }
  if (last !== undefined) {
    cases.push({
      name: 'a path segment longer than any id',
      path: fill((name) => (name === last ? 'x'.repeat(4_000) : UNKNOWN)),
      headers: ifMatch,
      names: /path/,
    });
  }
  if (last !== undefined && op.mediaTypes.length === 0) {
    cases.push({
      name: 'an unknown id',
      path,
      headers: ifMatch,
      names: new RegExp(escapeRegExp(UNKNOWN)),
    });
  }
  // On a stored role or term, so that the precondition, not a 404, is what is refused; neither
  // request changes it.
  if ('if-match' in ifMatch && op.mediaTypes.length === 0 && !op.path.includes('/draft')) {
    const stored = fill((name) => FIXTURE[name] ?? UNKNOWN);
    cases.push(
      {
        name: 'no If-Match',
        path: stored,
        headers: {},
        names: /if-match/i,
      },
      {
        name: 'a malformed If-Match',
        path: stored,
        headers: { 'if-match': 'not a tag' },
        names: /if-match/i,
      },
    );
  }
  for (const parameter of op.parameters.filter((p) => p.in === 'query')) {
    const type = parameter.schema?.type;
    if (type !== 'integer' && type !== 'number' && type !== 'boolean') continue;
    cases.push({
      name: `a wrong type in query.${parameter.name}`,
      path: `${path}?${parameter.name}=not-a-number`,
      headers: ifMatch,
      // Without the body it needs, an operation refuses the body first.
      ...(op.mediaTypes.length === 0 ? { names: new RegExp(`query\\.${parameter.name}`) } : {}),
    });
  }
  if (op.mediaTypes.length === 0) return cases;
  cases.push(
    {
      name: 'a body of another media type',
      path,
      headers: { ...json, 'content-type': 'application/xml' },
      body: Buffer.from('<role/>'),
      names: /content-type/i,
    },
    {
      name: 'a body in a charset other than UTF-8',
      path,
      headers: { ...json, 'content-type': `${op.mediaTypes[0]}; charset=iso-8859-1` },
      body: Buffer.from('{"text": "caf\xe9"}', 'latin1'),
      names: /content-type/i,
    },
    {
      name: 'a body larger than the limit',
      path,
      headers: json,
      body: Buffer.from(JSON.stringify({ text: 'x'.repeat(BODY_LIMIT) })),
      names: /body/,
    },
  );
  if (!op.mediaTypes.includes('text/plain')) {
    cases.push({
      name: 'JSON sent as text/plain',
      path,
      headers: { ...json, 'content-type': 'text/plain' },
      body: Buffer.from('{}'),
      names: /content-type/i,
    });
  }
  const schema = op.jsonBody;
  if (!schema) return cases;
  cases.push(
    {
      name: 'JSON cut short',
      path,
      headers: json,
      body: Buffer.from('{"name": "Backend'),
      names: /JSON/,
    },
    {
      name: 'an unknown field in the body',
      path,
      headers: json,
      body: Buffer.from(JSON.stringify({ unexpectedField: 1 })),
      names: /unexpectedField/,
    },
  );
  const properties = Object.entries((schema.properties ?? {}) as Record<string, never>);
  if (properties.length > 0) {
    const [first, firstSchema] = properties[0]!;
    cases.push({
      name: `a wrong type in the body's ${first}`,
      path,
      headers: json,
      body: Buffer.from(JSON.stringify({ [first]: wrongValue(firstSchema) })),
      names: new RegExp(`^(?:body\\.)?${escapeRegExp(first)}\\b|\\b${escapeRegExp(first)} must`),
    });
  }
  return cases;
};

/** Sends one request over a plain socket, so that nothing on the way rewrites what is sent. */
const send = (base: URL, method: string, m: Malformed, key: string): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: base.hostname,
        port: base.port,
        method,
        path: m.path,
        agent: false,
        headers: {
          authorization: `Bearer ${key}`,
          accept: 'application/json',
          ...m.headers,
          ...(m.body ? { 'content-length': m.body.length } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    // The server may answer (413, 415) before it reads a body, and close as the body goes out.
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    request.end(m.body);
  });

/** What is wrong with an answer, or nothing when it is what the document promises. */
const faultsOf = (op: Operation, m: Malformed, answer: Answer): string[] => {
  const faults: string[] = [];
  if (!(String(answer.status) in op.responses))
    faults.push(`answered ${answer.status}, which is not declared`);
  if (answer.status >= 500) faults.push(`answered ${answer.status}`);
  if (answer.status < 400) {
    faults.push(`accepted it with ${answer.status}`);
    return faults;
  }
  if (!answer.contentType.startsWith('application/problem+json'))
    faults.push(`answered ${answer.contentType}, not application/problem+json`);
  let problem: { status?: number; detail?: string; errors?: { field?: string }[] };
  try {
    problem = JSON.parse(answer.text) as typeof problem;
  } catch {
    return [...faults, `answered a body that is not JSON: ${answer.text.slice(0, 80)}`];
  }
  if (problem.status !== answer.status) faults.push(`said status ${problem.status} in the body`);
  const named = [problem.detail ?? '', ...(problem.errors ?? []).map((e) => e.field ?? '')];
  if (m.names && !named.some((text) => m.names!.test(text)))
    faults.push(`did not name ${m.names} in "${problem.detail}"`);
  return faults;
};

/** The document the server serves (the drift test holds it equal to docs/openapi.json). */
const operations = operationsOf(await apiDocument());

describe.each(storeTargets.filter((t) => t.name === 'sqlite'))(
  'malformed requests to every documented operation on $name',
  (target) => {
    let server: TestServer;
    let key: string;
    beforeAll(async () => {
      server = await startServer(target, {
        limits: { requestsPerMinute: 0, bodyBytes: BODY_LIMIT },
      });
      ({ secret: key } = await createApiKey(server.rolebook.ctx, systemActor('test'), {
        name: 'every scope',
        scopes: ['read', 'write', 'delete', 'admin'],
      }));
    });
    afterAll(async () => {
      await server.close();
    });

    it('serves the document the cases are drawn from', async () => {
      const served = (await (await server.request('/v1/openapi.json')).json()) as OpenApiDocument;
      expect(operationsOf(served)).toEqual(operations);
    });

    it.each(operations.map((op) => [`${op.method} ${op.path}`, op] as const))(
      '%s answers each malformed request with a declared status and a problem naming what is wrong',
      async (_name, op) => {
        const base = new URL(server.url);
        const faults: string[] = [];
        for (const m of malformedFor(op)) {
          const answer = await send(base, op.method, m, key);
          for (const fault of faultsOf(op, m, answer)) faults.push(`${m.name}: ${fault}`);
        }
        expect(faults.join('\n')).toBe('');
      },
    );
  },
);
