import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static, type TSchema } from 'typebox';
import {
  AppError,
  BUILT_IN_TAXONOMY,
  emptyRoleContent,
  limits,
  parse,
  RoleRefSchema,
  termCategories,
  TermSlugSchema,
  type RoleContent,
  type TermContent,
} from '../domain/index.js';
import { rolePath, termPath } from '../guides/index.js';
import {
  createRole,
  createTerm,
  lintTermEdit,
  openNewEditor,
  openRoleEditor,
  openTermEditor,
  previewRoleEdit,
  revertRole,
  revertTerm,
  roleEditHistory,
  saveRoleEdit,
  saveTermEdit,
  termEditHistory,
  type Actor,
  type EditConflict,
  type EditHistory,
  type EditorState,
  type EditOutcome,
  type RoleRef,
  type ServiceContext,
} from '../services/index.js';
import {
  formIntent,
  formVersions,
  roleFormValues,
  roleFromForm,
  termFormValues,
  termFromForm,
  typedRoleValues,
  typedTermValues,
  type FormVersions,
  shownForm,
  type PostedForm,
} from './editor-form.js';
import { editorScript } from './editor-script.js';
import type { FormAgain } from './form-again.js';
import { csrfForms, privatePage } from './forms.js';
import {
  accountPaths,
  editorPaths,
  revisionsView,
  roleEditorView,
  termEditorView,
  withQuery,
  type ConflictView,
  type RevisionsViewData,
  type RoleEditorViewData,
  type TermEditorViewData,
} from './views/index.js';

/** Revisions the history page shows, newest first. */
const REVISIONS_SHOWN = 50;

const Token = Type.String({ maxLength: 200 });
const Line = Type.Optional(Type.String({ maxLength: 1_000 }));
const Box = Type.Optional(Type.String({ maxLength: 100_000 }));
/** A term's forms on one line: escaping at most doubles each, and a comma and space part them. */
const TermForms = Type.Optional(
  Type.String({ maxLength: limits.termAbbreviations * (2 * limits.termForm + 2) }),
);
/** The page writes these itself; any other value was not sent by the editor, and is bad input. */
const WholeNumber = Type.String({ pattern: '^\\d{1,9}$', 'x-form': 'a whole number' });
const Version = Type.Optional(WholeNumber);
const Intent = Type.Optional(
  Type.Union([Type.Literal('preview'), Type.Literal('draft'), Type.Literal('publish')]),
);
const formOf = (fields: Record<string, TSchema>) =>
  Type.Object({ _csrf: Token, intent: Intent, version: Version, draftVersion: Version, ...fields });
const RoleForm = formOf({
  taxonomy: Line,
  code: Line,
  name: Line,
  summary: Box,
  alternativeTitles: Box,
  responsibilities: Box,
  benefits: Box,
  signs: Box,
  terms: Box,
  skills: Box,
  technologies: Box,
  relatedRoles: Box,
  links: Box,
});
const TermForm = formOf({
  slug: Line,
  name: Line,
  abbreviations: TermForms,
  aliases: Box,
  definition: Box,
  examples: Box,
  category: Line,
  caseSensitive: Type.Optional(Type.Literal('yes')),
  needsContext: TermForms,
});
const RevertForm = Type.Object({
  _csrf: Token,
  version: WholeNumber,
  toVersion: WholeNumber,
});
const Saved = Type.Object({
  saved: Type.Optional(
    Type.Union([Type.Literal('draft'), Type.Literal('publish'), Type.Literal('nothing')]),
  ),
});
const Reverted = Type.Object({
  reverted: Type.Optional(WholeNumber),
});
const RoleParams = Type.Object({
  taxonomy: Type.String({ minLength: 1, maxLength: 40 }),
  code: Type.String({ minLength: 1, maxLength: 1000 }),
});
const TermParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });

const savedNotice = {
  draft: 'Draft saved. Readers still get the published version.',
  publish: 'Published: readers get this version now.',
  nothing: 'Nothing changed, so nothing was saved.',
};

const conflictView = <Content>(
  conflict: EditConflict<Content>,
  reloadHref: string,
): ConflictView => ({
  theirs: { ...conflict.theirs, version: conflict.state.version },
  changes: conflict.changes,
  meanwhile: conflict.meanwhile,
  reloadHref,
});

const versionsOf = <Content>(state: EditorState<Content>): FormVersions => ({
  version: state.version,
  draftVersion: state.draft?.version,
});

const draftNoteOf = <Content>(state: EditorState<Content>) =>
  state.draft && {
    author: state.draft.author,
    at: state.draft.updatedAt,
    baseVersion: state.draft.baseVersion,
    storedVersion: state.version,
  };

