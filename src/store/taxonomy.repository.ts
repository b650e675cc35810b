import type { RoleNameNumber, Taxonomy, TaxonomyInput } from '../domain/index.js';
import type { TaxonomyRow } from './database.schema.js';
import { fromJson, toJson } from './json.js';
import type { Db } from './db.js';

const taxonomyRowToTaxonomy = (row: TaxonomyRow): Taxonomy => ({
  ...fromJson<TaxonomyInput>(row.data),
  roleNameNumber: row.role_name_number as RoleNameNumber,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const findTaxonomy = async (db: Db, id: string): Promise<Taxonomy | undefined> => {
  const row = await db.selectFrom('taxonomies').selectAll().where('id', '=', id).executeTakeFirst();
  return row && taxonomyRowToTaxonomy(row);
};

export const listTaxonomies = async (db: Db): Promise<Taxonomy[]> =>
  (await db.selectFrom('taxonomies').selectAll().orderBy('id').execute()).map(
    taxonomyRowToTaxonomy,
  );

/** Writes a taxonomy; its role name number goes to its own column, the rest to `data`. */
export const saveTaxonomy = async (db: Db, taxonomy: Taxonomy): Promise<void> => {
  const { createdAt, updatedAt, roleNameNumber, ...document } = taxonomy;
  await db
    .insertInto('taxonomies')
    .values({
      id: document.id,
      name: document.name,
      role_name_number: roleNameNumber,
      data: toJson(document),
      created_at: createdAt,
      updated_at: updatedAt,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        name: document.name,
        role_name_number: roleNameNumber,
        data: toJson(document),
        updated_at: updatedAt,
      }),
    )
    .execute();
};
