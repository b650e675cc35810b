/**
 * A logistic regression by plain gradient descent on the log loss with a little L2 (the bias, the
 * first input, left free): enough for a handful of weights. Weights rounded to two decimals.
 */
export const logistic = (examples: { x: number[]; y: number }[]): number[] => {
  const w = examples[0]!.x.map(() => 0);
  for (let step = 0; step < 20000; step++) {
    const grad = w.map(() => 0);
    for (const { x, y } of examples) {
      const p = 1 / (1 + Math.exp(-x.reduce((sum, xi, i) => sum + xi * w[i]!, 0)));
      for (let i = 0; i < w.length; i++) grad[i]! += (p - y) * x[i]!;
    }
    for (let i = 0; i < w.length; i++) {
      w[i]! -= 0.05 * (grad[i]! / examples.length + (i > 0 ? 0.01 * w[i]! : 0));
    }
  }
  return w.map((wi) => Math.round(wi * 100) / 100);
};
