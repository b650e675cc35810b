/**
 * The deepest nesting a JSON text a client sends may have (a body, a line of a stream). Our
 * documents go four levels down; a request nested thousands deep exists only to exhaust the
 * stack of whatever walks it next.
 */
export const MAX_JSON_DEPTH = 32;

/** What a scan of a JSON text finds before it is parsed. */
export interface JsonShape {
  /** How deep arrays and objects nest, counted only until it passes the scan's limit. */
  readonly depth: number;
  /** The first key an object gives twice, and the offset of its second use. */
  readonly repeatedKey?: { readonly key: string; readonly at: number };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The keys one object has given. Most objects have a handful, which a list checks faster than
 * a set is made; one with many moves to a set, so a body of a million keys stays linear.
 */
class ObjectKeys {
  private list: string[] | undefined = [];
  private set: Set<string> | undefined;

  /** Adds a key; false if the object had given it already. */
  add(key: string): boolean {
    if (this.list !== undefined) {
      if (this.list.includes(key)) return false;
      this.list.push(key);
      if (this.list.length > 16) {
        this.set = new Set(this.list);
        this.list = undefined;
      }
      return true;
    }
    const set = this.set!;
    if (set.has(key)) return false;
    set.add(key);
    return true;
  }
}

/**
 * Reads how a JSON text nests and whether an object repeats a key, without parsing it, and
 * stops as soon as the depth passes `limit`. A repeated key is refused rather than read
 * last-wins: two readers of the same body (a proxy, a log, this server) could otherwise each
 * see a different value (RFC 8259, 4). The text is assumed to be JSON; what the scan makes of
 * one that is not does not matter, because the parser refuses it.
 * @example readJsonShape('[[1], {"a": [2]}]', 32).depth === 3
 * @example readJsonShape('{"a": 1, "a": 2}', 32).repeatedKey?.key === 'a'
 */
export const readJsonShape = (text: string, limit: number): JsonShape => {
  // One entry per open array (undefined) or object (the keys it has given so far).
  const open: (ObjectKeys | undefined)[] = [];
  let deepest = 0;
  let expectingKey = false;
  let repeatedKey: JsonShape['repeatedKey'];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) i++;
        else if (d === QUOTE) break;
      }
      const keys = open.at(-1);
      if (expectingKey && keys !== undefined) {
        const raw = text.slice(start + 1, i);
        const key = raw.includes('\\') ? keyOf(text.slice(start, i + 1)) : raw;
        if (repeatedKey === undefined && !keys.add(key)) repeatedKey = { key, at: start };
      }
      expectingKey = false;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      open.push(c === 0x7b ? new ObjectKeys() : undefined);
      expectingKey = c === 0x7b;
      if (open.length > deepest && (deepest = open.length) > limit) return { depth: deepest };
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      open.pop();
      expectingKey = false;
    } else if (c === 0x2c /* , */) {
      expectingKey = open.at(-1) !== undefined;
    }
  }
  return { depth: deepest, ...(repeatedKey !== undefined && { repeatedKey }) };
};

/** A key written with escapes, as the object would hold it; as written if it is not JSON. */
const keyOf = (quoted: string): string => {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted;
  }
};

/** The line and column (both from 1) of an offset in a text, as an editor shows them. */
const placeOf = (text: string, at: number): { line: number; column: number } => ({
  line: text.slice(0, at).split('\n').length,
  column: at - text.lastIndexOf('\n', at - 1),
});

/**
 * The line and column (both from 1) of an offset in a text, in words.
 * @example lineAndColumn('{\n  "a": x}', 9) === 'line 2, column 8'
 */
export const lineAndColumn = (text: string, at: number): string => {
  const { line, column } = placeOf(text, at);
  return `line ${line}, column ${column}`;
};

interface JsonSyntaxProblem {
  /** The parser's reason, without the offset it gives only as a count of characters. */
  reason: string;
  line?: number;
  column?: number;
}

/**
 * Why and where JSON.parse refused a text, for a person to find the place in an editor: an
 * offset the parser gives becomes a line and column, and a text that ends too soon is at fault
 * where it ends. A reason the parser gives without an offset is given without a place.
 */
export const jsonSyntaxProblem = (text: string, error: Error): JsonSyntaxProblem => {
  const message = error.message;
  const position = /at position (\d+)/.exec(message);
  const reason = message.replace(/\s*in JSON at position \d+.*$/, '').replace(/\.$/, '');
  const at = position
    ? Number(position[1])
    : /^Unexpected end of JSON input/.test(message)
      ? text.length
      : undefined;
  return at === undefined ? { reason } : { reason, ...placeOf(text, at) };
};
