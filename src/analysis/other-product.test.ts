import { describe, expect, it } from 'vitest';
import { withoutOtherProducts } from './other-product.js';

/** Whether the one mention `written` in `text` survives. */
const kept = (text: string, written: string) => {
  const start = text.indexOf(written);
  return withoutOtherProducts(text, [{ start, end: start + written.length }]).length === 1;
};

describe('withoutOtherProducts', () => {
  it('drops a name that opens a longer name ending in Studio or Query', () => {
    expect(kept('Charts in Looker Studio.', 'Looker')).toBe(false);
    expect(kept('State in React Query.', 'React')).toBe(false);
  });

  it('keeps a name before a word in small letters or at the end of a line', () => {
    expect(kept('A React query hook.', 'React')).toBe(true);
    expect(kept('Built in React\nQuery tuning too.', 'React')).toBe(true);
  });

  it('keeps an abbreviation, which is no product name of its own: SQL Query', () => {
    expect(kept('Tune each SQL Query.', 'SQL')).toBe(true);
  });

  it('keeps a name before a longer word that only begins alike: React Queries', () => {
    expect(kept('Reading React Queries.', 'React')).toBe(true);
  });
});
