import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import type { TSchema } from 'typebox';
import { isOperationsPath } from './operations.js';

/** Marks a schema for the OpenAPI document: it becomes a named component, referred to by `$ref`. */
export interface NamedSchemas {
  readonly [name: string]: TSchema;
}

const componentRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * A copy of `value` with every named schema in it (found by identity, below the top unless
 * `top` is false) replaced by a reference to its component. Keys of TypeBox's symbols are left
 * out, as JSON would.
 */
const withReferences = (
  value: unknown,
  names: ReadonlyMap<object, string>,
  skip?: object,
): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  const name = value === skip ? undefined : names.get(value);
  if (name !== undefined) {
    const { description } = value as { description?: unknown };
    return typeof description === 'string'
      ? { ...componentRef(name), description }
      : componentRef(name);
  }
  if (Array.isArray(value)) return value.map((item) => withReferences(item, names));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, withReferences(item, names)]),
  );
};

/** Methods whose requests may carry a body, which Fastify reads and so may refuse. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The statuses any operation may answer before or beside its own logic, declared here once
 * rather than on every route: a request Node or the router refuses (400: a malformed request,
 * or a malformed percent-escape in the path or the query; 406: an Accept-Encoding that rules out
 * every coding; 408: headers or a body too slow; 431: headers too large), a fault of ours (500), and, outside the operations endpoints that
 * probes call, a bad API key (401), the rate limit (429) and a database that does not answer
 * (503). A request with a body may be too large (413) or of a media type not read (415).
 */
const commonStatuses = (method: string, url: string): number[] => [
  400,
  406,
  408,
  431,
  500,
  ...(isOperationsPath(url) ? [] : [401, 429, 503]),
  ...(BODY_METHODS.has(method) ? [413, 415] : []),
];

/** Route parameters that say the route needs `If-Match`, though a missing one is a 428, not a 400. */
interface HeaderParameter {
  in?: string;
  name?: string;
  required?: boolean;
}

interface Media {
  schema?: { $ref?: string };
  example?: unknown;
}

/** A request body or a response: content by media type, or a reference to a shared one. */
interface WithContent {
  content?: Record<string, Media>;
}

interface Operation {
  parameters?: HeaderParameter[];
  requestBody?: WithContent;
  responses?: Record<string, unknown>;
}

/**
 * Gives a body or a response whose schema is a named component that component's first example,
 * as a schema given inline gets its own: the console shows the media's example.
 */
const exampleOfComponent = (media: Media, schemas: Record<string, unknown>): void => {
  const name = media.schema?.$ref?.slice('#/components/schemas/'.length);
  const { examples } = (name === undefined ? {} : schemas[name]) as { examples?: unknown[] };
  if (media.example === undefined && examples !== undefined) media.example = examples[0];
};

/** The one response every common status refers to. */
const problemResponse = {
  description: 'A problem, as application/problem+json',
  content: { 'application/problem+json': { schema: componentRef('Problem') } },
};

/** An operation's responses with the common statuses it does not declare itself added, in order. */
const withCommonStatuses = (
  own: Record<string, unknown>,
  method: string,
  url: string,
): Record<string, unknown> => {
  const common = commonStatuses(method.toUpperCase(), url)
    .filter((status) => !(status in own))
    .map((status): [string, unknown] => [
      String(status),
      { $ref: '#/components/responses/Problem' },
    ]);
  return Object.fromEntries(
    [...Object.entries(own), ...common].sort(([a], [b]) => a.localeCompare(b)),
  );
};

/**
 * The OpenAPI options that make the document say what the API does: every schema given a name
 * appears once as a component under that name (not `def-0`), and `If-Match` is documented as
 * required where the route refuses a write without it.
 */
export const openApiDocument = (
  named: NamedSchemas,
  document: NonNullable<FastifyDynamicSwaggerOptions['openapi']>,
): FastifyDynamicSwaggerOptions => {
  const names = new Map<object, string>(Object.entries(named).map(([name, s]) => [s, name]));
  return {
    openapi: document,
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
    transform: ({ schema, url }) => ({
      url,
      schema: withReferences(schema, names) as typeof schema,
    }),
    transformObject: (result) => {
      if (!('openapiObject' in result)) return result.swaggerObject;
      const spec = result.openapiObject;
      // The document is plain JSON from here on; its library types cannot describe a schema
      // built from TypeBox's, so the components are assembled as JSON.
      const schemas: Record<string, unknown> = { ...spec.components?.schemas };
      for (const [name, schema] of Object.entries(named)) {
        const { $id: _id, ...body } = withReferences(schema, names, schema) as Record<
          string,
          unknown
        >;
        schemas[name] = body;
      }
      for (const [url, path] of Object.entries(spec.paths ?? {})) {
        for (const [method, operation] of Object.entries(path as Record<string, Operation>)) {
          operation.responses = withCommonStatuses(operation.responses ?? {}, method, url);
          const responses = Object.values(operation.responses) as WithContent[];
          const bodies = [operation.requestBody, ...responses];
          for (const media of bodies.flatMap((b) => Object.values(b?.content ?? {})))
            exampleOfComponent(media, schemas);
          const parameters = operation.parameters ?? [];
          for (const parameter of parameters) {
            if (parameter.in === 'header' && parameter.name === 'if-match')
              parameter.required = true;
          }
        }
      }
      const responses = { ...spec.components?.responses, Problem: problemResponse };
      return { ...spec, components: { ...spec.components, schemas, responses } } as typeof spec;
    },
  };
};