/** What an editor does for one kind of entity: the use cases, the form and the page. */
interface EditorKind<Ref, Content, Values> {
  refOf(params: unknown): Ref;
  paths(ref: Ref): { edit: string; page: string; revisions: string };
  open(actor: Actor | undefined, ref: Ref): Promise<EditorState<Content>>;
  save(
    actor: Actor | undefined,
    ref: Ref,
    edit: { content: Content } & FormVersions,
    intent: 'draft' | 'publish',
    requestId: string,
  ): Promise<EditOutcome<Content>>;
  fromForm(form: PostedForm, kept: Content, ref: Ref): Content;
  values(content: Content, ref: Ref): Values;
  typed(form: PostedForm): Values;
  /** Lint of typed content and what the page previews of it. */
  preview(
    actor: Actor | undefined,
    ref: Ref,
    content: Content,
  ): Promise<Pick<RoleEditorViewData, 'lint'> & { preview: unknown }>;
  render(ref: Ref, state: EditorState<Content>, page: PageData<Values>): string;
  history(actor: Actor | undefined, ref: Ref): Promise<EditHistory<Content>>;
  revert(
    actor: Actor | undefined,
    ref: Ref,
    toVersion: number,
    version: number,
    requestId: string,
  ): Promise<unknown>;
  nameOf(content: Content): string;
}

type PageData<Values> = Omit<RoleEditorViewData, 'values' | 'preview' | 'role' | 'newRole'> & {
  values: Values;
  preview?: unknown;
};

/**
 * The editor for content owners: a form for a role (`/edit/roles/{taxonomy}/{code}`) or a term
 * (`/edit/terms/{slug}`), new ones at `/edit/new-role` and `/edit/new-term`, and each one's
 * revisions. One button posts the form to its own path: Preview (lint and the page it makes,
 * nothing saved), Save draft, or Publish. Every use case decides who may use it; someone not
 * signed in is sent to sign in first. Every form carries a CSRF token.
 */
