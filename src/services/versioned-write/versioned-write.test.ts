import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../domain/index.js';
import { changedSince, listRevisions, openStore, type Store } from '../../store/index.js';
import { createServiceContext, systemActor, type Actor, type ServiceContext } from '../context.js';
import type { EntityAdapter, Reference, Stamps } from './entity-adapter.js';
import { create, importBatch, remove, replace, revert } from './index.js';

/*
 * The contract of the versioned-write module, shown on a fake entity: a note keyed by its name,
 * kept in a map, that points at glossary terms. Revisions and audit entries go to a real store
 * in memory, as every write's do.
 */

interface NoteContent {
  text: string;
  /** Slugs of glossary terms; the store in memory holds none, so each is missing. */
  terms: string[];
}

interface Note extends NoteContent, Stamps {
  name: string;
}

/** A fake entity, with switches to make it lose a race or refuse a claim or a removal. */
const noteAdapter = () => {
  const notes = new Map<string, Note>();
  const calls: string[] = [];
  const settled: string[][] = [];
  /** `deletedMeanwhile`: another write removes the note between a write's read and its own. */
  const switches = { loseRace: false, deletedMeanwhile: false, claimRefused: false, inUse: false };
  const adapter: EntityAdapter<string, NoteContent, Note> = {
    kind: 'term',
    key: (name) => `note-${name}`,
    describe: (name) => `note ${name}`,
    keyTaken: (name) => ({ field: 'name', message: `name ${name} is taken` }),
    refOf: (note) => note.name,
    contentOf: ({ text, terms }) => ({ text, terms }),
    compose: (name, content, stamps) => ({ ...content, name, ...stamps }),
    references: (name, content) =>
      content.terms.map((slug, i): Reference =>
        slug === name
          ? { field: `terms.${i}`, problem: 'a note cannot point at itself' }
          : { field: `terms.${i}`, target: { kind: 'term', slug } },
      ),
    // A note readers may not get says so first, as a role's status does.
    isPublished: ({ text }) => !text.startsWith('draft:'),
    find: (_db, name) => {
      calls.push('find');
      return Promise.resolve(notes.get(name));
    },
    insert: (_trx, note) => {
      calls.push('insert');
      if (switches.loseRace || notes.has(note.name)) return Promise.resolve(false);
      notes.set(note.name, note);
      return Promise.resolve(true);
    },
    compareAndSet: (_trx, note, expectedVersion) => {
      calls.push('compareAndSet');
      if (switches.deletedMeanwhile) notes.delete(note.name);
      if (switches.loseRace || notes.get(note.name)?.version !== expectedVersion) {
        return Promise.resolve(false);
      }
      notes.set(note.name, note);
      return Promise.resolve(true);
    },
    remove: (_trx, name, expectedVersion) => {
      calls.push('remove');
      if (switches.deletedMeanwhile) notes.delete(name);
      if (switches.loseRace || notes.get(name)?.version !== expectedVersion) {
        return Promise.resolve(false);
      }
      notes.delete(name);
      return Promise.resolve(true);
    },
    claim: (_trx, note) => {
      calls.push('claim');
      return switches.claimRefused
        ? Promise.reject(new AppError('conflict', `"${note.text}" belongs to another note`))
        : Promise.resolve();
    },
    settleClaims: (_trx, written) => {
      settled.push([...written]);
      return Promise.resolve();
    },
    checkRemovable: (_trx, name) => {
      calls.push('checkRemovable');
      return switches.inUse
        ? Promise.reject(new AppError('conflict', `Note ${name} is still in use.`))
        : Promise.resolve();
    },
  };
  return { adapter, notes, calls, settled, switches };
};

const editor = systemActor('test-editor');
const reader: Actor = { id: 'reader', kind: 'key', scopes: [] };
const writer: Actor = { id: 'writer', kind: 'key', scopes: ['read', 'write'] };
const content = (text: string, terms: string[] = []): NoteContent => ({ text, terms });

/** What a refused write was refused with. */
const refusal = (write: Promise<unknown>): Promise<AppError> =>
  write.then(
    () => {
      throw new Error('the write went through');
    },
    (error: unknown) => error as AppError,
  );

