import type { Migration, MigrationProvider } from 'kysely';
import type { StoreDialect } from '../dialect/store-dialect.js';
import { initial } from './2026-11-25-0001-initial.js';
import { taxonomyRoleNameNumber } from './2026-11-25-0002-taxonomy-role-name-number.js';
import { uniqueRevisionVersions } from './2026-12-04-0001-unique-revision-versions.js';
import { roleTitleClaims } from './2026-12-04-0002-role-title-claims.js';
import { keyScopes } from './2026-12-05-0001-key-scopes.js';
import { accounts } from './2026-12-06-0001-accounts.js';
import { pendingDrafts } from './2026-12-06-0002-pending-drafts.js';
import { roleOccupationCodes } from './2026-12-07-0001-role-occupation-codes.js';
import { normalizeJobs } from './2026-12-07-0002-normalize-jobs.js';

/**
 * Migrations are compiled in, not read from a folder at run time, so the built CLI and the
 * TypeScript sources run the same set. Names sort in the order they apply.
 */
export const migrationProvider = (dialect: StoreDialect): MigrationProvider => ({
  getMigrations: (): Promise<Record<string, Migration>> =>
    Promise.resolve({
      '2026-11-25-0001-initial': initial(dialect),
      '2026-11-25-0002-taxonomy-role-name-number': taxonomyRoleNameNumber(),
      '2026-12-04-0001-unique-revision-versions': uniqueRevisionVersions(),
      '2026-12-04-0002-role-title-claims': roleTitleClaims(),
      '2026-12-05-0001-key-scopes': keyScopes(),
      '2026-12-06-0001-accounts': accounts(),
      '2026-12-06-0002-pending-drafts': pendingDrafts(),
      '2026-12-07-0001-role-occupation-codes': roleOccupationCodes(),
      '2026-12-07-0002-normalize-jobs': normalizeJobs(),
    }),
});
