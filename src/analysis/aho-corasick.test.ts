import { describe, expect, it } from 'vitest';
import { pick, seededRandom } from '../../bench/normalize/random.js';
import { buildAutomaton, step, tableBytes } from './aho-corasick.js';
import { charTables, foldText, SPACE_KIND, WORD } from './text-chars.js';

/** Runs the automaton over text and lists [pattern, end] for every raw match. */
const run = (
  patterns: string[],
  text: string,
  options: { denseSymbols?: number } = {},
): [string, number][] => {
  const a = buildAutomaton(patterns, options);
  const { kind } = charTables();
  const out: [string, number][] = [];
  let state = 0;
  let previous: number = SPACE_KIND;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const k = kind[c]!;
    if (k === SPACE_KIND && previous === SPACE_KIND) continue;
    const symbol = k === WORD && previous !== WORD ? a.symbolAtStart[c]! : a.symbolInside[c]!;
    previous = k;
    state = step(a, state, symbol);
    for (
      let t = a.firstOutput[state]! >= 0 ? state : a.outputLink[state]!;
      t >= 0;
      t = a.outputLink[t]!
    ) {
      for (let p = a.firstOutput[t]!; p >= 0; p = a.nextOutput[p]!) out.push([patterns[p]!, i + 1]);
    }
  }
  return out;
};

/**
 * What the automaton must find, the slow way: a pattern ends at a position when its characters,
 * folded, with runs of spaces as one and each word character marked as starting a word or not,
 * are the last ones read there.
 */
const naiveMatches = (patterns: string[], text: string): [string, number][] => {
  const { fold, kind } = charTables();
  const symbolsOf = (s: string) => {
    const out: { symbol: string; end: number }[] = [];
    let previous: number = SPACE_KIND;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const k = kind[c]!;
      if (k === SPACE_KIND && previous === SPACE_KIND) continue;
      const start = k === WORD && previous !== WORD ? '^' : '';
      out.push({ symbol: `${start}${String.fromCharCode(fold[c]!)}`, end: i + 1 });
      previous = k;
    }
    return out;
  };
  const read = symbolsOf(text);
  const out: [string, number][] = [];
  for (const pattern of patterns) {
    const wanted = symbolsOf(pattern).map((s) => s.symbol);
    for (let at = wanted.length; at <= read.length; at++) {
      const window = read.slice(at - wanted.length, at);
      if (window.every((s, i) => s.symbol === wanted[i])) out.push([pattern, window.at(-1)!.end]);
    }
  }
  return out;
};

const inReadingOrder = (matches: [string, number][]) =>
  [...matches].sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]));

/** Distinct CJK characters from U+4E00 on: an alphabet far wider than the dense columns. */
const cjk = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => String.fromCharCode(0x4e00 + from + i)).join('');

/** What a hostile write once sent as one term's aliases: 10,000 distinct characters. */
const cjkAliases = Array.from({ length: 50 }, (_, i) => cjk(i * 200, 200));

describe('buildAutomaton', () => {
  it('shares prefixes between patterns', () => {
    expect(buildAutomaton(['java', 'javascript']).states).toBe(11);
  });

  it('reports every pattern that ends at a position, shorter ones through output links', () => {
    expect(run(['ruby on rails', 'rails'], 'ruby on rails')).toEqual([
      ['ruby on rails', 13],
      ['rails', 13],
    ]);
  });

  it('never starts a pattern inside a word', () => {
    expect(run(['script', 'go'], 'javascript ago go')).toEqual([['go', 17]]);
  });

  it('starts a pattern that begins with punctuation anywhere', () => {
    expect(run(['.net'], 'asp.net')).toEqual([['.net', 7]]);
  });

  it('gives every symbol of an ordinary glossary a dense column', () => {
    const a = buildAutomaton(['java', 'javascript', 'c++', 'ruby on rails', 'node.js', 'café']);
    expect(a.rareSymbol).toHaveLength(0);
  });

  // A dense column for every rare character is what would make this slow; its size shows it.
  it('builds for 50 patterns of 200 distinct CJK characters in under 8 MB', () => {
    const a = buildAutomaton(cjkAliases);
    expect(a.states).toBe(10_001);
    expect(tableBytes(a)).toBeLessThan(8_000_000);
  });

  it('finds patterns written in characters too rare for a dense column', () => {
    const [, second] = cjkAliases;
    const text = `Hiring: ${second}, then ${second!.slice(0, 199)} and ${second}s`;
    expect(run(cjkAliases, text)).toEqual([
      [second, 'Hiring: '.length + 200],
      [second, text.length - 1],
    ]);
  });

  it.each([2, 8, 128])(
    'finds what a naive matcher finds, with %i dense symbols, on random patterns and texts',
    (denseSymbols) => {
      const random = seededRandom(denseSymbols);
      const letters = [...'abcdefghAB', ...cjk(0, 300)];
      const gap = () => pick(random, [' ', ' ', '  ', '.', '+', '-', ', ', '']);
      const some = <T>(count: number, make: () => T) => Array.from({ length: count }, make);
      const upTo = (n: number) => 1 + Math.floor(random() * n);
      for (let round = 0; round < 30; round++) {
        const words = some(80, () => some(upTo(3), () => pick(random, letters)).join(''));
        // Patterns of a few shared words overlap one another, so failure links matter.
        const patterns = some(60, () =>
          foldText(some(upTo(3), () => pick(random, words)).join(gap())),
        );
        const text = some(200, () => pick(random, words)).join(gap());
        expect(inReadingOrder(run(patterns, text, { denseSymbols }))).toEqual(
          inReadingOrder(naiveMatches(patterns, text)),
        );
      }
    },
  );
});
