interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Whether a span lies wholly inside any of the given spans, answered in logarithmic time: a text
 * that repeats one term has as many spans as words, and asking each word against every span grew
 * with the square of the text.
 * @example insideAnySpan([{ start: 0, end: 10 }])({ start: 2, end: 5 }) // true
 */
export const insideAnySpan = (spans: readonly Span[]): ((s: Span) => boolean) => {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const starts = sorted.map((s) => s.start);
  // The furthest end of the spans starting at or before each one: some span holds [start, end)
  // exactly when the furthest end among those starting no later than `start` reaches `end`.
  const reach: number[] = [];
  for (const s of sorted) reach.push(Math.max(reach.at(-1) ?? -Infinity, s.end));
  return ({ start, end }) => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (starts[middle]! <= start) low = middle + 1;
      else high = middle;
    }
    return low > 0 && reach[low - 1]! >= end;
  };
};
