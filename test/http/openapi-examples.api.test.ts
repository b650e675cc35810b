import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withBuiltInLibrary } from '../support/browser.js';
import { serverForTests } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  example?: unknown;
}

interface Operation {
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { example?: unknown }> };
  responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
}

/** One request the API console would send from an operation's examples alone. */
interface Trial {
  name: string;
  method: string;
  url: string;
  mediaType?: string;
  body?: string;
  /** The JSON the document shows as the answer, where it shows one. */
  answer?: unknown;
}

const document = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../docs/openapi.json'), 'utf8'),
) as { paths: Record<string, Record<string, Operation>> };

const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
);

const urlOf = (path: string, parameters: Parameter[]): string => {
  const given = parameters.filter((p) => p.example !== undefined);
  const filled = given
    .filter((p) => p.in === 'path')
    .reduce((url, p) => url.replace(`{${p.name}}`, encodeURIComponent(String(p.example))), path);
  const query = given
    .filter((p) => p.in === 'query')
    .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(String(p.example))}`);
  return query.length === 0 ? filled : `${filled}?${query.join('&')}`;
};

/**
 * The requests an operation's examples make, one per media type of its body that has an
 * example; none when a required parameter or a required body has no example to send.
 */
const trialsOf = (path: string, method: string, operation: Operation): Trial[] => {
  const parameters = operation.parameters ?? [];
  if (parameters.some((p) => p.required === true && p.example === undefined)) return [];
  const url = urlOf(path, parameters);
  const name = `${method.toUpperCase()} ${path}`;
  const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
  const answer = success?.[1].content?.['application/json']?.example;
  const bodies = Object.entries(operation.requestBody?.content ?? {}).filter(
    ([, media]) => media.example !== undefined,
  );
  if (bodies.length === 0)
    return operation.requestBody?.required === true ? [] : [{ name, method, url, answer }];
  return bodies.map(([mediaType, { example }]) => ({
    name: `${name} (${mediaType})`,
    method,
    url,
    answer,
    mediaType,
    body: typeof example === 'string' ? example : JSON.stringify(example),
  }));
};

const trials = operations.flatMap(({ path, method, operation }) =>
  trialsOf(path, method, operation),
);

/** What an example answers on a fresh copy of the built-in library when that is not a 2xx. */
const documentedOtherwise: Record<string, number> = {
  'GET /v1/roles/{taxonomy}/{code}/draft': 404,
  'GET /v1/terms/{slug}/draft': 404,
};

/** The tags of operations whose parameters name accounts, keys or jobs a fresh database lacks. */
const accountTags = new Set(['admin', 'users', 'jobs']);

describe('the examples of the OpenAPI document', () => {
  it('let every read and every analysis be tried without typing anything', () => {
    const untried = operations
      .filter(({ method }) => method === 'get' || method === 'post')
      .filter(({ method, operation }) =>
        method === 'get'
          ? !operation.tags?.some((t) => accountTags.has(t))
          : operation.tags?.some((t) => t === 'analysis' || t === 'normalize'),
      )
      .filter(({ path, method, operation }) => trialsOf(path, method, operation).length === 0)
      .map(({ path, method }) => `${method.toUpperCase()} ${path}`);
    expect(untried).toEqual([]);
  });

  it('let every operation on a user be tried on the user the example of creating one makes', () => {
    const untried = operations
      .filter(({ path }) => path.startsWith('/v1/users'))
      .filter(({ path, method, operation }) => trialsOf(path, method, operation).length === 0)
      .map(({ path, method }) => `${method.toUpperCase()} ${path}`);
    expect(untried).toEqual([]);
  });

  it('give an example of every media type the batch normalization reads', () => {
    const content = document.paths['/v1/normalize']?.post?.requestBody?.content ?? {};
    const without = Object.entries(content).filter(([, media]) => media.example === undefined);
    expect(without.map(([mediaType]) => mediaType)).toEqual([]);
  });
});

describe.each(storeTargets)('the examples of the OpenAPI document on $name', (target) => {
  const { server, keys } = serverForTests(withBuiltInLibrary(target), {
    keys: { all: ['read', 'write', 'delete', 'admin'] },
  });

  it.each(trials.map((trial) => [trial.name, trial] as const))(
    '%s answers as documented',
    async (name, { method, url, mediaType, body, answer }) => {
      const response = await server.request(url, {
        method: method.toUpperCase(),
        key: keys.all,
        ...(mediaType ? { headers: { 'content-type': mediaType }, body } : {}),
      });
      const text = await response.text();
      if (answer !== undefined && response.headers.get('content-type')?.includes('json'))
        expect(JSON.parse(text), `the example answer of ${name}`).toEqual(answer);
      const expected = documentedOtherwise[name.replace(/ \(.*\)$/, '')];
      if (expected === undefined) expect(response.status, name).toBeLessThan(300);
      else expect(response.status).toBe(expected);
      expect(response.status).toBeGreaterThanOrEqual(200);
    },
  );
});
