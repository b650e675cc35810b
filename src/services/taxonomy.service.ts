import {
  AppError,
  notFound,
  roleNameNumberOf,
  sameTaxonomy,
  type Taxonomy,
  type TaxonomyInput,
} from '../domain/index.js';
import {
  countRolesByTaxonomy,
  findTaxonomy,
  listTaxonomies as listTaxonomyRows,
  saveTaxonomy,
  type Database,
  type Db,
  type Transaction,
} from '../store/index.js';
import type { ServiceContext } from './context.js';

export interface TaxonomyWithCount extends Taxonomy {
  /** Its published roles: those every reader sees listed. */
  roleCount: number;
}

export const listTaxonomies = async (ctx: ServiceContext): Promise<TaxonomyWithCount[]> => {
  const [taxonomies, counts] = await Promise.all([
    listTaxonomyRows(ctx.store.db),
    countRolesByTaxonomy(ctx.store.db, { publishedOnly: true }),
  ]);
  return taxonomies.map((t) => ({ ...t, roleCount: counts.get(t.id) ?? 0 }));
};

/** The taxonomies a public release fills, and how an operator imports each. */
const releaseImports: Readonly<Record<string, string>> = {
  onet: 'O*NET is not imported: `rolebook import onet DIR` loads it from the O*NET database text files.',
  esco: 'ESCO is not imported: `rolebook import esco DIR` loads it from the ESCO CSV files.',
};

/**
 * The refusal of a taxonomy that is not stored names those that are, and for a public release,
 * how to import it: an O*NET or ESCO code asked of a library that never imported the release
 * would otherwise leave the caller guessing.
 */
export const unknownTaxonomy = async (db: Db, id: string): Promise<AppError> => {
  const stored = (await listTaxonomyRows(db)).map((t) => t.id);
  const known = stored.length > 0 ? stored.join(', ') : 'none';
  const hint = Object.hasOwn(releaseImports, id) ? ` ${releaseImports[id]}` : '';
  return new AppError(
    'not_found',
    `${notFound(`Taxonomy ${id}`).message} Taxonomies here: ${known}.${hint}`,
  );
};

export const getTaxonomy = async (ctx: ServiceContext, id: string): Promise<Taxonomy> => {
  const taxonomy = await findTaxonomy(ctx.store.db, id);
  if (!taxonomy) throw await unknownTaxonomy(ctx.store.db, id);
  return taxonomy;
};

/**
 * Creates or refreshes a taxonomy's description inside an import's transaction. A description
 * that does not say the number of its role names says singular.
 */
export const upsertTaxonomy = async (
  trx: Transaction<Database>,
  given: TaxonomyInput & { createdAt?: string; updatedAt?: string },
  at: string,
): Promise<'added' | 'changed' | 'unchanged'> => {
  const { createdAt, updatedAt, ...input } = given;
  const stored = await findTaxonomy(trx, input.id);
  if (stored) {
    const { createdAt: _c, updatedAt: _u, ...storedInput } = stored;
    if (sameTaxonomy(storedInput, input)) return 'unchanged';
  }
  await saveTaxonomy(trx, {
    ...input,
    roleNameNumber: roleNameNumberOf(input),
    createdAt: stored?.createdAt ?? createdAt ?? at,
    updatedAt: stored ? at : (updatedAt ?? at),
  });
  return stored ? 'changed' : 'added';
};