describe('versioned writes', () => {
  let store: Store;
  let ctx: ServiceContext;
  let fake: ReturnType<typeof noteAdapter>;
  /** What the revision log held each time the change feed signalled. */
  let heard: Promise<string[]>[];
  beforeEach(async () => {
    store = await openStore(':memory:');
    await store.migrate();
    let tick = 0;
    ctx = createServiceContext(store, {
      clock: () => new Date(Date.UTC(2026, 0, 1, 0, 0, ++tick)),
      // Only writes signal: the poll for other instances never comes within a test.
      pollMs: 3_600_000,
    });
    fake = noteAdapter();
    heard = [];
    ctx.changes.subscribe(() =>
      heard.push(changedSince(store.db, 0).then((log) => log.map((c) => c.key))),
    );
  });
  afterEach(async () => {
    await store.close();
  });

  const history = async (name: string) =>
    (
      await listRevisions<Note>(store.db, 'term', `note-${name}`, { limit: 10, offset: 0 })
    ).items.map((r) => [r.version, r.action, r.after?.text ?? null]);

  it('refuses a writer without the write scope before reading anything', async () => {
    const error = await refusal(create(ctx, reader, fake.adapter, 'a', content('A')));
    expect(error.code).toBe('forbidden');
    expect(fake.calls).toEqual([]);
  });

  it('creates at version 1 with a revision and an audit entry naming the request', async () => {
    const note = await create(ctx, editor, fake.adapter, 'a', content('A'), { requestId: 'r1' });
    expect(note).toMatchObject({ name: 'a', text: 'A', version: 1 });
    expect(await history('a')).toEqual([[1, 'create', 'A']]);
    const audit = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor: 'test-editor',
      action: 'term.create',
      target: 'note-a',
      request_id: 'r1',
    });
    expect(JSON.parse(audit.detail)).toEqual({ version: 1 });
  });

  it('announces a write once it has committed', async () => {
    await create(ctx, editor, fake.adapter, 'a', content('A'));
    expect(await Promise.all(heard)).toEqual([['note-a']]);
  });

  it('creates a deleted key again at the version after its history', async () => {
    await create(ctx, editor, fake.adapter, 'a', content('A'));
    await remove(ctx, editor, fake.adapter, 'a', { expectedVersion: 1 });
    const again = await create(ctx, editor, fake.adapter, 'a', content('Again'));
    expect(again.version).toBe(3);
    expect(await history('a')).toEqual([
      [3, 'create', 'Again'],
      [2, 'delete', null],
      [1, 'create', 'A'],
    ]);
  });

  it('refuses a create of a stored key with a conflict naming the key', async () => {
    await create(ctx, editor, fake.adapter, 'a', content('A'));
    const error = await refusal(create(ctx, editor, fake.adapter, 'a', content('B')));
    expect(error).toMatchObject({
      code: 'conflict',
      message: 'Note a already exists.',
      details: [{ field: 'name', message: 'name a is taken' }],
    });
  });

  it('refuses a create that loses the race for its key in the store, recording nothing', async () => {
    fake.switches.loseRace = true;
    const error = await refusal(create(ctx, editor, fake.adapter, 'a', content('A')));
    expect(error.code).toBe('conflict');
    expect(await history('a')).toEqual([]);
    expect(heard).toEqual([]);
  });

  it('names every reference that does not hold and saves nothing', async () => {
    const error = await refusal(
      create(ctx, editor, fake.adapter, 'a', content('A', ['nowhere', 'a'])),
    );
    expect(error).toMatchObject({
      code: 'validation_failed',
      details: [
        { field: 'terms.0', message: 'term nowhere does not exist' },
        { field: 'terms.1', message: 'a note cannot point at itself' },
      ],
    });
    expect(fake.calls).not.toContain('insert');
  });

  it('requires the version the writer edited', async () => {
    await create(ctx, editor, fake.adapter, 'a', content('A'));
    const error = await refusal(
      replace(ctx, editor, fake.adapter, 'a', content('B'), { expectedVersion: undefined }),
    );
    expect(error).toMatchObject({
      code: 'precondition_required',
      message: 'Send the version of note a you edited (If-Match).',
    });
  });

  it('refuses an edit of a version no longer stored', async () => {
    await create(ctx, editor, fake.adapter, 'a', content('A'));
    await replace(ctx, editor, fake.adapter, 'a', content('B'), { expectedVersion: 1 });
    const error = await refusal(
      replace(ctx, editor, fake.adapter, 'a', content('C'), { expectedVersion: 1 }),
    );
    expect(error).toMatchObject({
      code: 'precondition_failed',
      message: 'Note a is at version 2, not 1; reload and edit again.',
    });
  });

  it('refuses an edit whose compare-and-set finds the version moved on', async () => {
    await create(ctx, editor, fake.adapter, 'a', content('A'));
    fake.switches.loseRace = true;
    const error = await refusal(
      replace(ctx, editor, fake.adapter, 'a', content('B'), { expectedVersion: 1 }),
    );
    expect(error).toMatchObject({
      code: 'precondition_failed',
      message: 'Note a changed while this write was under way.',
    });
    expect(await history('a')).toEqual([[1, 'create', 'A']]);
  });

  it('answers an edit that a delete got ahead of as an edit sent after it: not found', async () => {
    await create(ctx, editor, fake.adapter, 'a', content('A'));
    fake.switches.deletedMeanwhile = true;
    const error = await refusal(
      replace(ctx, editor, fake.adapter, 'a', content('B'), { expectedVersion: 1 }),
    );
    expect(error).toMatchObject({ code: 'not_found', message: 'Note a was not found.' });
  });

  it('answers a delete that another delete got ahead of as a delete sent after it: not found', async () => {
    await create(ctx, editor, fake.adapter, 'a', content('A'));
    fake.switches.deletedMeanwhile = true;
    const error = await refusal(remove(ctx, editor, fake.adapter, 'a', { expectedVersion: 1 }));
    expect(error).toMatchObject({ code: 'not_found', message: 'Note a was not found.' });
  });

  it('holds claims once the entity is saved, and a refused claim records nothing', async () => {
    await create(ctx, editor, fake.adapter, 'a', content('A'));
    fake.switches.claimRefused = true;
    heard.length = 0;
    const error = await refusal(
      replace(ctx, editor, fake.adapter, 'a', content('B'), { expectedVersion: 1 }),
    );
    expect(error.code).toBe('conflict');
    expect(fake.calls.slice(-2)).toEqual(['compareAndSet', 'claim']);
    expect(await history('a')).toEqual([[1, 'create', 'A']]);
    expect(heard).toEqual([]);
  });

  it('brings back an earlier version as the next one, recorded as a revert', async () => {
    await create(ctx, editor, fake.adapter, 'a', content('A'));
    await replace(ctx, editor, fake.adapter, 'a', content('B'), { expectedVersion: 1 });
    const reverted = await revert(ctx, editor, fake.adapter, 'a', {
      toVersion: 1,
      expectedVersion: 2,
    });
    expect(reverted).toMatchObject({ text: 'A', version: 3 });
    expect((await history('a'))[0]).toEqual([3, 'revert', 'A']);
  });

  it('names an unknown entity, not an unknown version of it, when reverting', async () => {
    const unknown = await refusal(
      revert(ctx, editor, fake.adapter, 'ghost', { toVersion: 1, expectedVersion: 1 }),
    );
    expect(unknown.message).toBe('Note ghost was not found.');
    await create(ctx, editor, fake.adapter, 'a', content('A'));
    const version = await refusal(
      revert(ctx, editor, fake.adapter, 'a', { toVersion: 9, expectedVersion: 1 }),
    );
    expect(version.message).toBe('Version 9 of note a was not found.');
  });

  // The fake keeps its notes outside the transaction, so the store's revisions show the rollback.
  it('removes only what nothing still uses, and records no removal it refused', async () => {
    await create(ctx, editor, fake.adapter, 'a', content('A'));
    fake.switches.inUse = true;
    const error = await refusal(remove(ctx, editor, fake.adapter, 'a', { expectedVersion: 1 }));
    expect(error.message).toBe('Note a is still in use.');
    expect(await history('a')).toEqual([[1, 'create', 'A']]);
  });

  it('asks whether anything still uses an entity only once its row is removed', async () => {
    await create(ctx, editor, fake.adapter, 'a', content('A'));
    fake.switches.inUse = true;
    fake.calls.length = 0;
    await refusal(remove(ctx, editor, fake.adapter, 'a', { expectedVersion: 1 }));
    expect(fake.calls.slice(-2)).toEqual(['remove', 'checkRemovable']);
  });

  it('leaves an imported entity whose content is stored as it is', async () => {
    await create(ctx, editor, fake.adapter, 'a', content('A'));
    const outcome = await importBatch(ctx, editor, (batch) =>
      batch.put(fake.adapter, { ref: 'a', content: content('A') }),
    );
    expect(outcome).toBe('unchanged');
    expect(await history('a')).toEqual([[1, 'create', 'A']]);
  });

  it('imports a changed entity as its next version, recorded as an import', async () => {
    await create(ctx, editor, fake.adapter, 'a', content('A'));
    await importBatch(ctx, editor, (batch) =>
      batch.put(fake.adapter, { ref: 'a', content: content('B') }),
    );
    expect((await history('a'))[0]).toEqual([2, 'import', 'B']);
  });

  it('refuses an import that unpublishes an entity to a writer without the delete scope', async () => {
    await create(ctx, editor, fake.adapter, 'a', content('A'));
    const error = await refusal(
      importBatch(ctx, writer, (batch) =>
        batch.put(fake.adapter, { ref: 'a', content: content('draft: A') }),
      ),
    );
    expect(error.code).toBe('forbidden');
    expect(await history('a')).toEqual([[1, 'create', 'A']]);
  });

  it('records an import that unpublishes an entity as an unpublish', async () => {
    await create(ctx, editor, fake.adapter, 'a', content('A'));
    await importBatch(ctx, editor, (batch) =>
      batch.put(fake.adapter, { ref: 'a', content: content('draft: A') }),
    );
    expect((await history('a'))[0]).toEqual([2, 'unpublish', 'draft: A']);
  });

  it('keeps the version a lossless batch gives an entity new to the store', async () => {
    const outcome = await importBatch(ctx, editor, (batch) =>
      batch.put(fake.adapter, { ref: 'a', content: content('A'), version: 7 }),
    );
    expect(outcome).toBe('added');
    expect(fake.notes.get('a')?.version).toBe(7);
  });

  it("refuses a batch whose references do not hold, naming each under its entity's key", async () => {
    const error = await refusal(
      importBatch(ctx, editor, (batch) =>
        batch.put(fake.adapter, { ref: 'a', content: content('A', ['nowhere']) }),
      ),
    );
    expect(error).toMatchObject({
      code: 'import_failed',
      details: [{ field: 'terms.note-a.terms.0', message: 'term nowhere does not exist' }],
    });
    expect(await history('a')).toEqual([]);
    expect(heard).toEqual([]);
  });

  it('settles the claims of a batch once, with everything it wrote or removed', async () => {
    await create(ctx, editor, fake.adapter, 'gone', content('Gone'));
    const gone = fake.notes.get('gone')!;
    fake.calls.length = 0;
    await importBatch(ctx, editor, async (batch) => {
      await batch.put(fake.adapter, { ref: 'a', content: content('A') });
      await batch.put(fake.adapter, { ref: 'b', content: content('B') });
      await batch.remove(fake.adapter, gone);
    });
    expect(fake.settled).toEqual([['a', 'b', 'gone']]);
    expect(fake.calls).not.toContain('claim');
  });

  it('rolls a dry run back, answers what the work returned and announces nothing', async () => {
    const outcome = await importBatch(
      ctx,
      editor,
      (batch) => batch.put(fake.adapter, { ref: 'a', content: content('A') }),
      { dryRun: true },
    );
    expect(outcome).toBe('added');
    expect(await history('a')).toEqual([]);
    expect(heard).toEqual([]);
  });

  it('announces every change of a batch at once, after it commits', async () => {
    await importBatch(ctx, editor, async (batch) => {
      await batch.put(fake.adapter, { ref: 'a', content: content('A') });
      await batch.put(fake.adapter, { ref: 'b', content: content('B') });
    });
    expect(await Promise.all(heard)).toEqual([['note-a', 'note-b']]);
  });
});
