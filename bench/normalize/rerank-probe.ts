import { TitleIndex, type TitleMatchResult } from '../../src/matching/index.js';
import { makeNoisy } from './noise.js';
import type { Split } from './onet-titles.js';

/**
 * Runs the held-out titles of a split, clean and noisy, through the engine and through a
 * re-ranking of its answers from outside it, and prints accuracy@1 and @5 of both: how the
 * probes of new ranking evidence try an idea before it is built into the engine.
 */
export const probeReranking = (
  split: Split,
  label: string,
  rerank: (index: TitleIndex, result: TitleMatchResult) => readonly string[],
  top = 10,
): void => {
  const index = TitleIndex.build(split.sources);
  const clean = split.queries.map((q) => q.title);
  for (const [mode, titles] of [
    ['clean', clean],
    ['noisy', makeNoisy(clean, 8)],
  ] as const) {
    const hits = { base1: 0, base5: 0, probe1: 0, probe5: 0 };
    titles.forEach((title, i) => {
      const expected = split.queries[i]!.codes;
      const result = index.match(title, { top, minScore: 0 });
      const base = result.matches.map((m) => m.code);
      const probed = rerank(index, result);
      if (expected.has(base[0] ?? '')) hits.base1++;
      if (base.slice(0, 5).some((code) => expected.has(code))) hits.base5++;
      if (expected.has(probed[0] ?? '')) hits.probe1++;
      if (probed.slice(0, 5).some((code) => expected.has(code))) hits.probe5++;
    });
    const p = (n: number) => ((100 * n) / titles.length).toFixed(1);
    console.log(
      `${mode} base @1 ${p(hits.base1)} @5 ${p(hits.base5)} | ${label} @1 ${p(hits.probe1)} @5 ${p(hits.probe5)}`,
    );
  }
};
