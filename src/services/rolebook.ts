import { BUILT_IN_TAXONOMY } from '../domain/index.js';
import { findTaxonomy, openStore, type MigrationReport } from '../store/index.js';
import { createServiceContext, systemActor, type ServiceContext } from './context.js';
import { syncContent } from './content.service.js';
import type { PasswordCost } from './accounts/password.js';
import type { ImportReport } from './import.service.js';

export interface Rolebook {
  ctx: ServiceContext;
  migrations: MigrationReport;
  /** The built-in library load of a first start, if this start made one. */
  seeded?: ImportReport;
  close(): Promise<void>;
}

export interface OpenOptions {
  database: string;
  contentDir: string;
  /** Leave the database empty on a first start (tests that build their own data). */
  seed?: boolean;
  schema?: string;
  clock?: () => Date;
  /** Cheaper password hashing, for tests that make many accounts; production keeps the default. */
  passwordCost?: PasswordCost;
  /** Run analyses on a worker thread of their own (see ContextOptions.analysisThread). */
  analysisThread?: boolean;
}

/**
 * Opens the store, brings its schema up to date and, on a first start, loads the built-in
 * library: a new database needs no setup.
 */
export const openRolebook = async (options: OpenOptions): Promise<Rolebook> => {
  const store = await openStore(options.database, options.schema ? { schema: options.schema } : {});
  try {
    const migrations = await store.migrate();
    const ctx = createServiceContext(store, {
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.passwordCost ? { passwordCost: options.passwordCost } : {}),
      ...(options.analysisThread
        ? { analysisThread: { database: options.database, schema: options.schema } }
        : {}),
    });
    const firstStart = !(await findTaxonomy(store.db, BUILT_IN_TAXONOMY));
    const seeded =
      firstStart && options.seed !== false
        ? await syncContent(ctx, systemActor('content-sync'), options.contentDir)
        : undefined;
    const close = async () => {
      await ctx.analyses.close();
      ctx.changes.close();
      await store.close();
    };
    return { ctx, migrations, ...(seeded ? { seeded } : {}), close };
  } catch (error) {
    await store.close();
    throw error;
  }
};
