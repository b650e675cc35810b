/**
 * Escaped-by-default HTML. Every interpolated string is escaped; only `SafeHtml`, which this
 * module alone can make, passes through as markup. A function that must return markup is typed
 * `SafeHtml`, so handing it a plain string is a compile error rather than a stored script.
 */

const brand: unique symbol = Symbol('SafeHtml');

/** Markup that is already safe to place in a page: built by `html`, `raw` or `jsonForScript`. */
export interface SafeHtml {
  readonly [brand]: true;
  toString(): string;
}

class SafeHtmlValue implements SafeHtml {
  readonly [brand] = true as const;
  readonly #markup: string;

  constructor(markup: string) {
    this.#markup = markup;
  }

  toString(): string {
    return this.#markup;
  }
}

/**
 * What may be interpolated: text (escaped), numbers, markup, nothing (`null`, `undefined`,
 * `false` render as the empty string, so `${cond && html`...`}` reads naturally) and arrays of
 * these, joined without a separator.
 */
export type HtmlValue =
  string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for use in element content and in quoted attribute values.
 * @example escapeHtml('<b title="x">') === '&lt;b title=&quot;x&quot;&gt;'
 */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => entities[c]!);

export const isSafeHtml = (value: unknown): value is SafeHtml => value instanceof SafeHtmlValue;

const renderValue = (value: HtmlValue): string => {
  if (value === null || value === undefined || value === false) return '';
  if (isSafeHtml(value)) return value.toString();
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return String(value);
  return value.map(renderValue).join('');
};

/**
 * Literal parts with their source indentation folded to one newline. Prettier indents the
 * markup in our templates; HTML reads any run of whitespace as one space, so this changes
 * nothing on the page (we use no <pre> or <textarea>) and keeps pages small.
 */
const foldedLiterals = new WeakMap<TemplateStringsArray, readonly string[]>();
const literalsOf = (strings: TemplateStringsArray): readonly string[] => {
  let folded = foldedLiterals.get(strings);
  if (!folded) {
    folded = strings.map((s) => s.replace(/\n\s*/g, '\n'));
    foldedLiterals.set(strings, folded);
  }
  return folded;
};

/**
 * The tagged template. Literal parts are ours and kept as markup; every value is escaped
 * unless it is `SafeHtml`.
 * @example String(html`<p>${'<script>'}</p>`) === '<p>&lt;script&gt;</p>'
 */
export const html = (strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml => {
  const literals = literalsOf(strings);
  let out = literals[0] ?? '';
  values.forEach((value, i) => {
    out += renderValue(value) + (literals[i + 1] ?? '');
  });
  return new SafeHtmlValue(out);
};

/**
 * Marks our own constant markup (a stylesheet, an icon) as safe. Only string literals are
 * accepted: a value typed plain `string` could carry edited text, and is refused by the compiler.
 * @example raw('<hr>')
 */
export const raw = <T extends string>(markup: string extends T ? never : T): SafeHtml =>
  new SafeHtmlValue(markup);

/** Joins values with a separator, escaping both like `html` does. */
export const joinHtml = (values: readonly HtmlValue[], separator: HtmlValue): SafeHtml =>
  new SafeHtmlValue(values.map(renderValue).join(renderValue(separator)));

const scriptEscapes: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * Serialises a value as JSON that is safe inside `<script type="application/ld+json">`: no `</`
 * can close the element and no line or paragraph separator can break older parsers. The JSON
 * still parses to the same value.
 * @example String(jsonForScript({ a: '</script>' })) === '{"a":"\\u003c/script\\u003e"}'
 */
export const jsonForScript = (value: unknown): SafeHtml =>
  new SafeHtmlValue(
    JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => scriptEscapes[c]!),
  );

/**
 * Whether a URL may go into an `href`: http(s) and mailto, or a path on this site. Anything
 * else (`javascript:`, `data:`, `vbscript:`) is refused.
 * @example isSafeUrl('https://example.com') === true; isSafeUrl('javascript:alert(1)') === false
 */
export const isSafeUrl = (url: string): boolean => {
  const trimmed = url.trim();
  if (/^(\/(?!\/)|#|\?)/.test(trimmed)) return true;
  const hasControlOrSpace = [...trimmed].some((c) => c.charCodeAt(0) <= 0x20);
  return /^(https?:\/\/|mailto:)/i.test(trimmed) && !hasControlOrSpace;
};
