import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static, type TSchema } from 'typebox';
import type { Revision } from '../../../domain/index.js';
import type {
  Actor,
  IfMatch,
  Page,
  PageRequest,
  Removal,
  WriteOptions,
} from '../../../services/index.js';
import { etagOf, versionFromIfMatch } from '../../etag.js';
import {
  IfMatchHeaders,
  PageOnlyQuerySchema,
  pageOf,
  problemResponses,
  RemovalSchema,
  RevertBodySchema,
  RevisionSchema,
} from '../../schemas/common.schema.js';

/*
 * Route plumbing shared by the versioned entities, roles and terms: the version is the ETag, and
 * a replace, delete or revert names the version it edited in If-Match. The use cases refuse a
 * write without it (428) or with a stale one (412); these routes only carry the header there.
 */

type App = Parameters<FastifyPluginCallbackTypebox>[0];

/**
 * Params or a body as its schema describes it. Fastify cannot work out the type of a schema that
 * is still a type parameter, so the helpers name it here; the schema has checked it at run time.
 */
const validated = <S extends TSchema>(value: unknown) => value as Static<S>;

export const writeSecurity = [{ apiKey: [] }];

const EtagHeader = Type.String({
  description: 'The version sent, such as `"3"`: name it in If-Match to change or delete it.',
});

/** A 200 that carries a role or a term with its version as the ETag. */
export const versionedResponse = (entity: TSchema, description: string) => ({
  description,
  headers: { etag: EtagHeader },
  content: { 'application/json': { schema: entity } },
});

/** The 304 of a GET whose If-None-Match names the ETag of what would be sent. */
export const notModifiedResponse = {
  description: 'Not modified: If-None-Match names the version (ETag) you have. No body.',
  type: 'null',
} as const;

/** A 201 for a role or term just made: where it lives, and its version. */
export const createdResponse = (entity: TSchema, description: string) => ({
  description,
  headers: {
    etag: EtagHeader,
    location: Type.String({ description: 'The URL of what was created.' }),
  },
  content: { 'application/json': { schema: entity } },
});

/** Sends a role or term with its version as the ETag. */
export const sendVersioned = (reply: FastifyReply, entity: { version: number }) =>
  reply.header('etag', etagOf(entity.version)).send(entity);

/** What a write guarded by If-Match hands its use case besides its input. */
export interface ConditionalWrite {
  actor: Actor | undefined;
  /** The version If-Match names; undefined when the header is absent. */
  expectedVersion: IfMatch | undefined;
  options: WriteOptions;
}

const conditionalWriteOf = (request: FastifyRequest): ConditionalWrite => ({
  actor: request.actor,
  expectedVersion: versionFromIfMatch(request.headers['if-match']),
  options: { requestId: request.id },
});

export interface RouteDoc<P extends TSchema> {
  tags: string[];
  summary: string;
  description?: string;
  params: P;
  /**
   * How the entity refuses to be published unfit (a role's guide with lint errors), said in the
   * description of each write that may publish it, which then answers 422 too.
   */
  publishGate?: string;
}

/** The problems a write that may publish answers besides `statuses`: 422 behind a gate. */
export const publishingProblems = (doc: { publishGate?: string }, ...statuses: number[]) =>
  problemResponses(...statuses, ...(doc.publishGate !== undefined ? [422] : []));

/** The schema parts of a write guarded by If-Match (PUT, DELETE, revert): a key and the header. */
const conditionalWriteSchema = <P extends TSchema>({
  tags,
  summary,
  description,
  params,
  publishGate,
}: RouteDoc<P>) => {
  const said = [description, publishGate].filter((part) => part !== undefined);
  return {
    tags,
    security: writeSecurity,
    summary,
    ...(said.length > 0 ? { description: said.join(' ') } : {}),
    params,
    headers: IfMatchHeaders,
  };
};

/** PUT: replaces the entity at `url` with the body; answers the new version with its ETag. */
export const replaceRoute = <P extends TSchema, B extends TSchema>(
  app: App,
  url: string,
  doc: RouteDoc<P> & { body: B; entity: TSchema },
  replace: (
    params: Static<P>,
    body: Static<B>,
    write: ConditionalWrite,
  ) => Promise<{ version: number }>,
) => {
  app.put(
    url,
    {
      config: { scope: 'write' },
      schema: {
        ...conditionalWriteSchema(doc),
        body: doc.body,
        response: {
          200: versionedResponse(doc.entity, 'The new version'),
          ...publishingProblems(doc, 400, 401, 403, 404, 409, 412, 413, 428),
        },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await replace(
          validated<P>(request.params),
          validated<B>(request.body),
          conditionalWriteOf(request),
        ),
      ),
  );
};

/**
 * DELETE: removes the entity at `url`, softly (a revert brings it back); answers what still
 * points at it, or one of `problems`.
 */
export const deleteRoute = <P extends TSchema>(
  app: App,
  url: string,
  doc: RouteDoc<P> & { problems: number[] },
  remove: (params: Static<P>, write: ConditionalWrite) => Promise<Removal>,
) => {
  app.delete(
    url,
    {
      config: { scope: 'delete' },
      schema: {
        ...conditionalWriteSchema(doc),
        description:
          'Refused with 409 while it has a pending draft, which the problem names: discard or publish the draft first, so no unpublished work is lost or left behind.',
        response: { 200: RemovalSchema, ...problemResponses(...doc.problems) },
      },
    },
    (request) => remove(validated<P>(request.params), conditionalWriteOf(request)),
  );
};

/** GET …/revisions: the entity's revisions, newest first, a page at a time. */
export const revisionsRoute = <P extends TSchema>(
  app: App,
  url: string,
  doc: RouteDoc<P>,
  list: (
    params: Static<P>,
    page: PageRequest,
    actor: Actor | undefined,
  ) => Promise<Page<Revision<object>>>,
) => {
  app.get(
    url,
    {
      schema: {
        tags: doc.tags,
        summary: doc.summary,
        params: doc.params,
        querystring: PageOnlyQuerySchema,
        response: { 200: pageOf(RevisionSchema), ...problemResponses(404) },
      },
    },
    (request) => list(validated<P>(request.params), request.query, request.actor),
  );
};

/** POST …/revert: brings back the version the body names as a new one; answers it with its ETag. */
export const revertRoute = <P extends TSchema>(
  app: App,
  url: string,
  doc: RouteDoc<P> & { entity: TSchema },
  revert: (
    params: Static<P>,
    toVersion: number,
    write: ConditionalWrite,
  ) => Promise<{ version: number }>,
) => {
  app.post(
    url,
    {
      config: { scope: 'write' },
      schema: {
        ...conditionalWriteSchema(doc),
        body: RevertBodySchema,
        response: {
          200: versionedResponse(doc.entity, 'The new version, as the old one was'),
          ...publishingProblems(doc, 400, 401, 403, 404, 409, 412, 428),
        },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await revert(
          validated<P>(request.params),
          validated<typeof RevertBodySchema>(request.body).version,
          conditionalWriteOf(request),
        ),
      ),
  );
};
