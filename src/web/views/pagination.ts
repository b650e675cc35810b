import { html, type SafeHtml } from '../../guides/index.js';

export type PageSlot = number | 'gap';

/**
 * The page numbers to offer: the first, the last, and a window around the current page, with
 * gaps where pages are skipped.
 * @example pageWindow(10, 20) → [1, 'gap', 8, 9, 10, 11, 12, 'gap', 20]
 */
export const pageWindow = (page: number, pageCount: number, radius = 2): PageSlot[] => {
  const slots: PageSlot[] = [];
  for (let p = 1; p <= pageCount; p += 1) {
    if (p === 1 || p === pageCount || Math.abs(p - page) <= radius) slots.push(p);
    else if (slots.at(-1) !== 'gap') slots.push('gap');
  }
  return slots;
};

/** Previous / numbered / next links; nothing when everything fits on one page. */
export const paginationNav = (
  page: number,
  pageCount: number,
  hrefFor: (page: number) => string,
): SafeHtml | false =>
  pageCount > 1 &&
  html`<nav class="pagination" aria-label="Pages">
    <ul>
      ${page > 1 && html`<li><a href="${hrefFor(page - 1)}" rel="prev">Previous</a></li>`}
      ${pageWindow(page, pageCount).map((slot) =>
        slot === 'gap'
          ? html`<li><span aria-hidden="true">…</span></li>`
          : slot === page
            ? html`<li>
                <a href="${hrefFor(slot)}" aria-current="page"
                  ><span class="visually-hidden">Page </span>${slot}</a
                >
              </li>`
            : html`<li>
                <a href="${hrefFor(slot)}"><span class="visually-hidden">Page </span>${slot}</a>
              </li>`,
      )}
      ${page < pageCount && html`<li><a href="${hrefFor(page + 1)}" rel="next">Next</a></li>`}
    </ul>
  </nav>`;
