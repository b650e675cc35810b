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
