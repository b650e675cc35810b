import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { RoleContent, TermContent } from '../../../domain/index.js';
import {
  discardRoleDraft,
  discardTermDraft,
  getRoleDraft,
  getTermDraft,
  listDrafts,
  publishRoleDraft,
  publishTermDraft,
  saveRoleDraft,
  saveTermDraft,
  startRoleDraft,
  startTermDraft,
  type Actor,
  type DraftInput,
  type IfMatch as Versions,
  type RoleRef,
  type ServiceContext,
} from '../../../services/index.js';
import { etagOf, versionFromIfMatch } from '../../etag.js';
import { IfMatchHeaders, problemResponses } from '../../schemas/common.schema.js';
import {
  DraftListQuerySchema,
  DraftPageSchema,
  RoleDraftBodySchema,
  RoleDraftSchema,
  TermDraftBodySchema,
  TermDraftSchema,
} from '../../schemas/draft.schema.js';
import { ROLE_PUBLISH_GATE, RoleParamsSchema, RoleSchema } from '../../schemas/role.schema.js';
import { TermParamsSchema, TermSchema } from '../../schemas/term.schema.js';
import {
  publishingProblems,
  sendVersioned,
  versionedResponse,
  writeSecurity,
} from './versioned-entity.js';

/*
 * The pending draft of a role or a term, at `…/draft` beside the published entity: started
 * (POST), read (GET, the read scope), saved over (PUT), discarded (DELETE) and published
 * (`…/draft/publish`). The draft's ETag is its own version; publishing answers the entity with
 * its new version as the ETag. Public reads of the entity never see the draft.
 */

type App = Parameters<FastifyPluginCallbackTypebox>[0];
type Request = FastifyRequest;

type Options = { requestId: string };

/** The draft use cases of one kind of entity, as the services layer offers them. */
interface DraftService<Ref, Content> {
  get(ctx: ServiceContext, actor: Actor | undefined, ref: Ref): Promise<{ version: number }>;
  start(
    ctx: ServiceContext,
    actor: Actor | undefined,
    ref: Ref,
    input: DraftInput<Content>,
    options: Options,
  ): Promise<{ version: number }>;
  save(
    ctx: ServiceContext,
    actor: Actor | undefined,
    ref: Ref,
    input: DraftInput<Content>,
    expectedVersion: Versions | undefined,
    options: Options,
  ): Promise<{ version: number }>;
  discard(
    ctx: ServiceContext,
    actor: Actor | undefined,
    ref: Ref,
    expectedVersion: Versions | undefined,
    options: Options,
  ): Promise<void>;
  publish(
    ctx: ServiceContext,
    actor: Actor | undefined,
    ref: Ref,
    expectedVersion: Versions | undefined,
    options: Options,
  ): Promise<{ version: number }>;
}

interface DraftRoutesDoc<P extends TSchema> {
  /** The entity's own URL; the draft lives at `${url}/draft`. */
  url: string;
  tags: string[];
  /** How a summary names the entity: `a role`, `a term`. */
  what: string;
  params: P;
  body: TSchema;
  draft: TSchema;
  entity: TSchema;
  /** How publishing refuses an unfit entity, when it does (see `RouteDoc`). */
  publishGate?: string;
}

/** The schemas say what these are; Fastify cannot type a schema that is a type parameter. */
const validated = <T>(value: unknown) => value as T;

