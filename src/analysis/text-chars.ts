/** How the scanner sees one UTF-16 code unit: punctuation and symbols, a word character, a space. */
export const OTHER = 0;
export const WORD = 1;
export const SPACE_KIND = 2;
export type CharKind = typeof OTHER | typeof WORD | typeof SPACE_KIND;

export interface CharTables {
  /** Lower-cased, accent-free, one code unit for one code unit, so offsets never shift. */
  fold: Uint16Array;
  kind: Uint8Array;
}

const SIZE = 0x10000;
const SPACE = 0x20;

/** Dashes join words as often as spaces separate them ("full-stack", "full stack"). */
const spaceLike = new Set([0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212]);
const apostrophes = new Set([0x2018, 0x2019, 0x201b, 0x2032]);
const quotes = new Set([0x201c, 0x201d, 0x201e, 0x2033]);

const isWordChar = /^[\p{L}\p{N}\p{M}_]$/u;
const isSpaceChar = /^\s$/u;

const foldOne = (code: number): number => {
  if (spaceLike.has(code)) return SPACE;
  if (apostrophes.has(code)) return 0x27;
  if (quotes.has(code)) return 0x22;
  const char = String.fromCharCode(code);
  if (isSpaceChar.test(char)) return SPACE;
  const lower = char.toLowerCase();
  if (lower.length !== 1) return code;
  const base = lower.normalize('NFD');
  return base.length > 0 && /^.\p{M}*$/u.test(base) ? base.charCodeAt(0) : lower.charCodeAt(0);
};

const kindOf = (code: number, folded: number): CharKind => {
  if (folded === SPACE) return SPACE_KIND;
  // Lone surrogates are emoji halves more often than letters in job posts.
  if (code >= 0xd800 && code <= 0xdfff) return OTHER;
  return isWordChar.test(String.fromCharCode(code)) ? WORD : OTHER;
};

let tables: CharTables | undefined;

/** Tables for every code unit, built once per process (a few milliseconds). */
export const charTables = (): CharTables => {
  if (tables) return tables;
  const fold = new Uint16Array(SIZE);
  const kind = new Uint8Array(SIZE);
  for (let code = 0; code < SIZE; code++) {
    const folded = code < 0x80 ? asciiFold(code) : foldOne(code);
    fold[code] = folded;
    kind[code] = code < 0x80 ? asciiKind(code) : kindOf(code, folded);
  }
  tables = { fold, kind };
  return tables;
};

const asciiFold = (code: number): number => {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code === 0x2d || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0b)
    return SPACE;
  if (code === 0x0c) return SPACE;
  return code;
};

const asciiKind = (code: number): CharKind => {
  const folded = asciiFold(code);
  if (folded === SPACE) return SPACE_KIND;
  const isAlnum =
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f;
  return isAlnum ? WORD : OTHER;
};

/** Folds a whole string the way the scanner folds text, collapsing runs of spaces. */
export const foldText = (text: string): string => {
  const { fold } = charTables();
  let out = '';
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    const f = fold[text.charCodeAt(i)]!;
    if (f === SPACE) {
      if (!lastSpace) out += ' ';
      lastSpace = true;
    } else {
      out += String.fromCharCode(f);
      lastSpace = false;
    }
  }
  return out.trimEnd();
};
