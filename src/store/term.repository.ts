import { termContentOf, type Term, type TermContent } from '../domain/index.js';
import { foldTitle, searchedFor, startsAWord } from '../domain/index.js';
import type { TermRow } from './database.schema.js';
import { fromJson, toJson } from './json.js';
import type { Db } from './db.js';
import type { StoreDialect } from './dialect/store-dialect.js';

const termRowToTerm = (row: TermRow): Term => ({
  ...fromJson<TermContent>(row.data),
  slug: row.slug,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const findTerm = async (db: Db, slug: string): Promise<Term | undefined> => {
  const row = await db.selectFrom('terms').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row && termRowToTerm(row);
};

/**
 * The terms of these slugs that the glossary defines. A write that names them passes its store's
 * dialect as `holding`, so that none is deleted before the write ends; rows are taken in slug
 * order, so two such writes never each hold a row the other waits for.
 */
export const findTerms = async (
  db: Db,
  slugs: readonly string[],
  options: { holding?: StoreDialect } = {},
): Promise<Map<string, Term>> => {
  if (slugs.length === 0) return new Map();
  const query = db
    .selectFrom('terms')
    .selectAll()
    .where('slug', 'in', [...new Set(slugs)])
    .orderBy('slug');
  const rows = await (options.holding ? options.holding.holdRows(query) : query).execute();
  return new Map(rows.map((row) => [row.slug, termRowToTerm(row)]));
};

/** Slugs looked up per query, under both databases' limits on bound parameters. */
const LOOKUP_CHUNK = 250;

/** Which of these slugs the glossary defines, read without the terms themselves. */
export const definedSlugs = async (db: Db, slugs: readonly string[]): Promise<Set<string>> => {
  const wanted = [...new Set(slugs)];
  const defined = new Set<string>();
  for (let i = 0; i < wanted.length; i += LOOKUP_CHUNK) {
    const rows = await db
      .selectFrom('terms')
      .select('slug')
      .where('slug', 'in', wanted.slice(i, i + LOOKUP_CHUNK))
      .execute();
    for (const { slug } of rows) defined.add(slug);
  }
  return defined;
};

export interface TermQuery {
  category?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** The glossary is small (hundreds of terms): filtering by any name happens in memory. */
export const listTerms = async (
  db: Db,
  query: TermQuery,
): Promise<{ items: Term[]; total: number }> => {
  let select = db.selectFrom('terms').selectAll().orderBy('name').orderBy('slug');
  if (query.category) select = select.where('category', '=', query.category);
  const all = (await select.execute()).map(termRowToTerm);
  const folded = searchedFor(query.q);
  const matching =
    folded === undefined
      ? all
      : all.filter(
          (t) =>
            folded !== '' &&
            [t.name, ...t.abbreviations, ...t.aliases].some((n) =>
              startsAWord(foldTitle(n), folded),
            ),
        );
  return {
    items: matching.slice(query.offset, query.offset + query.limit),
    total: matching.length,
  };
};

export const allTerms = async (db: Db): Promise<Term[]> =>
  (await db.selectFrom('terms').selectAll().orderBy('slug').execute()).map(termRowToTerm);

const rowOf = (term: Term) => ({
  name: term.name,
  category: term.category,
  data: toJson(termContentOf(term)),
  version: term.version,
  updated_at: term.updatedAt,
});

/** Like `insertRole`: false, with nothing written, when another write stored the slug first. */
export const insertTerm = async (db: Db, term: Term): Promise<boolean> => {
  const inserted = await db
    .insertInto('terms')
    .values({ ...rowOf(term), slug: term.slug, created_at: term.createdAt })
    .onConflict((oc) => oc.column('slug').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
};

/** Like `saveRole`: a compare-and-set that returns false when stale. */
export const saveTerm = async (db: Db, term: Term, expectedVersion: number): Promise<boolean> => {
  const updated = await db
    .updateTable('terms')
    .set(rowOf(term))
    .where('slug', '=', term.slug)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
};

/** Like `deleteRole`: a compare-and-set that returns false when stale. */
export const deleteTerm = async (
  db: Db,
  slug: string,
  expectedVersion: number,
): Promise<boolean> => {
  const deleted = await db
    .deleteFrom('terms')
    .where('slug', '=', slug)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
};
