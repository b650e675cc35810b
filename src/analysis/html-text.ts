import type { TextView } from './text-view.types.js';

/** Elements whose content is never text a reader sees. */
const HIDDEN = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
]);

/** Elements that start a new line when a browser lays the page out. */
const BLOCK = new Set(
  `address article aside blockquote br caption dd details div dl dt fieldset figcaption figure
  footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td
  tfoot th thead title tr ul`.split(/\s+/),
);

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  bull: '•',
  middot: '·',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  copy: '©',
  reg: '®',
  trade: '™',
  times: '×',
  plus: '+',
  num: '#',
  sol: '/',
  colon: ':',
  comma: ',',
  period: '.',
  excl: '!',
  quest: '?',
  lpar: '(',
  rpar: ')',
  shy: '',
  zwj: '',
  zwnj: '',
};

const ENTITY = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/;
const TAG_NAME = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)/;

class Builder {
  private readonly parts: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private pendingSpace = -1;
  private pendingBreak = -1;
  private atLineStart = true;

  /** Adds text that stands for `original[start, end)`; runs of white space read as one space. */
  text(value: string, start: number, end: number, verbatim = false): void {
    for (let i = 0; i < value.length; i++) {
      const ch = value[i]!;
      const from = verbatim ? start : start + i;
      const to = verbatim ? end : start + i + 1;
      if (/\s/.test(ch)) {
        if (this.pendingSpace < 0 && !this.atLineStart) this.pendingSpace = from;
        continue;
      }
      if (this.pendingBreak >= 0 && this.parts.length > 0) {
        this.push('\n', this.pendingBreak, this.pendingBreak);
      } else if (this.pendingSpace >= 0) {
        this.push(' ', this.pendingSpace, this.pendingSpace + 1);
      }
      this.pendingBreak = -1;
      this.pendingSpace = -1;
      this.push(ch, from, to);
      this.atLineStart = false;
    }
  }

  /** Starts a new line before the next visible character, if one comes. */
  lineBreak(at: number): void {
    this.pendingSpace = -1;
    if (this.pendingBreak < 0) this.pendingBreak = at;
    this.atLineStart = true;
  }

  private push(ch: string, start: number, end: number): void {
    this.parts.push(ch);
    this.starts.push(start);
    this.ends.push(end);
  }

  view(): TextView {
    const starts = Int32Array.from(this.starts);
    const ends = Int32Array.from(this.ends);
    return {
      text: this.parts.join(''),
      toOriginal: (start, end) => ({
        start: starts[start] ?? 0,
        end: end > start ? (ends[end - 1] ?? 0) : (starts[start] ?? 0),
      }),
    };
  }
}

/** Finds the `>` that closes a tag, skipping quoted attribute values. */
const tagEnd = (html: string, from: number): number => {
  let quote = '';
  for (let i = from; i < html.length; i++) {
    const ch = html[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i + 1;
  }
  return html.length;
};

const decode = (match: RegExpExecArray): string | undefined => {
  const [, dec, hex, name] = match;
  if (name !== undefined) return ENTITIES[name.toLowerCase()];
  const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
};

/**
 * Reads an HTML page as the text a person sees: tags dropped, script, style and similar
 * content skipped, entities decoded, block elements on their own lines. Nothing is executed
 * and no markup survives; every character of the result maps back to where it came from.
 * @example htmlToText('<p>Go &amp; Rust</p><script>x()</script>').text === 'Go & Rust'
 */
export const htmlToText = (html: string): TextView => {
  const out = new Builder();
  const lower = html.toLowerCase();
  const special = /[<&]/g;
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '&') {
      const match = ENTITY.exec(html.slice(i, i + 12));
      const decoded = match ? decode(match) : undefined;
      if (match && decoded !== undefined) {
        out.text(decoded, i, i + match[0].length, true);
        i += match[0].length;
        continue;
      }
    }
    if (ch !== '<') {
      special.lastIndex = i + 1;
      const stop = special.exec(html)?.index ?? html.length;
      out.text(html.slice(i, stop), i, stop);
      i = stop;
      continue;
    }
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      i = tagEnd(html, i + 1);
      continue;
    }
    const name = TAG_NAME.exec(html.slice(i, i + 64))?.[1]?.toLowerCase();
    if (!name) {
      out.text('<', i, i + 1);
      i++;
      continue;
    }
    const closing = html[i + 1] === '/';
    const end = tagEnd(html, i + 1);
    if (BLOCK.has(name)) out.lineBreak(i);
    if (!closing && HIDDEN.has(name) && !html.slice(i, end).endsWith('/>')) {
      const close = lower.indexOf(`</${name}`, end);
      i = close < 0 ? html.length : tagEnd(html, close + 2);
      continue;
    }
    i = end;
  }
  return out.view();
};
