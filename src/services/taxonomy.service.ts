import {
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

export const getTaxonomy = async (ctx: ServiceContext, id: string): Promise<Taxonomy> => {
  const taxonomy = await findTaxonomy(ctx.store.db, id);
  if (!taxonomy) throw notFound(`Taxonomy ${id}`);
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
