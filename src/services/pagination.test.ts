import { describe, expect, it } from 'vitest';
import { everyItem, pageOf, type Page, type PageRequest } from './pagination.js';

/** A list of `count` numbers served the way a list endpoint serves them. */
const listOf = (count: number) => {
  const all = Array.from({ length: count }, (_, i) => i);
  const asked: PageRequest[] = [];
  const list = (request: PageRequest): Promise<Page<number>> => {
    asked.push(request);
    const page = pageOf(request);
    return Promise.resolve({
      items: all.slice(page.offset, page.offset + page.limit),
      total: all.length,
      ...page,
    });
  };
  return { list, asked };
};

describe('everyItem', () => {
  it('gathers a list longer than the largest page, a page at a time', async () => {
    const { list, asked } = listOf(1_201);
    const items = await everyItem(list);
    expect(items).toEqual(Array.from({ length: 1_201 }, (_, i) => i));
    expect(asked.map((r) => r.offset)).toEqual([0, 500, 1_000]);
  });

  it('asks once for an empty list', async () => {
    const { list, asked } = listOf(0);
    expect(await everyItem(list)).toEqual([]);
    expect(asked).toHaveLength(1);
  });
});
