import type { TitleSource } from '../../../src/matching/index.js';
import type { TitleRow } from '../onet-titles.js';

/** What the benchmark needs from each contender: build once, then answer one title at a time. */
export interface BenchTool {
  readonly name: string;
  /** Queries per mode; undefined means all of them (slow tools run on a subsample). */
  readonly sample?: number;
  build(input: { rows: TitleRow[]; sources: TitleSource[] }): Promise<void>;
  /** Occupation codes, best first, at most `top`, no repeats. */
  query(title: string, top: number): Promise<string[]> | string[];
  close(): Promise<void>;
}

/** Turns ranked title hits into ranked distinct codes. */
export const distinctCodes = (codes: Iterable<string>, top: number): string[] => {
  const out: string[] = [];
  for (const code of codes) {
    if (!out.includes(code)) out.push(code);
    if (out.length === top) break;
  }
  return out;
};

/** Plain words of a title, for the tools that take a word query. */
export const plainWords = (title: string): string[] =>
  title
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
