import { sql } from 'kysely';
import type { ServiceContext } from './context.js';

/** True when the database answers a trivial query. */
export const checkReadiness = async (ctx: ServiceContext): Promise<boolean> => {
  try {
    await sql`select 1`.execute(ctx.store.db);
    return true;
  } catch {
    return false;
  }
};

/**
 * Builds what the first requests would otherwise wait for: the title index (a second or more
 * with a whole imported taxonomy) and the library snapshot behind analysis. A server calls it
 * before it listens, so no request queues behind a build.
 */
export const warmUp = async (ctx: ServiceContext): Promise<void> => {
  await Promise.all([ctx.titles.get(), ctx.library.get(), ctx.analyses.warmUp()]);
};
