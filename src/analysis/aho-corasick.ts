import { charTables, SPACE_KIND, WORD } from './text-chars.js';

/**
 * A dense Aho-Corasick automaton over folded text. A word character that starts a word is a
 * different symbol from the same character inside a word, so a pattern can only begin where
 * the text begins a word: "java" never starts inside "rejava", and no match is ever found
 * and thrown away for starting mid-word.
 */
export interface Automaton {
  /** Columns per state in `delta`. */
  width: number;
  /** Next state for (state × width + column); complete, so the scan never follows failure links. */
  delta: Int32Array;
  /** Column of each UTF-16 code unit inside a word (or outside, for punctuation). */
  columnInside: Uint16Array;
  /** Column of each UTF-16 code unit at the start of a word. */
  columnAtStart: Uint16Array;
  /** Column of a run of spaces. */
  spaceColumn: number;
  /** First pattern ending exactly at each state, or -1; more follow through `nextOutput`. */
  firstOutput: Int32Array;
  nextOutput: Int32Array;
  /** Nearest state down the failure chain that ends a pattern, or -1. */
  outputLink: Int32Array;
  /** Length of each pattern in symbols (runs of spaces count once). */
  lengths: Int32Array;
  states: number;
}

const UNKNOWN = 0;
const SPACE_COLUMN = 1;

/** Column numbers for the characters the patterns use; everything else is UNKNOWN. */
const alphabet = (patterns: readonly string[]) => {
  const { fold, kind } = charTables();
  const inside = new Map<number, number>();
  const atStart = new Map<number, number>();
  let width = 2;
  for (const p of patterns) {
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (kind[c] === SPACE_KIND || inside.has(c)) continue;
      inside.set(c, width++);
      if (kind[c] === WORD) atStart.set(c, width++);
    }
  }
  const columnInside = new Uint16Array(0x10000);
  const columnAtStart = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    const f = fold[code]!;
    if (kind[code] === SPACE_KIND) {
      columnInside[code] = SPACE_COLUMN;
      columnAtStart[code] = SPACE_COLUMN;
      continue;
    }
    columnInside[code] = inside.get(f) ?? UNKNOWN;
    columnAtStart[code] = atStart.get(f) ?? inside.get(f) ?? UNKNOWN;
  }
  return { width, columnInside, columnAtStart };
};

/** The symbols of one folded pattern, with the same word-start rule the scan applies. */
const symbols = (
  pattern: string,
  columnInside: Uint16Array,
  columnAtStart: Uint16Array,
): number[] => {
  const { kind } = charTables();
  const out: number[] = [];
  let previousWord = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    const k = kind[c];
    out.push(k === WORD && !previousWord ? columnAtStart[c]! : columnInside[c]!);
    previousWord = k === WORD;
  }
  return out;
};

/**
 * Builds the automaton for folded patterns (see `foldText`); pattern i is reported as i.
 * @example buildAutomaton(['java', 'javascript']).states // 11
 */
export const buildAutomaton = (patterns: readonly string[]): Automaton => {
  const { width, columnInside, columnAtStart } = alphabet(patterns);
  const encoded = patterns.map((p) => symbols(p, columnInside, columnAtStart));
  // The trie first, with sparse children, then the dense table sized to it.
  const children = [new Map<number, number>()];
  const terminal: number[][] = [[]];
  encoded.forEach((syms, id) => {
    let state = 0;
    for (const sym of syms) {
      let next = children[state]!.get(sym);
      if (next === undefined) {
        next = children.length;
        children.push(new Map<number, number>());
        terminal.push([]);
        children[state]!.set(sym, next);
      }
      state = next;
    }
    terminal[state]!.push(id);
  });
  const states = children.length;
  const delta = new Int32Array(states * width).fill(-1);
  children.forEach((map, state) => {
    for (const [sym, next] of map) delta[state * width + sym] = next;
  });

  const firstOutput = new Int32Array(states).fill(-1);
  const nextOutput = new Int32Array(patterns.length).fill(-1);
  terminal.forEach((ids, state) => {
    for (let i = ids.length - 1; i >= 0; i--) {
      nextOutput[ids[i]!] = firstOutput[state]!;
      firstOutput[state] = ids[i]!;
    }
  });

  const fail = new Int32Array(states);
  const outputLink = new Int32Array(states).fill(-1);
  const queue = new Int32Array(states);
  let head = 0;
  let tail = 0;
  for (let col = 0; col < width; col++) {
    const v = delta[col]!;
    if (v < 0) delta[col] = 0;
    else queue[tail++] = v;
  }
  while (head < tail) {
    const u = queue[head++]!;
    const fu = fail[u]!;
    for (let col = 0; col < width; col++) {
      const v = delta[u * width + col]!;
      const viaFail = delta[fu * width + col]!;
      if (v < 0) {
        delta[u * width + col] = viaFail;
        continue;
      }
      fail[v] = viaFail;
      outputLink[v] = firstOutput[viaFail]! >= 0 ? viaFail : outputLink[viaFail]!;
      queue[tail++] = v;
    }
  }

  return {
    width,
    delta,
    columnInside,
    columnAtStart,
    spaceColumn: SPACE_COLUMN,
    firstOutput,
    nextOutput,
    outputLink,
    lengths: Int32Array.from(encoded, (s) => s.length),
    states,
  };
};