export const editorRoutes: FastifyPluginAsyncTypebox<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  const { checkCsrf, csrfToken } = await csrfForms(app, ctx);

  app.get(editorPaths.script, { schema: { hide: true } }, (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(editorScript),
  );

  /** The services refuse someone not signed in; the page sends them to sign in and back. */
  const signedIn =
    <Request extends FastifyRequest>(
      handler: (request: Request, reply: FastifyReply) => Promise<unknown>,
    ) =>
    async (request: Request, reply: FastifyReply) => {
      try {
        return await handler(request, reply);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'unauthorized') throw error;
        const next = request.url.split('?')[0]!;
        return reply.redirect(withQuery(accountPaths.signIn, { next }), 303);
      }
    };

  /**
   * Every form of the editor is for those who may write: anyone else is answered (sent to sign
   * in, or refused) before the form is read, so a refusal never depends on what was filled in.
   */
  const editorForm = [
    checkCsrf,
    signedIn(async (request: FastifyRequest) => {
      openNewEditor(request.actor);
      return Promise.resolve();
    }),
  ];

  const roles: EditorKind<RoleRef, RoleContent, RoleEditorViewData['values']> = {
    refOf: (params) => params as RoleRef,
    paths: (ref) => ({
      edit: editorPaths.role(ref.taxonomy, ref.code),
      page: rolePath(ref.taxonomy, ref.code),
      revisions: editorPaths.roleRevisions(ref.taxonomy, ref.code),
    }),
    open: (actor, ref) => openRoleEditor(ctx, actor, ref),
    save: (actor, ref, edit, intent, requestId) =>
      saveRoleEdit(ctx, actor, ref, edit, intent, { requestId }),
    fromForm: (form, kept, ref) => roleFromForm(form, kept, ref.taxonomy),
    values: (content, ref) => roleFormValues(content, ref.taxonomy),
    typed: typedRoleValues,
    preview: async (actor, ref, content) => {
      const { lint, guide } = await previewRoleEdit(ctx, actor, ref, content);
      return { lint, preview: guide };
    },
    render: (ref, _state, page) => roleEditorView({ ...(page as RoleEditorViewData), role: ref }),
    history: (actor, ref) => roleEditHistory(ctx, actor, ref, REVISIONS_SHOWN),
    revert: (actor, ref, toVersion, version, requestId) =>
      revertRole(ctx, actor, ref, toVersion, version, { requestId }),
    nameOf: (content) => content.name,
  };

  const terms: EditorKind<string, TermContent, TermEditorViewData['values']> = {
    refOf: (params) => (params as { slug: string }).slug,
    paths: (slug) => ({
      edit: editorPaths.term(slug),
      page: termPath(slug),
      revisions: editorPaths.termRevisions(slug),
    }),
    open: (actor, slug) => openTermEditor(ctx, actor, slug),
    save: (actor, slug, edit, intent, requestId) =>
      saveTermEdit(ctx, actor, slug, edit, intent, { requestId }),
    fromForm: (form, kept) => termFromForm(form, kept),
    values: (content) => termFormValues(content),
    typed: typedTermValues,
    preview: async (actor, slug, content) => ({
      lint: await lintTermEdit(ctx, actor, slug, content),
      preview: content,
    }),
    render: (slug, _state, page) =>
      termEditorView({
        ...(page as TermEditorViewData),
        slug,
        categories: termCategories,
      }),
    history: (actor, slug) => termEditHistory(ctx, actor, slug, REVISIONS_SHOWN),
    revert: (actor, slug, toVersion, version, requestId) =>
      revertTerm(ctx, actor, slug, toVersion, version, { requestId }),
    nameOf: (content) => content.name,
  };

  const register = <Ref, Content, Values>(
    kind: EditorKind<Ref, Content, Values>,
    url: string,
    params: TSchema,
    body: TSchema,
  ) => {
    /** What an entity's form page shows whatever happened: its token, paths and typed values. */
    const editPage = (reply: FastifyReply, ref: Ref, form: PostedForm) => {
      const paths = kind.paths(ref);
      return {
        csrfToken: csrfToken(reply),
        action: paths.edit,
        links: { page: paths.page, revisions: paths.revisions },
        values: kind.typed(form),
      };
    };

    app.get(
      url,
      { schema: { hide: true, params, querystring: Saved } },
      signedIn(async (request, reply) => {
        const ref = kind.refOf(request.params);
        const state = await kind.open(request.actor, ref);
        const paths = kind.paths(ref);
        const { saved } = request.query as Static<typeof Saved>;
        return privatePage(
          reply,
          kind.render(ref, state, {
            csrfToken: csrfToken(reply),
            action: paths.edit,
            versions: versionsOf(state),
            draft: draftNoteOf(state),
            notice: saved !== undefined ? savedNotice[saved] : undefined,
            links: { page: paths.page, revisions: paths.revisions },
            values: kind.values(state.editing, ref),
          }),
        );
      }),
    );

    /** The form as it was sent, over the stored entity it edits, with what was refused. */
    const editAgain: FormAgain = async (request, reply, { error, input }) => {
      const ref = kind.refOf(request.params);
      const state = await kind.open(request.actor, ref);
      const form = shownForm(input);
      return kind.render(ref, state, {
        ...editPage(reply, ref, form),
        versions: formVersions(form),
        error,
      });
    };

    app.post(
      url,
      {
        schema: { hide: true, params, body },
        preValidation: editorForm,
        config: { formAgain: editAgain },
      },
      signedIn(async (request, reply) => {
        const ref = kind.refOf(request.params);
        const form = shownForm(request.body);
        const state = await kind.open(request.actor, ref);
        const paths = kind.paths(ref);
        const versions = formVersions(form);
        const show = (extra: Partial<PageData<Values>>, status = 200, shown = versions) =>
          privatePage(
            reply,
            kind.render(ref, state, { ...editPage(reply, ref, form), versions: shown, ...extra }),
            status,
          );
        const content = kind.fromForm(form, state.editing, ref);
        const intent = formIntent(form);
        if (intent === 'preview') return show(await kind.preview(request.actor, ref, content));
        const outcome = await kind.save(
          request.actor,
          ref,
          { content, ...versions },
          intent,
          request.id,
        );
        if (!('conflict' in outcome)) {
          const saved = 'saved' in outcome ? outcome.saved : 'nothing';
          return reply.redirect(withQuery(paths.edit, { saved }), 303);
        }
        return show(
          {
            conflict: conflictView(outcome.conflict, paths.edit),
            draft: draftNoteOf(outcome.conflict.state),
          },
          409,
          versionsOf(outcome.conflict.state),
        );
      }),
    );

    /** The history with its revert forms, and what is said about the last one sent. */
    const revisionsPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      said: (storedVersion: number) => Pick<RevisionsViewData, 'notice' | 'error'>,
    ) => {
      const ref = kind.refOf(request.params);
      const { state, revisions, draftChanges } = await kind.history(request.actor, ref);
      const paths = kind.paths(ref);
      return revisionsView({
        csrfToken: csrfToken(reply),
        name: kind.nameOf(state.stored),
        action: paths.revisions,
        editHref: paths.edit,
        pageHref: paths.page,
        version: state.version,
        revisions,
        draft: state.draft && {
          author: state.draft.author,
          at: state.draft.updatedAt,
          changes: draftChanges ?? [],
        },
        ...said(state.version),
      });
    };

    app.get(
      `${url}/revisions`,
      { schema: { hide: true, params, querystring: Reverted } },
      signedIn(async (request, reply) => {
        const reverted = (request.query as Static<typeof Reverted>).reverted;
        return privatePage(
          reply,
          await revisionsPage(request, reply, (version) => ({
            notice:
              reverted !== undefined
                ? `Version ${reverted} is back, published as version ${version}.`
                : undefined,
          })),
        );
      }),
    );

    app.post(
      `${url}/revisions`,
      {
        schema: { hide: true, params, body: RevertForm },
        preValidation: editorForm,
        config: {
          formAgain: (request, reply, { error }) =>
            revisionsPage(request, reply, () => ({
              error: `Nothing was reverted. ${error.message}`,
            })),
        },
      },
      signedIn(async (request, reply) => {
        const ref = kind.refOf(request.params);
        const { version, toVersion } = request.body;
        await kind.revert(request.actor, ref, Number(toVersion), Number(version), request.id);
        return reply.redirect(withQuery(kind.paths(ref).revisions, { reverted: toVersion }), 303);
      }),
    );
  };

  register(roles, '/edit/roles/:taxonomy/:code', RoleParams, RoleForm);
  register(terms, '/edit/terms/:slug', TermParams, TermForm);

  /**
   * The page that starts a role or a term: a blank form, a preview, or the form again with
   * what was refused; a save creates the entity and goes to its editor.
   */
  const registerNew = <Ref, Content, Values>(
    kind: EditorKind<Ref, Content, Values>,
    url: string,
    body: TSchema,
    start: {
      /** The entity's reference as typed in the form (throws when it is not valid). */
      refOf(form: PostedForm): Ref;
      fromForm(form: PostedForm, ref: Ref): Content;
      render(form: PostedForm, page: PageData<Values>): string;
      /** Creates the entity; what was saved, for the editor's notice. */
      create(
        actor: Actor | undefined,
        ref: Ref,
        content: Content,
        intent: 'draft' | 'publish',
        requestId: string,
      ): Promise<'draft' | 'publish'>;
    },
  ) => {
    const formPage = (reply: FastifyReply, form: PostedForm, extra: Partial<PageData<Values>>) =>
      start.render(form, {
        csrfToken: csrfToken(reply),
        action: url,
        values: kind.typed(form),
        ...extra,
      });
    const page = (reply: FastifyReply, form: PostedForm, extra: Partial<PageData<Values>> = {}) =>
      privatePage(reply, formPage(reply, form, extra));

    app.get(
      url,
      { schema: { hide: true } },
      signedIn(async (request, reply) => {
        openNewEditor(request.actor);
        return page(reply, {});
      }),
    );

    app.post(
      url,
      {
        schema: { hide: true, body },
        preValidation: editorForm,
        config: {
          formAgain: (_request, reply, { error, input }) =>
            formPage(reply, shownForm(input), { error }),
        },
      },
      signedIn(async (request, reply) => {
        const form = shownForm(request.body);
        const ref = start.refOf(form);
        const content = start.fromForm(form, ref);
        const intent = formIntent(form);
        if (intent === 'preview') {
          return page(reply, form, await kind.preview(request.actor, ref, content));
        }
        const saved = await start.create(request.actor, ref, content, intent, request.id);
        return reply.redirect(withQuery(kind.paths(ref).edit, { saved }), 303);
      }),
    );
  };

  registerNew(roles, editorPaths.newRole, RoleForm, {
    refOf: (form) =>
      parse(RoleRefSchema, { taxonomy: form.taxonomy?.trim(), code: form.code?.trim() }),
    fromForm: (form, ref) => roleFromForm(form, emptyRoleContent(''), ref.taxonomy),
    render: (form, data) =>
      roleEditorView({
        ...(data as RoleEditorViewData),
        newRole: { taxonomy: form.taxonomy ?? BUILT_IN_TAXONOMY, code: form.code ?? '' },
      }),
    create: async (actor, ref, content, intent, requestId) => {
      const status = intent === 'publish' ? 'published' : 'draft';
      await createRole(ctx, actor, ref, { ...content, status }, { requestId });
      return intent;
    },
  });

  registerNew(terms, editorPaths.newTerm, TermForm, {
    refOf: (form) => parse(TermSlugSchema, form.slug?.trim() ?? '', {}, 'slug'),
    fromForm: (form) => termFromForm(form),
    render: (form, data) =>
      termEditorView({
        ...(data as TermEditorViewData),
        newTerm: { slug: form.slug ?? '' },
        categories: termCategories,
      }),
    // A new term has no draft: it is published as it is created.
    create: async (actor, slug, content, _intent, requestId) => {
      await createTerm(ctx, actor, slug, content, { requestId });
      return 'publish';
    },
  });
};
