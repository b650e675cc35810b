import { charTables, SPACE_KIND, WORD } from './text-chars.js';

/**
 * An Aho-Corasick automaton over folded text. A word character that starts a word is a
 * different symbol from the same character inside a word, so a pattern can only begin where
 * the text begins a word: "java" never starts inside "rejava", and no match is ever found
 * and thrown away for starting mid-word.
 *
 * Layout. A complete transition table costs a column per symbol for every state, so an
 * alphabet of thousands of characters (a glossary with CJK aliases) would cost gigabytes.
 * Only the `denseWidth` most used symbols get a column of `delta`, complete, so text written
 * in them never follows a failure link; every other symbol is "rare" and keeps only its trie
 * edges (`rareStart` / `rareSymbol` / `rareTarget`), which the scan completes by walking
 * failure links. Memory is therefore linear in the patterns' total length whatever their
 * alphabet, and a scan stays linear in the text: each failure step loses depth that an
 * earlier character gained.
 *
 * Invariants: symbols are numbered by how often the patterns use them, UNKNOWN and the space
 * first, so `symbol < denseWidth` tells a dense symbol; a symbol no pattern uses is UNKNOWN and
 * always leads back to the root; a state's rare edges are sorted by symbol, for a binary
 * search; every failure chain ends at the root, state 0.
 */
export interface Automaton {
  /** Symbols with a column in `delta`: UNKNOWN, the space and the most used characters. */
  denseWidth: number;
  /** Next state for (state × denseWidth + symbol) of a dense symbol; complete. */
  delta: Int32Array;
  /** Symbol of each UTF-16 code unit inside a word (or outside, for punctuation). */
  symbolInside: Int32Array;
  /** Symbol of each UTF-16 code unit at the start of a word. */
  symbolAtStart: Int32Array;
  /** Symbol of a run of spaces. */
  spaceSymbol: number;
  /** Longest proper suffix of each state's path that is also a path of the trie. */
  fail: Int32Array;
  /** Trie edges on rare symbols: state s owns entries rareStart[s] to rareStart[s + 1]. */
  rareStart: Int32Array;
  rareSymbol: Int32Array;
  rareTarget: Int32Array;
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
const SPACE_SYMBOL = 1;
/** No child: the root, state 0, is nobody's child, so zeroed tables start with no edges. */
const NONE = 0;
/**
 * Columns of the complete table. The built-in glossary uses about 80 symbols (Latin letters at
 * and inside a word, digits, punctuation, a few accented letters), all dense; 128 columns cost
 * 512 bytes a state.
 */
const DENSE_SYMBOLS = 128;

/**
 * The patterns as symbols, one after another in `encoded` (pattern i from offsets[i] to
 * offsets[i + 1]), numbered most used first; a character no pattern uses is UNKNOWN. Ties keep
 * the order of first use, so a glossary always gets the same automaton.
 */
const encode = (patterns: readonly string[]) => {
  const { fold, kind } = charTables();
  const offsets = new Int32Array(patterns.length + 1);
  patterns.forEach((p, i) => (offsets[i + 1] = offsets[i]! + p.length));
  const encoded = new Int32Array(offsets[patterns.length]!);
  // Provisional symbols of each folded character, in order of first use; UNKNOWN until used.
  const inside = new Int32Array(0x10000);
  const atStart = new Int32Array(0x10000);
  const uses = [0, 0];
  let at = 0;
  for (const p of patterns) {
    let previousWord = false;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      const k = kind[c];
      let symbol = SPACE_SYMBOL;
      if (k !== SPACE_KIND) {
        // The scan's rule: a word character after anything but a word character starts a word.
        const provisional = k === WORD && !previousWord ? atStart : inside;
        if (provisional[c] === UNKNOWN) provisional[c] = uses.push(0) - 1;
        symbol = provisional[c]!;
      }
      uses[symbol]!++;
      encoded[at++] = symbol;
      previousWord = k === WORD;
    }
  }
  const final = new Int32Array(uses.length);
  final[SPACE_SYMBOL] = SPACE_SYMBOL;
  uses
    .map((_, provisional) => provisional)
    .slice(SPACE_SYMBOL + 1)
    .sort((x, y) => uses[y]! - uses[x]! || x - y)
    .forEach((provisional, rank) => (final[provisional] = SPACE_SYMBOL + 1 + rank));
  for (let i = 0; i < encoded.length; i++) encoded[i] = final[encoded[i]!]!;

  const symbolInside = new Int32Array(0x10000);
  const symbolAtStart = new Int32Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    if (kind[code] === SPACE_KIND) {
      symbolInside[code] = SPACE_SYMBOL;
      symbolAtStart[code] = SPACE_SYMBOL;
      continue;
    }
    const f = fold[code]!;
    symbolInside[code] = final[inside[f]!]!;
    symbolAtStart[code] = final[atStart[f] || inside[f]!]!;
  }
  return { symbols: uses.length, encoded, offsets, symbolInside, symbolAtStart };
};

/** The state a rare symbol leads to from `state`: its trie edge, else its failure chain's. */
export const rareStep = (a: Automaton, state: number, symbol: number): number => {
  const { rareStart, rareSymbol, rareTarget, fail } = a;
  for (let s = state; ; s = fail[s]!) {
    let low = rareStart[s]!;
    let high = rareStart[s + 1]! - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const found = rareSymbol[mid]!;
      if (found === symbol) return rareTarget[mid]!;
      if (found < symbol) low = mid + 1;
      else high = mid - 1;
    }
    if (s === 0) return 0;
  }
};

/**
 * The state after reading one symbol.
 * @example step(a, 0, a.symbolAtStart['j'.charCodeAt(0)])
 */
