export type LineKind = 'blank' | 'heading' | 'bullet' | 'text';

export interface PageLine {
  /** 1-based line number in the page. */
  n: number;
  kind: LineKind;
  /** The line without its Markdown heading marks or bullet, trimmed. */
  text: string;
  /** Markdown heading level, for `#` headings. */
  level?: number;
  /** Whether the line started with white space (a continuation of a bullet). */
  indented: boolean;
  /** How far a bullet is indented, in characters: deeper than the one above, it is its sub-item. */
  indent?: number;
  /** A table row's cells, each a list of the lines the cell holds. */
  cells?: string[][];
}

/** How a Markdown table's cell breaks a line, since a row is one line of the page. */
export const CELL_BREAK = '<br>';
const CELL_BREAKS = /\s*<br\s*\/?>\s*/i;

const MARKDOWN_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const BULLET = /^\s*(?:[•·▪◦‣∙●*+\-–]|\d{1,3}[.)])\s+(.*)$/;
/** The line under a Setext heading: `===` for a first-level one, `---` for a second. */
const SETEXT_RULE = /^\s{0,3}(=+|-+)\s*$/;
/** A rule between parts of a page, on a line of its own after a blank one. */
const THEMATIC_BREAK = /^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/;
/** A Markdown block quote's mark, as notes apps export call-outs ("> Short on time? …"). */
const QUOTE = /^\s{0,3}>\s?/;
/** A lone HTML tag line, as notes apps leave around call-outs (`<aside>`, `</aside>`). */
const TAG_LINE = /^\s*<\/?[a-z][\w-]*\s*\/?>\s*$/i;
/** A toggle's title (`<summary>Why hire …?</summary>`): what the toggle folds away is under it. */
const TOGGLE_SUMMARY = /^\s*(?:<details>\s*)?<summary>(.*?)<\/summary>\s*$/i;
/** A task list's box, `[ ]` or `[x]`, which marks an item as done and says nothing of it. */
const TASK_BOX = /^\[[ xX]\]\s+/;

/**
 * Backslash escapes, as document editors export Markdown (`Data Architects \- Hiring Guide`,
 * `1\. Design`): the character as written.
 */
const unescape = (raw: string): string => raw.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');

/** The lines of a YAML front-matter block at the top of a page: metadata, no content. */
const frontMatterEnd = (raws: readonly string[]): number => {
  if (raws[0]?.trim() !== '---') return 0;
  const end = raws.findIndex((raw, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(raw));
  return end > 0 && raws.slice(1, end).every((raw) => raw.trim() === '' || /^[\w-]+:|^\s/.test(raw))
    ? end + 1
    : 0;
};

/**
 * Where a sub-item joins the item it is under: after a colon or comma it goes on the sentence,
 * otherwise a semicolon parts the two, as one item's text.
 * @example subItemJoint('Speed: releases go out sooner') // '; '
 */
export const subItemJoint = (parent: string): string =>
  /[:;,]$/.test(parent.trimEnd()) ? ' ' : '; ';

/** Removes Markdown emphasis around a whole text: `**Why hire?**` → `Why hire?`. */
export const unemphasize = (text: string): string =>
  text.replace(/^(\*\*|__|\*|_)(.+)\1$/, '$2').trim();

/**
 * Removes Markdown emphasis anywhere in a text: `The **Data** *Engineer*` → `The Data Engineer`.
 * Underscores inside a word (`snake_case`) are no emphasis and stay.
 */
export const stripEmphasis = (text: string): string =>
  text
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])/g, '$1')
    .replace(/(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)/g, '$1')
    .trim();

/**
 * Splits a page into lines and tells Markdown headings, bullets, text and blank lines apart.
 * Plain-text headings are told apart later, by what they say. `lineNumbers` gives each line's
 * number in the original, when the page was converted (from HTML).
 * @example classifyLines('# Title\n\n- one') // heading, blank, bullet
 */
export const classifyLines = (page: string, lineNumbers?: readonly number[]): PageLine[] => {
  const raws = page
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((raw) => unescape(raw.replace(QUOTE, '')));
  const metadata = frontMatterEnd(raws);
  return raws.map((raw, i): PageLine => {
    const n = lineNumbers?.[i] ?? i + 1;
    const indented = /^\s/.test(raw);
    if (i < metadata || raw.trim() === '' || TAG_LINE.test(raw) || THEMATIC_BREAK.test(raw)) {
      return { n, kind: 'blank', text: '', indented };
    }
    const previous = raws[i - 1]?.trim() ?? '';
    const next = raws[i + 1] ?? '';
    // "Overview\n--------": the rule is no line of its own, the text above it a heading.
    if (SETEXT_RULE.test(raw) && previous !== '' && !SETEXT_RULE.test(previous)) {
      return { n, kind: 'blank', text: '', indented };
    }
    const setext = SETEXT_RULE.exec(next);
    if (setext && !BULLET.test(raw) && !TABLE_ROW.test(raw)) {
      return {
        n,
        kind: 'heading',
        text: unemphasize(raw.trim()),
        level: setext[1]!.startsWith('=') ? 1 : 2,
        indented,
      };
    }
    if (TABLE_ROW.test(raw)) {
      // A Markdown table's row is an item, "cell: cell"; its rule and the header above the
      // rule name the columns.
      if (TABLE_RULE.test(raw) || TABLE_RULE.test(raws[i + 1] ?? '')) {
        return { n, kind: 'blank', text: '', indented };
      }
      const cells = raw
        .trim()
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim().split(CELL_BREAKS).filter(Boolean))
        .filter((cell) => cell.length > 0);
      return {
        n,
        kind: 'bullet',
        text: cells.map((cell) => cell.join('; ')).join(': '),
        indented: false,
        cells,
      };
    }
    const toggle = TOGGLE_SUMMARY.exec(raw);
    if (toggle) return { n, kind: 'heading', text: unemphasize(toggle[1]!.trim()), indented };
    const heading = MARKDOWN_HEADING.exec(raw);
    if (heading) {
      return {
        n,
        kind: 'heading',
        text: unemphasize(heading[2]!),
        level: heading[1]!.length,
        indented,
      };
    }
    const bullet = BULLET.exec(raw);
    if (bullet) {
      return {
        n,
        kind: 'bullet',
        text: bullet[1]!.trim().replace(TASK_BOX, ''),
        indented,
        indent: raw.length - raw.trimStart().length,
      };
    }
    return { n, kind: 'text', text: raw.trim(), indented };
  });
};
