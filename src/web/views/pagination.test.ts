import { describe, expect, it } from 'vitest';
import { pageWindow, paginationNav } from './pagination.js';
import { flat } from './views.fixture.js';

describe('pageWindow', () => {
  it('shows every page when there are few', () => {
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it('keeps the first, the last and the pages around the current one', () => {
    expect(pageWindow(10, 20)).toEqual([1, 'gap', 8, 9, 10, 11, 12, 'gap', 20]);
  });

  it('has no gap at the start when the current page is near it', () => {
    expect(pageWindow(2, 20)).toEqual([1, 2, 3, 4, 'gap', 20]);
  });
});

describe('paginationNav', () => {
  const href = (page: number) => `/roles?page=${page}`;

  it('renders nothing for a single page', () => {
    expect(paginationNav(1, 1, href)).toBe(false);
  });

  it('links the previous and next pages and marks the current one', () => {
    const nav = String(paginationNav(3, 5, href));
    expect(flat(nav)).toContain(flat('<a href="/roles?page=2" rel="prev">Previous</a>'));
    expect(flat(nav)).toContain(flat('<a href="/roles?page=4" rel="next">Next</a>'));
    expect(flat(nav)).toContain(flat('<a href="/roles?page=3" aria-current="page">'));
  });

  it('has no previous link on the first page and no next link on the last', () => {
    expect(String(paginationNav(1, 3, href))).not.toContain('rel="prev"');
    expect(String(paginationNav(3, 3, href))).not.toContain('rel="next"');
  });
});