export const step = (a: Automaton, state: number, symbol: number): number =>
  symbol < a.denseWidth ? a.delta[state * a.denseWidth + symbol]! : rareStep(a, state, symbol);

/** Bytes held by the automaton's tables. */
export const tableBytes = (a: Automaton): number =>
  [
    a.delta,
    a.symbolInside,
    a.symbolAtStart,
    a.fail,
    a.rareStart,
    a.rareSymbol,
    a.rareTarget,
    a.firstOutput,
    a.nextOutput,
    a.outputLink,
    a.lengths,
  ].reduce((sum, table) => sum + table.byteLength, 0);

/**
 * The trie of the encoded patterns: each state's children as a list of siblings, states in
 * order of creation, and the state where each pattern ends.
 */
const trie = (encoded: Int32Array, offsets: Int32Array) => {
  const firstChild = new Int32Array(encoded.length + 1);
  const nextSibling = new Int32Array(encoded.length + 1);
  const label = new Int32Array(encoded.length + 1);
  const ends = new Int32Array(offsets.length - 1);
  let states = 1;
  for (let id = 0; id < ends.length; id++) {
    let state = 0;
    for (let i = offsets[id]!; i < offsets[id + 1]!; i++) {
      const symbol = encoded[i]!;
      let child = firstChild[state]!;
      while (child !== NONE && label[child] !== symbol) child = nextSibling[child]!;
      if (child === NONE) {
        child = states++;
        label[child] = symbol;
        nextSibling[child] = firstChild[state]!;
        firstChild[state] = child;
      }
      state = child;
    }
    ends[id] = state;
  }
  return { states, firstChild, nextSibling, label, ends };
};

/**
 * Builds the automaton for folded patterns (see `foldText`); pattern i is reported as i.
 * `denseSymbols` caps the columns of the complete table (at least the UNKNOWN and space
 * symbols): fewer trade scanning speed for memory.
 * @example buildAutomaton(['java', 'javascript']).states // 11
 */
export const buildAutomaton = (
  patterns: readonly string[],
  options: { denseSymbols?: number } = {},
): Automaton => {
  const { symbols, encoded, offsets, symbolInside, symbolAtStart } = encode(patterns);
  const { states, firstChild, nextSibling, label, ends } = trie(encoded, offsets);
  const cap = Math.max(SPACE_SYMBOL + 1, options.denseSymbols ?? DENSE_SYMBOLS);
  const denseWidth = Math.min(symbols, cap);

  const delta = new Int32Array(states * denseWidth);
  const rareStart = new Int32Array(states + 1);
  const rareChildren: number[] = [];
  for (let state = 0; state < states; state++) {
    rareStart[state] = rareChildren.length;
    for (let child = firstChild[state]!; child !== NONE; child = nextSibling[child]!) {
      const symbol = label[child]!;
      if (symbol < denseWidth) delta[state * denseWidth + symbol] = child;
      else rareChildren.push(child);
    }
    if (rareChildren.length - rareStart[state]! > 1) {
      const mine = rareChildren.splice(rareStart[state]!).sort((x, y) => label[x]! - label[y]!);
      for (const child of mine) rareChildren.push(child);
    }
  }
  rareStart[states] = rareChildren.length;

  // Patterns ending at one state are reported in order: the lowest id first.
  const firstOutput = new Int32Array(states).fill(-1);
  const nextOutput = new Int32Array(patterns.length).fill(-1);
  for (let id = patterns.length - 1; id >= 0; id--) {
    nextOutput[id] = firstOutput[ends[id]!]!;
    firstOutput[ends[id]!] = id;
  }

  const automaton: Automaton = {
    denseWidth,
    delta,
    symbolInside,
    symbolAtStart,
    spaceSymbol: SPACE_SYMBOL,
    fail: new Int32Array(states),
    rareStart,
    rareSymbol: Int32Array.from(rareChildren, (child) => label[child]!),
    rareTarget: Int32Array.from(rareChildren),
    firstOutput,
    nextOutput,
    outputLink: new Int32Array(states).fill(-1),
    lengths: Int32Array.from(patterns, (p) => p.length),
    states,
  };
  completeInBreadthOrder(automaton);
  return automaton;
};

/**
 * Sets failure and output links, breadth first so a state's links are known before its
 * children's, and fills each state's missing dense transitions from its failure state's.
 */
const completeInBreadthOrder = (a: Automaton): void => {
  const { delta, denseWidth: width, fail, outputLink, firstOutput } = a;
  const { rareStart, rareSymbol, rareTarget } = a;
  const queue = new Int32Array(a.states);
  let head = 0;
  let tail = 0;
  for (let sym = 0; sym < width; sym++) {
    const v = delta[sym]!;
    if (v !== NONE) queue[tail++] = v;
  }
  for (let e = rareStart[0]!; e < rareStart[1]!; e++) queue[tail++] = rareTarget[e]!;
  const link = (v: number, viaFail: number) => {
    fail[v] = viaFail;
    outputLink[v] = firstOutput[viaFail]! >= 0 ? viaFail : outputLink[viaFail]!;
    queue[tail++] = v;
  };
  while (head < tail) {
    const u = queue[head++]!;
    const fu = fail[u]!;
    for (let sym = 0; sym < width; sym++) {
      const v = delta[u * width + sym]!;
      const viaFail = delta[fu * width + sym]!;
      if (v === NONE) delta[u * width + sym] = viaFail;
      else link(v, viaFail);
    }
    for (let e = rareStart[u]!; e < rareStart[u + 1]!; e++) {
      link(rareTarget[e]!, rareStep(a, fu, rareSymbol[e]!));
    }
  }
};
