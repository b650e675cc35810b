import { describe, expect, it } from 'vitest';
import { buildAutomaton } from './aho-corasick.js';
import { charTables } from './text-chars.js';

/** Runs the automaton over folded text and lists [pattern, end] for every raw match. */
const run = (patterns: string[], text: string): [string, number][] => {
  const a = buildAutomaton(patterns);
  const { kind } = charTables();
  const out: [string, number][] = [];
  let state = 0;
  let previousWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const word = kind[c] === 1;
    const col = word && !previousWord ? a.columnAtStart[c]! : a.columnInside[c]!;
    previousWord = word;
    state = a.delta[state * a.width + col]!;
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
});
