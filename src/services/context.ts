import type { TitleIndex } from '../matching/index.js';
import type { Store } from '../store/index.js';
import { PASSWORD_COST, type PasswordCost } from './accounts/password.js';
import { analysisViews, type Analyses } from './analysis/analysis-jobs.js';
import { threadedAnalyses, type AnalysisWorkerData } from './analysis/analysis-thread.js';
import { inlineAnalyses } from './analysis/inline-analyses.js';
import type { Library } from './analysis/library-snapshot.js';
import { ChangeFeed, DerivedView } from './derived/index.js';
import { roleGroups, type RoleGroups } from './role-groups.js';
import { termUsage, type TermUsage } from './term-usage.js';

/** Who is acting: recorded on every revision and audit entry. */
export interface Actor {
  id: string;
  kind: 'key' | 'user' | 'cli' | 'system';
  scopes: readonly Scope[];
}

/**
 * What an actor may do: `read` drafts, histories and lint of unpublished work; `write` (create,
 * edit, revert, import); `delete` (and unpublish, which readers see as a delete); `admin` keys and
 * the audit log. No scope implies another.
 */
export type Scope = 'read' | 'write' | 'delete' | 'admin';

export const ALL_SCOPES: readonly Scope[] = ['read', 'write', 'delete', 'admin'];

/**
 * What every use case receives: the store, the clock, the change feed and the values derived
 * from the store, each a DerivedView built on first use and kept fresh the same way.
 */
export interface ServiceContext {
  readonly store: Store;
  readonly clock: () => Date;
  /** Writers publish on it once they commit; the derived views listen. */
  readonly changes: ChangeFeed;
  /** Every published role's titles, for normalization. */
  readonly titles: DerivedView<TitleIndex>;
  /** The glossary's term spotter and the built-in roles, for analysis, diagnosis and guides. */
  readonly library: DerivedView<Library>;
  /** Which published roles list each term, for the glossary's pages. */
  readonly termUsage: DerivedView<TermUsage>;
  /** The occupation groups of every published role, for the filters of the lists and search. */
  readonly roleGroups: DerivedView<RoleGroups>;
  /** What hashing a password costs (see PASSWORD_COST). */
  readonly passwordCost: PasswordCost;
  /** Where analyses and diagnoses run, one at a time. */
  readonly analyses: Analyses;
}

export interface ContextOptions {
  clock?: () => Date;
  /** How often derived views look for writes by other instances (ms). */
  pollMs?: number;
  passwordCost?: PasswordCost;
  /**
   * Run analyses on a worker thread that opens this database: for a server, whose other
   * requests must not wait behind them. Without it they run on this thread.
   */
  analysisThread?: AnalysisWorkerData;
}

export const createServiceContext = (
  store: Store,
  options: ContextOptions = {},
): ServiceContext => {
  const changes = new ChangeFeed(options.pollMs ? { pollMs: options.pollMs } : {});
  const base = { store, changes };
  const views = analysisViews(base);
  return {
    ...base,
    clock: options.clock ?? (() => new Date()),
    passwordCost: options.passwordCost ?? PASSWORD_COST,
    analyses: options.analysisThread
      ? threadedAnalyses(options.analysisThread, changes)
      : inlineAnalyses(views),
    ...views,
    termUsage: new DerivedView(base, termUsage),
    roleGroups: new DerivedView(base, roleGroups),
  };
};

export const systemActor = (id: string): Actor => ({
  id,
  kind: 'system',
  scopes: ALL_SCOPES,
});

export const cliActor = (user: string): Actor => ({
  id: `cli:${user}`,
  kind: 'cli',
  scopes: ALL_SCOPES,
});

export const now = (ctx: ServiceContext): string => ctx.clock().toISOString();
