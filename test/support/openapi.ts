import { buildApp } from '../../src/http/app.js';
import { openRolebook } from '../../src/services/index.js';

/** An OpenAPI document as JSON, for tests that read what it says. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, unknown> };
}

/** A part of the document with its component references followed, as a reader would see it. */
export const inlined = (document: OpenApiDocument, value: unknown, depth = 0): unknown => {
  if (typeof value !== 'object' || value === null || depth > 20) return value;
  if (Array.isArray(value)) return value.map((v) => inlined(document, v, depth + 1));
  const ref = (value as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
    const name = ref.slice('#/components/schemas/'.length);
    return inlined(document, document.components.schemas[name], depth + 1);
  }
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, inlined(document, v, depth + 1)]),
  );
};

/** The document the server serves, built from the routes alone: no database content in it. */
export const apiDocument = async (): Promise<OpenApiDocument> => {
  const rolebook = await openRolebook({ database: ':memory:', contentDir: '', seed: false });
  try {
    const app = await buildApp({ ctx: rolebook.ctx, logLevel: 'silent' });
    await app.ready();
    const document = app.swagger() as unknown as OpenApiDocument;
    await app.close();
    return JSON.parse(JSON.stringify(document)) as OpenApiDocument;
  } finally {
    await rolebook.close();
  }
};
