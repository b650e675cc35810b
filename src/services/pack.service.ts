import { parse, PackSchema, type Pack, type ProblemLocation } from '../domain/index.js';
import { allTerms, iterateRoles, listDrafts, listTaxonomies } from '../store/index.js';
import { now, type Actor, type ServiceContext } from './context.js';
import { applyImport, type ImportReport } from './import.service.js';

/** Everything in the store as one pack: taxonomies, terms and roles with their versions. */
export const exportPack = async (ctx: ServiceContext): Promise<Pack> => {
  const roles: Pack['roles'] = [];
  for await (const role of iterateRoles(ctx.store.db)) roles.push(role);
  return {
    format: 'rolebook-pack',
    formatVersion: 1,
    exportedAt: now(ctx),
    taxonomies: await listTaxonomies(ctx.store.db),
    terms: await allTerms(ctx.store.db),
    roles,
  };
};

/**
 * How many pending drafts the store holds. A pack carries published versions only: drafts are
 * work in progress on this store, so an export leaves them out and an import neither brings nor
 * removes any; each side says so with this count.
 */
export const countPendingDrafts = async (ctx: ServiceContext): Promise<number> =>
  (await listDrafts(ctx.store.db, { newRoles: false, limit: 1, offset: 0 })).total;

/** Reads a pack (checked whole before anything is written) and imports it in one transaction. */
export const importPack = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  document: unknown,
  options: { dryRun?: boolean; where?: ProblemLocation } = {},
): Promise<ImportReport> => {
  const pack = parse(PackSchema, document, options.where ?? {});
  return applyImport(
    ctx,
    actor,
    {
      source: options.where?.file ?? 'pack',
      taxonomies: pack.taxonomies,
      terms: pack.terms.map(({ slug, version, createdAt, updatedAt, ...content }) => ({
        slug,
        content,
        version,
        createdAt,
        updatedAt,
      })),
      roles: pack.roles.map(({ taxonomy, code, version, createdAt, updatedAt, ...content }) => ({
        taxonomy,
        code,
        content,
        version,
        createdAt,
        updatedAt,
      })),
    },
    options,
  );
};
