import { describe, expect, it } from 'vitest';
import { insideAnySpan } from './span-cover.js';

const span = (start: number, end: number) => ({ start, end });

describe('insideAnySpan', () => {
  it('finds a span held by one of the spans, whatever their order', () => {
    const inside = insideAnySpan([span(20, 30), span(0, 10)]);
    expect(inside(span(2, 5))).toBe(true);
    expect(inside(span(20, 30))).toBe(true);
  });

  it('refuses a span that only overlaps one', () => {
    expect(insideAnySpan([span(0, 10)])(span(5, 12))).toBe(false);
  });

  it('refuses a span that two neighbouring spans cover only together', () => {
    expect(insideAnySpan([span(0, 10), span(10, 20)])(span(5, 15))).toBe(false);
  });

  it('finds a span held by a long span that starts before a shorter one', () => {
    expect(insideAnySpan([span(0, 50), span(10, 12)])(span(20, 30))).toBe(true);
  });

  it('refuses every span when there are none', () => {
    expect(insideAnySpan([])(span(0, 1))).toBe(false);
  });
});
