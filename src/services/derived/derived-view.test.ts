import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TermContent } from '../../domain/index.js';
import { allTerms, openStore, type Store } from '../../store/index.js';
import { createServiceContext, systemActor, type ServiceContext } from '../context.js';
import { createTerm } from '../term.service.js';
import { DerivedView, type Derivation } from './index.js';

const editor = systemActor('test-editor');

const term = (name: string): TermContent => ({
  name,
  abbreviations: [],
  aliases: [],
  definition: `A word for testing, ${name}.`,
  examples: [],
  category: 'concept',
  caseSensitive: false,
});

/** The glossary's slugs, counting how often it was built and updated, with switches to fail. */
const glossarySlugs = () => {
  const counts = { builds: 0, updates: 0 };
  const switches = { failBuild: false, failUpdate: false, holdUpdate: undefined as unknown };
  const derivation: Derivation<string[]> = {
    async build(db) {
      counts.builds++;
      if (switches.failBuild) throw new Error('the database is away');
      return (await allTerms(db)).map((t) => t.slug);
    },
    concerns: (change) => change.entity === 'term',
    async update(_slugs, _changes, db) {
      counts.updates++;
      await switches.holdUpdate;
      if (switches.failUpdate) throw new Error('the database is away');
      return (await allTerms(db)).map((t) => t.slug);
    },
  };
  return { derivation, counts, switches };
};

describe('a derived view', () => {
  let store: Store;
  let ctx: ServiceContext;
  /** A second instance on the same database: it hears nothing of this one's writes. */
  let other: ServiceContext;
  beforeEach(async () => {
    store = await openStore(':memory:');
    await store.migrate();
    ctx = createServiceContext(store, { pollMs: 3_600_000 });
    other = createServiceContext(store, { pollMs: 20 });
  });
  afterEach(async () => {
    ctx.changes.close();
    other.changes.close();
    await store.close();
  });

  it('builds its value on first use and serves that value while nothing changes', async () => {
    const { derivation, counts } = glossarySlugs();
    const view = new DerivedView(ctx, derivation);
    const first = await view.get();
    expect(await view.get()).toBe(first);
    expect(counts).toEqual({ builds: 1, updates: 0 });
  });

  it('serves a write through this process to the next request', async () => {
    const view = new DerivedView(ctx, glossarySlugs().derivation);
    await view.get();
    await createTerm(ctx, editor, 'graphql', term('GraphQL'));
    expect(await view.get()).toEqual(['graphql']);
  });

  it('serves a write by another instance within its poll interval', async () => {
    const view = new DerivedView(other, glossarySlugs().derivation);
    await view.get();
    await createTerm(ctx, editor, 'graphql', term('GraphQL'));
    await vi.waitFor(async () => expect(await view.get()).toEqual(['graphql']), {
      timeout: 1_000,
      interval: 5,
    });
  });

  it('passes by changes that do not concern it', async () => {
    const { derivation, counts } = glossarySlugs();
    const view = new DerivedView(ctx, { ...derivation, concerns: () => false });
    const before = await view.get();
    await createTerm(ctx, editor, 'graphql', term('GraphQL'));
    expect(await view.get()).toBe(before);
    expect(counts).toEqual({ builds: 1, updates: 0 });
  });

  it('serves the value it has when an update outlasts the wait', async () => {
    const { derivation, switches } = glossarySlugs();
    const view = new DerivedView(ctx, derivation, { maxWaitMs: 20 });
    await view.get();
    let release = () => {};
    switches.holdUpdate = new Promise<void>((resolve) => (release = resolve));
    await createTerm(ctx, editor, 'graphql', term('GraphQL'));
    expect(await view.get()).toEqual([]);
    release();
    await vi.waitFor(async () => expect(await view.get()).toEqual(['graphql']));
  });

  it('keeps its value through a failed update and catches up from the same point', async () => {
    const { derivation, switches } = glossarySlugs();
    const view = new DerivedView(ctx, derivation);
    await view.get();
    switches.failUpdate = true;
    await createTerm(ctx, editor, 'graphql', term('GraphQL'));
    expect(await view.get()).toEqual([]);
    switches.failUpdate = false;
    await createTerm(ctx, editor, 'grpc', term('gRPC'));
    expect(await view.get()).toEqual(['graphql', 'grpc']);
  });

  it('refuses while its first build fails, and builds on the next use', async () => {
    const { derivation, switches } = glossarySlugs();
    const view = new DerivedView(ctx, derivation);
    switches.failBuild = true;
    await expect(view.get()).rejects.toThrow('the database is away');
    switches.failBuild = false;
    expect(await view.get()).toEqual([]);
  });

  it('stops listening when its feed closes', async () => {
    const { derivation, counts } = glossarySlugs();
    const view = new DerivedView(other, derivation);
    await view.get();
    other.changes.close();
    await createTerm(ctx, editor, 'graphql', term('GraphQL'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(counts.updates).toBe(0);
  });
});
