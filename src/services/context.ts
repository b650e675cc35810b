import type { Store } from '../store/index.js';
import { LibrarySnapshot } from './analysis/library-snapshot.js';
import { RoleTitleIndex } from './normalize/role-title-index.js';
import { ChangeFeed } from './change-feed.js';

/** Who is acting: recorded on every revision and audit entry. */
export interface Actor {
  id: string;
  kind: 'key' | 'cli' | 'system';
  scopes: readonly Scope[];
}

export type Scope = 'write' | 'admin';

/** What every use case receives: the store, the clock, the change feed and the in-memory indexes. */
export interface ServiceContext {
  readonly store: Store;
  readonly clock: () => Date;
  readonly changes: ChangeFeed;
  /** Every published role's titles, for normalization; built on first use. */
  readonly titles: RoleTitleIndex;
  /** The glossary's term spotter and the built-in roles, for analysis and diagnosis. */
  readonly library: LibrarySnapshot;
}

export const createServiceContext = (
  store: Store,
  options: { clock?: () => Date } = {},
): ServiceContext => {
  const base = { store, clock: options.clock ?? (() => new Date()), changes: new ChangeFeed() };
  const ctx: ServiceContext = {
    ...base,
    titles: new RoleTitleIndex(base),
    library: new LibrarySnapshot(base),
  };
  return ctx;
};

export const systemActor = (id: string): Actor => ({
  id,
  kind: 'system',
  scopes: ['write', 'admin'],
});

export const cliActor = (user: string): Actor => ({
  id: `cli:${user}`,
  kind: 'cli',
  scopes: ['write', 'admin'],
});

export const now = (ctx: ServiceContext): string => ctx.clock().toISOString();
