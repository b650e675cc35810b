import { sql } from 'kysely';
import {
  roleContentOf,
  type Role,
  type RoleContent,
  type RoleStatus,
  type RoleSummary,
} from '../domain/index.js';
import { claimedTitles, searchedFor } from '../domain/index.js';
import type { RoleRow } from './database.schema.js';
import { fromJson, toJson } from './json.js';
import type { Db } from './db.js';
import { pagedList, type PagedRows } from './paged-list.js';

const roleRowToRole = (row: RoleRow): Role => ({
  ...fromJson<RoleContent>(row.data),
  taxonomy: row.taxonomy,
  code: row.code,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const roleRowToSummary = (row: RoleRow): RoleSummary => {
  const content = fromJson<RoleContent>(row.data);
  return {
    taxonomy: row.taxonomy,
    code: row.code,
    name: row.name,
    summary: content.summary,
    status: row.status as RoleStatus,
    version: row.version,
    updatedAt: row.updated_at,
  };
};

/** The role of a taxonomy with `value` in one of its two indexed keys. */
const findRoleByKey = async (
  db: Db,
  taxonomy: string,
  key: 'code' | 'occupation_code',
  value: string,
): Promise<Role | undefined> => {
  const row = await db
    .selectFrom('roles')
    .selectAll()
    .where('taxonomy', '=', taxonomy)
    .where(key, '=', value)
    .executeTakeFirst();
  return row && roleRowToRole(row);
};

export const findRole = (db: Db, taxonomy: string, code: string): Promise<Role | undefined> =>
  findRoleByKey(db, taxonomy, 'code', code);

/**
 * The role of a taxonomy whose source publishes `code` for it beside the key it is stored under
 * (`occupationCode`), found through its own indexed column.
 */
export const findRoleByOccupationCode = (
  db: Db,
  taxonomy: string,
  code: string,
): Promise<Role | undefined> => findRoleByKey(db, taxonomy, 'occupation_code', code);

export interface RoleQuery {
  taxonomy?: string;
  status?: RoleStatus;
  q?: string;
  limit: number;
  offset: number;
}

/** The roles a query asks for, before they are selected, ordered and paged. */
const filtered = (db: Db, query: Omit<RoleQuery, 'limit' | 'offset'>) => {
  let select = db.selectFrom('roles');
  if (query.taxonomy) select = select.where('roles.taxonomy', '=', query.taxonomy);
  if (query.status) select = select.where('roles.status', '=', query.status);
  const folded = searchedFor(query.q);
  if (folded === '') select = select.where(sql.lit(false));
  else if (folded !== undefined) {
    // At the start of a word, as startsAWord reads it: "go" finds "Go Developer", not "Django".
    const escaped = folded.replace(/[%_\\]/g, (c) => `\\${c}`);
    select = select.where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_titles')
          .select(sql.lit(1).as('one'))
          .whereRef('role_titles.taxonomy', '=', 'roles.taxonomy')
          .whereRef('role_titles.code', '=', 'roles.code')
          .where((title) =>
            title.or([
              sql<boolean>`role_titles.folded like ${`${escaped}%`} escape '\\'`,
              sql<boolean>`role_titles.folded like ${`% ${escaped}%`} escape '\\'`,
            ]),
          ),
      ),
    );
  }
  return select;
};

export const listRoles = (db: Db, query: RoleQuery): Promise<PagedRows<RoleSummary>> =>
  pagedList(
    filtered(db, query),
    (roles) =>
      roles
        .selectAll('roles')
        .orderBy('roles.taxonomy')
        // By name as a reader sorts it, whatever the case ("iOS Developer" among the I's): SQLite
        // compares bytes, so without lower() capitals all came first.
        .orderBy(sql`lower(roles.name)`)
        .orderBy('roles.code'),
    query,
    roleRowToSummary,
  );

