import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyRoleContent, type TermContent } from '../../src/domain/index.js';
import {
  ChangeFeed,
  createRole,
  createTerm,
  LibrarySnapshot,
  systemActor,
  type Library,
  type Rolebook,
} from '../../src/services/index.js';
import { storeTargets } from '../support/stores.js';

const editor = systemActor('test-editor');

const graphql: TermContent = {
  name: 'GraphQL',
  abbreviations: [],
  aliases: [],
  definition: 'A query language for APIs.',
  examples: [],
  category: 'protocol',
  caseSensitive: false,
};

/** The freshness LibrarySnapshot promises for a write through the same process. */
const FRESH_WITHIN_MS = 1_000;

const spots = (library: Library, text: string) => library.spotter.spot(text).map((h) => h.slug);

describe.each(storeTargets)('library snapshot on $name', (target) => {
  let rolebook: Rolebook;
  beforeEach(async () => {
    rolebook = await target.open();
  });
  afterEach(async () => {
    await rolebook.close();
  });

  it('answers at once with the library it has while a term write is built in', async () => {
    // A check is due at every request, so a snapshot that waited for its rebuild would see the write.
    const library = new LibrarySnapshot(rolebook.ctx, { checkMs: 0 });
    const before = await library.get();
    await createTerm(rolebook.ctx, editor, 'graphql', graphql);
    const answer = await library.get();
    expect(answer).toBe(before);
    expect(spots(answer, 'We use GraphQL')).toEqual([]);
  });

  it('serves a term written through this process within a second', async () => {
    await rolebook.ctx.library.get();
    await createTerm(rolebook.ctx, editor, 'graphql', graphql);
    await vi.waitFor(
      async () =>
        expect(spots(await rolebook.ctx.library.get(), 'We use GraphQL')).toEqual(['graphql']),
      { timeout: FRESH_WITHIN_MS, interval: 5 },
    );
  });

  it('serves a term another instance wrote once a request finds the revision log moved on', async () => {
    // This snapshot hears nothing on its change feed, as if the write came from elsewhere.
    const library = new LibrarySnapshot(
      { store: rolebook.ctx.store, changes: new ChangeFeed() },
      { checkMs: 0 },
    );
    const before = await library.get();
    await createTerm(rolebook.ctx, editor, 'graphql', graphql);
    expect(await library.get()).toBe(before);
    await vi.waitFor(
      async () => expect(spots(await library.get(), 'We use GraphQL')).toEqual(['graphql']),
      { timeout: FRESH_WITHIN_MS, interval: 5 },
    );
  });

  it('keeps the guides it has read when only a term changed', async () => {
    const before = await rolebook.ctx.library.get();
    await createTerm(rolebook.ctx, editor, 'graphql', graphql);
    await vi.waitFor(async () => expect(await rolebook.ctx.library.get()).not.toBe(before), {
      timeout: FRESH_WITHIN_MS,
      interval: 5,
    });
    const after = await rolebook.ctx.library.get();
    expect(after.roles).toBe(before.roles);
    expect(after.spotter).not.toBe(before.spotter);
  });

  it('keeps the spotter when only a role changed', async () => {
    const before = await rolebook.ctx.library.get();
    const ref = { taxonomy: 'rolebook', code: 'graph-builder' };
    await createRole(rolebook.ctx, editor, ref, {
      ...emptyRoleContent('Graph Builder'),
      status: 'published',
    });
    await vi.waitFor(async () => expect(await rolebook.ctx.library.get()).not.toBe(before), {
      timeout: FRESH_WITHIN_MS,
      interval: 5,
    });
    const after = await rolebook.ctx.library.get();
    expect(after.spotter).toBe(before.spotter);
    expect(after.roles.map((r) => r.code)).toContain('graph-builder');
  });
});