const draftRoutes = <P extends TSchema, Ref, Content>(
  app: App,
  ctx: ServiceContext,
  doc: DraftRoutesDoc<P>,
  refOf: (params: Static<P>) => Ref,
  service: DraftService<Ref, Content>,
) => {
  const url = `${doc.url}/draft`;
  const { tags, params } = doc;
  const conditional = { tags, params, security: writeSecurity, headers: IfMatchHeaders };
  /** What every draft use case is called with: who, which entity, and the request's id. */
  const callOf = (request: Request) =>
    [ctx, request.actor, refOf(validated<Static<P>>(request.params))] as const;
  const expectedOf = (request: Request) => versionFromIfMatch(request.headers['if-match']);
  const input = (request: Request) => validated<DraftInput<Content>>(request.body);

  app.get(
    url,
    {
      config: { scope: 'read' },
      schema: {
        tags,
        security: writeSecurity,
        summary: `The pending draft of ${doc.what}, with what lint finds in it`,
        description:
          'Public reads keep serving the published version until the draft is published. The ETag is the draft version.',
        params,
        response: {
          200: versionedResponse(doc.draft, 'The draft'),
          ...problemResponses(401, 403, 404),
        },
      },
    },
    async (request, reply) => sendVersioned(reply, await service.get(...callOf(request))),
  );

  app.post(
    url,
    {
      config: { scope: 'write' },
      schema: {
        tags,
        security: writeSecurity,
        summary: `Start the pending draft of ${doc.what}, beside the published version`,
        description: `An entity has one draft at most: a second start gets 409. Edit it with PUT.`,
        params,
        body: doc.body,
        response: {
          201: versionedResponse(doc.draft, 'The draft, started'),
          ...problemResponses(400, 401, 403, 404, 409, 412, 413),
        },
      },
    },
    async (request, reply) => {
      const draft = await service.start(...callOf(request), input(request), {
        requestId: request.id,
      });
      return reply.status(201).header('etag', etagOf(draft.version)).send(draft);
    },
  );

  app.put(
    url,
    {
      config: { scope: 'write' },
      schema: {
        ...conditional,
        summary: `Save the pending draft of ${doc.what} (If-Match: the draft version)`,
        body: doc.body,
        response: {
          200: versionedResponse(doc.draft, 'The draft as saved'),
          ...problemResponses(400, 401, 403, 404, 412, 413, 428),
        },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.save(...callOf(request), input(request), expectedOf(request), {
          requestId: request.id,
        }),
      ),
  );

  app.delete(
    url,
    {
      config: { scope: 'write' },
      schema: {
        ...conditional,
        summary: `Discard the pending draft of ${doc.what} (If-Match: the draft version)`,
        response: {
          204: { description: 'The draft is gone; the published version is as it was.' },
          ...problemResponses(401, 403, 404, 412, 428),
        },
      },
    },
    async (request, reply) => {
      await service.discard(...callOf(request), expectedOf(request), { requestId: request.id });
      return reply.status(204).send();
    },
  );

  app.post(
    `${url}/publish`,
    {
      config: { scope: 'write' },
      schema: {
        ...conditional,
        summary: `Publish the pending draft of ${doc.what} as its next version (If-Match: the draft version)`,
        description: [
          'Publishes the draft as published, whatever its own `status` says. Refused with 409, the draft kept, when the published version moved on since the draft was based on it: save the draft with that `baseVersion` and publish again.',
          ...(doc.publishGate !== undefined ? [doc.publishGate] : []),
        ].join(' '),
        response: {
          200: versionedResponse(doc.entity, 'The published version'),
          ...publishingProblems(doc, 400, 401, 403, 404, 409, 412, 428),
        },
      },
    },
    async (request, reply) =>
      sendVersioned(
        reply,
        await service.publish(...callOf(request), expectedOf(request), { requestId: request.id }),
      ),
  );
};

export const draftsRoutes: FastifyPluginCallbackTypebox<{ ctx: ServiceContext }> = (
  app,
  { ctx },
  done,
) => {
  app.get(
    '/drafts',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['drafts'],
        security: writeSecurity,
        summary: 'The pending drafts of roles and terms, most recently saved first',
        querystring: DraftListQuerySchema,
        response: { 200: DraftPageSchema, ...problemResponses(400, 401, 403) },
      },
    },
    (request) => listDrafts(ctx, request.actor, request.query),
  );

  draftRoutes<typeof RoleParamsSchema, RoleRef, RoleContent>(
    app,
    ctx,
    {
      url: '/roles/:taxonomy/:code',
      tags: ['roles'],
      what: 'a role',
      params: RoleParamsSchema,
      body: RoleDraftBodySchema,
      draft: RoleDraftSchema,
      entity: RoleSchema,
      publishGate: ROLE_PUBLISH_GATE,
    },
    (params) => params,
    {
      get: getRoleDraft,
      start: startRoleDraft,
      save: saveRoleDraft,
      discard: discardRoleDraft,
      publish: publishRoleDraft,
    },
  );

  draftRoutes<typeof TermParamsSchema, string, TermContent>(
    app,
    ctx,
    {
      url: '/terms/:slug',
      tags: ['terms'],
      what: 'a glossary term',
      params: TermParamsSchema,
      body: TermDraftBodySchema,
      draft: TermDraftSchema,
      entity: TermSchema,
    },
    (params) => params.slug,
    {
      get: getTermDraft,
      start: startTermDraft,
      save: saveTermDraft,
      discard: discardTermDraft,
      publish: publishTermDraft,
    },
  );
  done();
};