/** Every role of a taxonomy (or all), streamed in pages so memory stays flat. */
/**
 * What the roles table holds, in brief: how many roles, the sum of their versions and the
 * latest change. Any write through Rolebook moves it, and so does putting back an older copy of
 * the database, which the revision log's high-water mark alone may not show.
 */
export const rolesStamp = async (db: Db): Promise<string> => {
  const row = await db
    .selectFrom('roles')
    .select((eb) => [
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('version').as('versions'),
      eb.fn.max('updated_at').as('latest'),
    ])
    .executeTakeFirst();
  return `${Number(row?.count ?? 0)}/${Number(row?.versions ?? 0)}/${row?.latest ?? ''}`;
};

export async function* iterateRoles(
  db: Db,
  taxonomy?: string,
  pageSize = 1000,
): AsyncGenerator<Role> {
  let after: { taxonomy: string; code: string } | undefined;
  for (;;) {
    let select = db.selectFrom('roles').selectAll();
    if (taxonomy) select = select.where('taxonomy', '=', taxonomy);
    if (after) {
      const { taxonomy: t, code: c } = after;
      select = select.where((eb) =>
        eb.or([eb('taxonomy', '>', t), eb.and([eb('taxonomy', '=', t), eb('code', '>', c)])]),
      );
    }
    const rows = await select.orderBy('taxonomy').orderBy('code').limit(pageSize).execute();
    for (const row of rows) yield roleRowToRole(row);
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = { taxonomy: last.taxonomy, code: last.code };
  }
}

const titlesOf = (role: Role) =>
  claimedTitles(role).map(({ title, folded }) => ({
    taxonomy: role.taxonomy,
    code: role.code,
    title,
    folded,
  }));

const rowOf = (role: Role) => ({
  name: role.name,
  status: role.status,
  data: toJson(roleContentOf(role)),
  occupation_code: role.occupationCode ?? null,
  version: role.version,
  updated_at: role.updatedAt,
});

/** Bound parameters per statement stay under both databases' limits. */
const TITLE_ROWS_PER_STATEMENT = 200;

/** Replaces the title rows of a role with those of its name and alternative titles. */
const writeTitles = async (db: Db, role: Role): Promise<void> => {
  await db
    .deleteFrom('role_titles')
    .where('taxonomy', '=', role.taxonomy)
    .where('code', '=', role.code)
    .execute();
  const titles = titlesOf(role);
  for (let i = 0; i < titles.length; i += TITLE_ROWS_PER_STATEMENT) {
    await db
      .insertInto('role_titles')
      .values(titles.slice(i, i + TITLE_ROWS_PER_STATEMENT))
      .execute();
  }
};

/**
 * Stores a new role and its title rows. The key decides, in the database: when another write
 * stored the code first (even one not committed when this began), nothing is written and the
 * result is false.
 */
