export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface PageRequest {
  limit?: number | undefined;
  offset?: number | undefined;
}

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;

export const pageOf = (request: PageRequest): { limit: number; offset: number } => ({
  limit: Math.min(Math.max(request.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE),
  offset: Math.max(request.offset ?? 0, 0),
});

/**
 * Every item of a paged list, fetched a page at a time, for a caller that shows the whole list
 * (the command line, the admins' page): the list endpoints page, these callers never did.
 */
export const everyItem = async <T>(list: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> => {
  const items: T[] = [];
  for (;;) {
    const page = await list({ limit: MAX_PAGE_SIZE, offset: items.length });
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
};
