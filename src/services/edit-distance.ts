/**
 * Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`, or
 * `limit + 1` as soon as it is clear there are more than `limit`. Only a band of `limit`
 * cells either side of the diagonal can stay within the limit, so only that band is computed.
 * @example editsWithin('kubernets', 'kubernetes', 2) // 1
 */
export const editsWithin = (a: string, b: string, limit: number): number => {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const over = limit + 1;
  const width = b.length + 1;
  // Three rows: two back (for swaps), the previous one and the current one.
  let before = new Int32Array(width).fill(over);
  let previous = new Int32Array(width);
  let current = new Int32Array(width);
  for (let j = 0; j < width; j++) previous[j] = Math.min(j, over);
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current.fill(over);
    current[0] = Math.min(i, over);
    let rowBest = current[0];
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, before[j - 2]! + 1);
      }
      current[j] = Math.min(d, over);
      rowBest = Math.min(rowBest, d);
    }
    if (rowBest > limit) return over;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length]!, over);
};
