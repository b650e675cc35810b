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