export const insertRole = async (db: Db, role: Role): Promise<boolean> => {
  const inserted = await db
    .insertInto('roles')
    .values({
      ...rowOf(role),
      taxonomy: role.taxonomy,
      code: role.code,
      created_at: role.createdAt,
    })
    .onConflict((oc) => oc.columns(['taxonomy', 'code']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await writeTitles(db, role);
  return true;
};

/**
 * Writes the whole role and its title rows, only over a stored row at `expectedVersion`
 * (compare-and-set), so two editors racing cannot both win and a write never brings back a role
 * deleted meanwhile; returns false when the stored row had moved on or gone.
 */
export const saveRole = async (db: Db, role: Role, expectedVersion: number): Promise<boolean> => {
  const updated = await db
    .updateTable('roles')
    .set(rowOf(role))
    .where('taxonomy', '=', role.taxonomy)
    .where('code', '=', role.code)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return false;
  await writeTitles(db, role);
  return true;
};

/**
 * Deletes a role and its title rows, only a stored row at `expectedVersion` (compare-and-set);
 * returns false when the role had moved on or was already gone.
 */
export const deleteRole = async (
  db: Db,
  taxonomy: string,
  code: string,
  expectedVersion: number,
): Promise<boolean> => {
  const deleted = await db
    .deleteFrom('roles')
    .where('taxonomy', '=', taxonomy)
    .where('code', '=', code)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) return false;
  await db
    .deleteFrom('role_titles')
    .where('taxonomy', '=', taxonomy)
    .where('code', '=', code)
    .execute();
  return true;
};

/** A title a role wanted, and the role that holds it (undefined if it went meanwhile). */
export interface RefusedTitle {
  /** The field of the role that gives the title: `name`, or `alternativeTitles.3`. */
  field: string;
  title: string;
  code: string | undefined;
}

/**
 * Makes a role the one owner of its titles in a taxonomy whose titles are exclusive, in the
 * database: the claims it held are released and each of its titles claimed anew. A title
 * another role holds (even by a write not committed when this began) is not taken but returned
 * with its owner; the caller refuses the write, which rolls the rest back.
 */
export const takeTitleClaims = async (db: Db, role: Role): Promise<RefusedTitle[]> => {
  await db
    .deleteFrom('role_title_claims')
    .where('taxonomy', '=', role.taxonomy)
    .where('code', '=', role.code)
    .execute();
  const titles = claimedTitles(role);
  const claimed = new Set<string>();
  for (let i = 0; i < titles.length; i += TITLE_ROWS_PER_STATEMENT) {
    const rows = await db
      .insertInto('role_title_claims')
      .values(
        titles
          .slice(i, i + TITLE_ROWS_PER_STATEMENT)
          .map(({ folded }) => ({ taxonomy: role.taxonomy, code: role.code, folded })),
      )
      .onConflict((oc) => oc.columns(['taxonomy', 'folded']).doNothing())
      .returning('folded')
      .execute();
    for (const row of rows) claimed.add(row.folded);
  }
  const refused = titles.filter((t) => !claimed.has(t.folded));
  if (refused.length === 0) return [];
  const owners = await db
    .selectFrom('role_title_claims')
    .select(['folded', 'code'])
    .where('taxonomy', '=', role.taxonomy)
    .where(
      'folded',
      'in',
      refused.map((t) => t.folded),
    )
    .execute();
  const ownerOf = new Map(owners.map((o) => [o.folded, o.code]));
  return refused.map((t) => ({ field: t.field, title: t.title, code: ownerOf.get(t.folded) }));
};

/**
 * Claims every title of a taxonomy for the role whose title row names it, replacing the claims
 * held: how an import, which may move titles between roles on its way, settles them once all its
 * roles are written. The caller has checked that no two roles name one title.
 */
export const rebuildTitleClaims = async (db: Db, taxonomy: string): Promise<void> => {
  await db.deleteFrom('role_title_claims').where('taxonomy', '=', taxonomy).execute();
  await db
    .insertInto('role_title_claims')
    .columns(['taxonomy', 'code', 'folded'])
    .expression(
      db
        .selectFrom('role_titles')
        .select(['taxonomy', 'code', 'folded'])
        .where('taxonomy', '=', taxonomy),
    )
    .execute();
};

/** How many roles each taxonomy holds (or, `publishedOnly`, has published). */
export const countRolesByTaxonomy = async (
  db: Db,
  options: { publishedOnly?: boolean } = {},
): Promise<Map<string, number>> => {
  let select = db
    .selectFrom('roles')
    .select(['taxonomy', (eb) => eb.fn.countAll<number>().as('n')]);
  if (options.publishedOnly) select = select.where('status', '=', 'published');
  const rows = await select.groupBy('taxonomy').execute();
  return new Map(rows.map((r) => [r.taxonomy, Number(r.n)]));
};

/** The names of the roles stored (or, `publishedOnly`, published) of those given, by key. */
export const roleNames = async (
  db: Db,
  refs: { taxonomy: string; code: string }[],
  options: { publishedOnly?: boolean } = {},
): Promise<Map<string, string>> => {
  if (refs.length === 0) return new Map();
  let select = db
    .selectFrom('roles')
    .select(['taxonomy', 'code', 'name'])
    .where((eb) =>
      eb.or(refs.map((r) => eb.and([eb('taxonomy', '=', r.taxonomy), eb('code', '=', r.code)]))),
    );
  if (options.publishedOnly) select = select.where('status', '=', 'published');
  const rows = await select.execute();
  return new Map(rows.map((r) => [`${r.taxonomy}/${r.code}`, r.name]));
};

/**
 * Every folded title each role of a taxonomy claims, ordered by code: what lint compares, read
 * from the title rows without loading the roles.
 */
export const listTitleClaims = async (
  db: Db,
  taxonomy: string,
  options: { publishedOnly?: boolean } = {},
): Promise<{ code: string; folded: string }[]> => {
  let select = db
    .selectFrom('role_titles')
    .innerJoin('roles', (join) =>
      join
        .onRef('roles.taxonomy', '=', 'role_titles.taxonomy')
        .onRef('roles.code', '=', 'role_titles.code'),
    )
    .select(['role_titles.code', 'role_titles.folded'])
    .where('role_titles.taxonomy', '=', taxonomy);
  if (options.publishedOnly) select = select.where('roles.status', '=', 'published');
  return select.orderBy('role_titles.code').execute();
};

/**
 * The status of every stored role by its key, `taxonomy/code`, drafts included: what a reference
 * may name, and whether readers get it.
 */
export const roleStatuses = async (db: Db): Promise<Map<string, RoleStatus>> =>
  new Map(
    (await db.selectFrom('roles').select(['taxonomy', 'code', 'status']).execute()).map((r) => [
      `${r.taxonomy}/${r.code}`,
      r.status as RoleStatus,
    ]),
  );

/** Roles looked up per query, under both databases' limits on bound parameters. */
const LOOKUP_CHUNK = 250;

/**
 * The status of each of these roles the store holds, by `taxonomy/code`: what lint needs of the
 * roles a guide names, read without the rest of the library.
 */
export const roleStatusesOf = async (
  db: Db,
  refs: readonly { taxonomy: string; code: string }[],
): Promise<Map<string, RoleStatus>> => {
  const wanted = [...new Map(refs.map((r) => [`${r.taxonomy}/${r.code}`, r])).values()];
  const statuses = new Map<string, RoleStatus>();
  for (let i = 0; i < wanted.length; i += LOOKUP_CHUNK) {
    const chunk = wanted.slice(i, i + LOOKUP_CHUNK);
    const rows = await db
      .selectFrom('roles')
      .select(['taxonomy', 'code', 'status'])
      .where((eb) =>
        eb.or(chunk.map((r) => eb.and([eb('taxonomy', '=', r.taxonomy), eb('code', '=', r.code)]))),
      )
      .execute();
    for (const r of rows) statuses.set(`${r.taxonomy}/${r.code}`, r.status as RoleStatus);
  }
  return statuses;
};

/**
 * The roles whose related roles name the given one, each with the field that does.
 * The text match on the stored document only narrows the rows read; each is then checked.
 */
export const rolesReferring = async (
  db: Db,
  taxonomy: string,
  code: string,
): Promise<{ taxonomy: string; code: string; field: string }[]> => {
  const pattern = `%${JSON.stringify(code).replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .selectFrom('roles')
    .selectAll()
    .where(sql<boolean>`data like ${pattern} escape '\\'`)
    .execute();
  return rows.flatMap((row) => {
    const role = roleRowToRole(row);
    return role.relatedRoles.flatMap((r, i) =>
      r.taxonomy === taxonomy && r.code === code
        ? [{ taxonomy: role.taxonomy, code: role.code, field: `relatedRoles.${i}` }]
        : [],
    );
  });
};
