import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiDocument, type OpenApiDocument } from '../support/openapi.js';

const committed = join(import.meta.dirname, '../../docs/openapi.json');

describe('the OpenAPI document', () => {
  let document: OpenApiDocument;
  beforeAll(async () => {
    document = await apiDocument();
  });

  it('is the one committed in docs/openapi.json (run `npm run openapi` after an API change)', async () => {
    expect(JSON.parse(await readFile(committed, 'utf8'))).toEqual(document);
  });

  it('is valid OpenAPI 3.1', async () => {
    const spec = structuredClone(document) as unknown as Parameters<Validator['validate']>[0];
    const result = await new Validator().validate(spec);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('names every component schema', () => {
    const names = Object.keys(document.components.schemas);
    expect(names).toEqual(expect.arrayContaining(['Role', 'Term', 'Problem', 'NormalizeResult']));
    expect(names.filter((n) => /^def-\d+$/.test(n))).toEqual([]);
  });

  it('describes every operations endpoint, /metrics included', () => {
    const operations = Object.entries(document.paths)
      .filter(([, item]) => (item.get?.tags as string[] | undefined)?.includes('operations'))
      .map(([path]) => path);
    expect(operations.sort()).toEqual(['/healthz', '/metrics', '/readyz']);
  });

  it('documents the ETag of a read and the Location and ETag of a create', () => {
    const read = document.paths['/v1/roles/{taxonomy}/{code}']?.get?.responses as Record<
      string,
      { headers?: Record<string, unknown> }
    >;
    expect(Object.keys(read['200']?.headers ?? {})).toEqual(['etag']);
    const create = document.paths['/v1/terms']?.post?.responses as Record<
      string,
      { headers?: Record<string, unknown> }
    >;
    expect(Object.keys(create['201']?.headers ?? {}).sort()).toEqual(['etag', 'location']);
  });

  it.each([
    ['put', '/v1/roles/{taxonomy}/{code}'],
    ['delete', '/v1/terms/{slug}'],
    ['post', '/v1/roles/{taxonomy}/{code}/revert'],
  ])('documents If-Match as required on %s %s, with 412 and 428', (method, path) => {
    const operation = document.paths[path]?.[method] as {
      parameters: { in: string; name: string; required?: boolean }[];
      responses: Record<string, unknown>;
    };
    expect(operation.parameters).toContainEqual(
      expect.objectContaining({ in: 'header', name: 'if-match', required: true }),
    );
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['412', '428']));
  });
});
