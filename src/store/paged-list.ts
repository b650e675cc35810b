import { sql, type SelectQueryBuilder } from 'kysely';

/** One page of a list, and how many items the whole list holds. */
export interface PagedRows<Item> {
  items: Item[];
  total: number;
}

/**
 * One page of the rows a query finds, and how many it finds in all. The page and the count are
 * made from the same query, filters included, so the total always counts what the pages hold.
 * @example pagedList(db.selectFrom('users'), (q) => q.selectAll().orderBy('name'), page, toUser)
 */
export const pagedList = async <DB, TB extends keyof DB, From, Row, Item>(
  from: SelectQueryBuilder<DB, TB, From>,
  rows: (query: SelectQueryBuilder<DB, TB, From>) => SelectQueryBuilder<DB, TB, Row>,
  page: { limit: number; offset: number },
  item: (row: Row) => Item,
): Promise<PagedRows<Item>> => {
  const [found, count] = await Promise.all([
    rows(from).limit(page.limit).offset(page.offset).execute(),
    // Kysely cannot name the selection of a query generic over its tables; it is this one column.
    from
      .select(sql<number>`count(*)`.as('n'))
      .$castTo<{ n: number | string }>()
      .executeTakeFirstOrThrow(),
  ]);
  return { items: found.map(item), total: Number(count.n) };
};
