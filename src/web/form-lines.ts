/*
 * The editor's list fields hold one item a line, or several on a line split at commas, and some
 * items have parts split at a character (`Title: text`). A stored value may hold that character,
 * a line break or spaces at its ends, so a backslash keeps the next character as it is: `\:` a
 * colon and `\,` a comma that do not split, `\n` a line break inside an item, `\ ` a space
 * trimming would drop, `\\` a backslash. Writing a value escapes only what reading
 * it would otherwise change, so plain values read as typed.
 */

/** A character of a form line; a literal one was escaped and never splits or trims. */
interface LineChar {
  char: string;
  /** The character as written in the line, escape included. */
  raw: string;
  literal: boolean;
}

const named: Readonly<Record<string, string>> = { n: '\n', r: '\r' };

// A backslash before anything else stays as typed, so `C:\Temp` needs no escaping.
const escapable = (next: string): boolean => /[\\nr:,(\s]/.test(next);

const readLine = (line: string): LineChar[] => {
  const chars: LineChar[] = [];
  for (let i = 0; i < line.length; i += 1) {
    const next = line[i + 1];
    if (line[i] === '\\' && next !== undefined && escapable(next)) {
      chars.push({ char: named[next] ?? next, raw: `\\${next}`, literal: true });
      i += 1;
    } else {
      chars.push({ char: line[i]!, raw: line[i]!, literal: false });
    }
  }
  return chars;
};

const isSpace = (c: LineChar): boolean => !c.literal && /\s/.test(c.char);

const trimmed = (chars: LineChar[]): LineChar[] => {
  let start = 0;
  let end = chars.length;
  while (start < end && isSpace(chars[start]!)) start += 1;
  while (end > start && isSpace(chars[end - 1]!)) end -= 1;
  return chars.slice(start, end);
};

const valueOf = (chars: LineChar[]): string => chars.map((c) => c.char).join('');

const rawOf = (chars: LineChar[]): string => chars.map((c) => c.raw).join('');

const separatorAt = (chars: LineChar[], index: number, separator: string): boolean =>
  !chars[index]!.literal && chars[index]!.char === separator;

/** The non-blank lines of a textarea; a browser sends its line breaks as CRLF. */
export const formLines = (value: string): string[] =>
  value.split(/\r?\n/).filter((line) => line.trim() !== '');

/** A line as one value: escapes read, unescaped spaces at its ends dropped. */
export const readItem = (line: string): string => valueOf(trimmed(readLine(line)));

/**
 * A value as a line that `readItem` reads back unchanged; `alsoEscape` lists the characters a
 * field splits at.
 * @example writeItem('Ratio 3:1', ':') // 'Ratio 3\\:1'
 */
export const writeItem = (value: string, alsoEscape = ''): string => {
  const lead = /^\s*/.exec(value)![0].length;
  const tail = value.length - /\s*$/.exec(value)![0].length;
  return value
    .split('')
    .map((char, index) => {
      if (char === '\\') return '\\\\';
      if (char === '\n') return '\\n';
      if (char === '\r') return '\\r';
      if (index < lead || index >= Math.max(tail, lead)) return `\\${char}`;
      return alsoEscape.includes(char) ? `\\${char}` : char;
    })
    .join('');
};

/**
 * A line split at its first unescaped `separator`, each part read as a value; the second part
 * is empty when there is no separator.
 */
export const splitFirst = (line: string, separator: string): [string, string] => {
  const chars = readLine(line);
  const index = chars.findIndex((_, i) => separatorAt(chars, i, separator));
  if (index < 0) return [valueOf(trimmed(chars)), ''];
  return [valueOf(trimmed(chars.slice(0, index))), valueOf(trimmed(chars.slice(index + 1)))];
};

/**
 * A line split at every unescaped `separator`, each part read as a value; parts with nothing in
 * them, as between two separators, are dropped.
 * @example splitAll('CI\\, CD, CT', ',') // ['CI, CD', 'CT']
 */
export const splitAll = (line: string, separator: string): string[] => {
  const parts: LineChar[][] = [[]];
  for (const c of readLine(line)) {
    if (!c.literal && c.char === separator) parts.push([]);
    else parts.at(-1)!.push(c);
  }
  return parts.map((part) => valueOf(trimmed(part))).filter((value) => value !== '');
};

/**
 * A line split at the last unescaped `separator` whose rest, as written, `accepts`: the value
 * before it and that rest; undefined when there is none.
 */
export const splitLastBefore = (
  line: string,
  separator: string,
  accepts: (rest: string) => boolean,
): [string, string] | undefined => {
  const chars = readLine(line);
  for (let index = chars.length - 1; index >= 0; index -= 1) {
    if (!separatorAt(chars, index, separator)) continue;
    const rest = rawOf(trimmed(chars.slice(index + 1)));
    if (accepts(rest)) return [valueOf(trimmed(chars.slice(0, index))), rest];
  }
  return undefined;
};

/**
 * A line that ends in an unescaped `(word)`: the value before it and the word; undefined when
 * it does not end so or the word is not one of `words` (any case).
 */
export const splitTrailingWord = <Word extends string>(
  line: string,
  words: readonly Word[],
): [string, Word] | undefined => {
  const chars = trimmed(readLine(line));
  if (chars.length === 0 || !separatorAt(chars, chars.length - 1, ')')) return undefined;
  for (let open = chars.length - 2; open >= 0; open -= 1) {
    if (chars[open]!.literal) return undefined;
    if (chars[open]!.char !== '(') continue;
    const spelled = valueOf(chars.slice(open + 1, -1)).toLowerCase();
    const word = words.find((w) => w === spelled);
    return word === undefined ? undefined : [valueOf(trimmed(chars.slice(0, open))), word];
  }
  return undefined;
};
