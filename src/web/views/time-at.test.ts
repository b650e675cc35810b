import { describe, expect, it } from 'vitest';
import { timeAt } from './time-at.js';

describe('a stored time on a page', () => {
  it('reads as day, month, year and minute in UTC', () => {
    expect(String(timeAt('2026-01-02T23:59:59.999Z'))).toBe(
      '<time datetime="2026-01-02T23:59:59.999Z">2 Jan 2026, 23:59 UTC</time>',
    );
  });

  it('shows a value that is not a time as it is rather than failing the page', () => {
    expect(String(timeAt('yesterday'))).toBe('<time datetime="yesterday">yesterday</time>');
  });
});
