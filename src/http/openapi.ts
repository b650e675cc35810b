import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import type { TSchema } from 'typebox';

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

/** Route parameters that say the route needs `If-Match`, though a missing one is a 428, not a 400. */
interface HeaderParameter {
  in?: string;
  name?: string;
  required?: boolean;
}

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
      for (const path of Object.values(spec.paths ?? {})) {
        for (const operation of Object.values(path as Record<string, unknown>)) {
          const parameters = (operation as { parameters?: HeaderParameter[] }).parameters ?? [];
          for (const parameter of parameters) {
            if (parameter.in === 'header' && parameter.name === 'if-match')
              parameter.required = true;
          }
        }
      }
      return { ...spec, components: { ...spec.components, schemas } } as typeof spec;
    },
  };
};
