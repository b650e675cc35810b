import { AppError, notFound, type RevisionAction } from '../domain/index.js';
import { findDraft, findRevision, listRevisions } from '../store/index.js';
import { authorize } from './authorize.js';
import type { Actor, ServiceContext } from './context.js';
import { diffContent, type FieldChange } from './content-diff.js';
import {
  publishDraft,
  replace,
  saveAsDraft,
  writeDraft,
  type EntityAdapter,
  type Stamps,
  type WriteOptions,
} from './versioned-write/index.js';

/*
 * The editor's use cases over a stored role or term: what an editor starts from (the stored
 * version and its pending draft), saving as a draft or publishing at the versions the editor saw,
 * and the history with each change as a diff. A save made from versions no longer current writes
 * nothing and answers the conflict instead: what is there now beside what was typed. Every use
 * case needs the write scope; the writes go through the drafts and versioned-write modules as
 * every other writer does.
 */

/** A stored entity's pending draft, as the editor shows it. */
export interface EditorDraft<Content> {
  content: Content;
  version: number;
  /** The stored version it was edited from. */
  baseVersion: number;
  author: string;
  updatedAt: string;
}

/** What an editor starts from: the stored entity, its pending draft, and which one to edit. */
export interface EditorState<Content> {
  stored: Content;
  version: number;
  updatedAt: string;
  draft: EditorDraft<Content> | undefined;
  /** The draft's content when there is one, else the stored content. */
  editing: Content;
}

/** A save from the editor: the content, and the versions the editor was showing. */
export interface Edit<Content> {
  content: Content;
  version: number;
  draftVersion?: number | undefined;
}

export type EditIntent = 'draft' | 'publish';

/** A save refused because what it was edited from is no longer current. */
export interface EditConflict<Content> {
  /** What is there now: the pending draft if there is one, else the stored entity. */
  theirs: { content: Content; kind: 'draft' | 'stored'; author: string | undefined; at: string };
  yours: Content;
  /** The fields where what is there now and what was typed differ. */
  changes: FieldChange[];
  /** What changed between the version edited and now, when the history holds that version. */
  meanwhile: FieldChange[] | undefined;
  /** The state to edit from, to keep what was typed over what is there now. */
  state: EditorState<Content>;
}

export type EditOutcome<Content> =
  | { saved: EditIntent; version: number }
  /** The save would have changed nothing, so it wrote nothing. */
  | { unchanged: true }
  | { conflict: EditConflict<Content> };

/** One revision of the history, as its changes. */
export interface RevisionChanges {
  version: number;
  action: RevisionAction;
  actor: string;
  at: string;
  changes: FieldChange[];
}

/** A stored entity's last revisions, and what its pending draft would change if published. */
export interface EditHistory<Content> {
  state: EditorState<Content>;
  revisions: RevisionChanges[];
  /** The fields the draft changes from the stored version; undefined when there is no draft. */
  draftChanges: FieldChange[] | undefined;
}

/** What differs between roles and terms in the editor. */
export interface Editable<Ref, Content, Entity extends Stamps> {
  adapter: EntityAdapter<Ref, Content, Entity>;
}

/** Whether the actor may use the editor: the write scope, the one every use case here needs. */
export const mayEdit = (actor: Actor | undefined): boolean =>
  actor?.scopes.includes('write') ?? false;

/** The editor for something new, which nothing stored backs yet: for an actor who may write. */
export const openNewEditor = (actor: Actor | undefined): void => {
  authorize(actor, 'write');
};

/** Content as the field-by-field diff reads it. */
const asRecord = <Content>(content: Content) => content as Readonly<Record<string, unknown>>;

const stateOf = async <Ref, Content, Entity extends Stamps>(
  ctx: ServiceContext,
  { adapter }: Editable<Ref, Content, Entity>,
  ref: Ref,
): Promise<EditorState<Content>> => {
  const db = ctx.store.db;
  const stored = await adapter.find(db, ref);
  if (!stored) throw notFound(adapter.describe(ref));
  const draft = await findDraft<Content>(db, adapter.kind, adapter.key(ref));
  const content = adapter.contentOf(stored);
  return {
    stored: content,
    version: stored.version,
    updatedAt: stored.updatedAt,
    draft: draft && {
      content: draft.content,
      version: draft.version,
      baseVersion: draft.baseVersion,
      author: draft.author,
      updatedAt: draft.updatedAt,
    },
    editing: draft?.content ?? content,
  };
};

const openEditor = async <Ref, Content, Entity extends Stamps>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  subject: Editable<Ref, Content, Entity>,
  ref: Ref,
): Promise<EditorState<Content>> => {
  authorize(actor, 'write');
  return stateOf(ctx, subject, ref);
};

const isStale = <Content>(state: EditorState<Content>, edit: Edit<Content>): boolean =>
  state.version !== edit.version || state.draft?.version !== edit.draftVersion;

const conflictOf = async <Ref, Content, Entity extends Stamps>(
  ctx: ServiceContext,
  { adapter }: Editable<Ref, Content, Entity>,
  ref: Ref,
  state: EditorState<Content>,
  edit: Edit<Content>,
): Promise<EditConflict<Content>> => {
  const key = adapter.key(ref);
  const db = ctx.store.db;
  const latest = await findRevision<Entity>(db, adapter.kind, key, state.version);
  const theirs = state.draft
    ? {
        content: state.draft.content,
        kind: 'draft' as const,
        author: state.draft.author,
        at: state.draft.updatedAt,
      }
    : {
        content: state.stored,
        kind: 'stored' as const,
        author: latest?.actor,
        at: state.updatedAt,
      };
  // A draft keeps no history, so only a stored version edited shows what moved since.
  const edited =
    edit.draftVersion === undefined
      ? (await findRevision<Entity>(db, adapter.kind, key, edit.version))?.after
      : undefined;
  return {
    theirs,
    yours: edit.content,
    changes: diffContent(asRecord(theirs.content), asRecord(edit.content)),
    meanwhile: edited
      ? diffContent(asRecord(adapter.contentOf(edited)), asRecord(theirs.content))
      : undefined,
    state,
  };
};

/**
 * Writes the edit from a current state: onto the draft, or published as the next version. The
 * version written, or undefined when the edit changed nothing and nothing was written.
 */
const write = async <Ref, Content, Entity extends Stamps>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  subject: Editable<Ref, Content, Entity>,
  ref: Ref,
  state: EditorState<Content>,
  edit: Edit<Content>,
  intent: EditIntent,
  options: WriteOptions,
): Promise<number | undefined> => {
  const { adapter } = subject;
  const draftOptions = { ...options, baseVersion: state.version };
  if (intent === 'draft') {
    const draft = await saveAsDraft(ctx, actor, adapter, ref, edit.content, {
      ...draftOptions,
      draftVersion: state.draft?.version,
    });
    return draft?.version;
  }
  const content = adapter.published?.(edit.content) ?? edit.content;
  if (!state.draft) {
    // Content carries no stamps: the version edited is the condition below.
    const submitted = content as Content & Partial<Stamps>;
    const stored = await replace(ctx, actor, adapter, ref, submitted, {
      ...options,
      expectedVersion: state.version,
    });
    // Publishing what is stored writes no version; the editor hears that nothing changed.
    return stored.version === state.version ? undefined : stored.version;
  }
  const draft = await writeDraft(ctx, actor, adapter, ref, content, {
    ...draftOptions,
    expectedVersion: state.draft.version,
  });
  const stored = await publishDraft(ctx, actor, adapter, ref, {
    ...options,
    expectedVersion: draft.version,
  });
  return stored.version;
};

/**
 * Saves the edit as the pending draft or publishes it, when the versions it was edited from are
 * still current; otherwise, and when another write gets in between, answers the conflict and
 * writes nothing more. Publishing a draft first saves what was typed over it. A draft saved as
 * it stands writes nothing and answers so.
 */
const saveEdit = async <Ref, Content, Entity extends Stamps>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  subject: Editable<Ref, Content, Entity>,
  ref: Ref,
  edit: Edit<Content>,
  intent: EditIntent,
  options: WriteOptions = {},
): Promise<EditOutcome<Content>> => {
  authorize(actor, 'write');
  const state = await stateOf(ctx, subject, ref);
  if (isStale(state, edit)) return { conflict: await conflictOf(ctx, subject, ref, state, edit) };
  try {
    const version = await write(ctx, actor, subject, ref, state, edit, intent, options);
    return version === undefined ? { unchanged: true } : { saved: intent, version };
  } catch (error) {
    if (!(error instanceof AppError) || !['precondition_failed', 'conflict'].includes(error.code)) {
      throw error;
    }
    // A refusal that is not about versions (a title another role holds) is the edit's own.
    const now = await stateOf(ctx, subject, ref);
    if (!isStale(now, edit)) throw error;
    return { conflict: await conflictOf(ctx, subject, ref, now, edit) };
  }
};

/** The last revisions of a stored entity, newest first, each as the fields it changed. */
const editHistory = async <Ref, Content, Entity extends Stamps>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  subject: Editable<Ref, Content, Entity>,
  ref: Ref,
  limit: number,
): Promise<EditHistory<Content>> => {
  authorize(actor, 'write');
  const { adapter } = subject;
  const state = await stateOf(ctx, subject, ref);
  const { items: revisions } = await listRevisions<Entity>(
    ctx.store.db,
    adapter.kind,
    adapter.key(ref),
    { limit, offset: 0 },
  );
  const contentOf = (entity: Entity | null) => entity && asRecord(adapter.contentOf(entity));
  return {
    state,
    revisions: revisions.map((r) => ({
      version: r.version,
      action: r.action,
      actor: r.actor,
      at: r.at,
      changes: diffContent(contentOf(r.before), contentOf(r.after)),
    })),
    draftChanges: state.draft && diffContent(asRecord(state.stored), asRecord(state.draft.content)),
  };
};

/** The editor's use cases bound to one kind of entity, as the role and term editors offer them. */
export const editorFor = <Ref, Content, Entity extends Stamps>(
  subject: Editable<Ref, Content, Entity>,
) => ({
  /** The stored entity and its pending draft, for an actor who may write. */
  open: (ctx: ServiceContext, actor: Actor | undefined, ref: Ref): Promise<EditorState<Content>> =>
    openEditor(ctx, actor, subject, ref),
  /** Saves an edit as the draft or publishes it; a stale edit answers the conflict. */
  save: (
    ctx: ServiceContext,
    actor: Actor | undefined,
    ref: Ref,
    edit: Edit<Content>,
    intent: EditIntent,
    options: WriteOptions = {},
  ): Promise<EditOutcome<Content>> => saveEdit(ctx, actor, subject, ref, edit, intent, options),
  history: (
    ctx: ServiceContext,
    actor: Actor | undefined,
    ref: Ref,
    limit: number,
  ): Promise<EditHistory<Content>> => editHistory(ctx, actor, subject, ref, limit),
});
