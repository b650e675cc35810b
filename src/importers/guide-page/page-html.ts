import { Parser } from 'htmlparser2';
import { CELL_BREAK, subItemJoint } from './page-lines.js';

/** A page as Markdown lines, each with the line of the HTML it came from. */
export interface MarkdownPage {
  text: string;
  /** For each line of `text`, its 1-based line in the HTML. */
  lines: number[];
  /** The document's `<title>`, the one place some pages name their role. */
  title?: string;
}

const HEADING = /^h([1-6])$/;
/** Elements that start a block of their own; text in any other flows into the current one. */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'blockquote',
  'dt',
  'dd',
  'tr',
  'table',
  'ul',
  'ol',
  'dl',
  'br',
  'hr',
  'li',
]);
/** Elements whose text is no part of the page's content. */
const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'nav',
  'form',
  'footer',
  'aside',
  'button',
]);
/**
 * What a saved page carries around its content, told by the class, id or role of its element:
 * cookie and consent banners, newsletter boxes, share bars, breadcrumbs, sidebars, comments,
 * call-to-action buttons, and the icon and properties table (owner, status) a notes app exports
 * above a page's text.
 */
const CHROME =
  /\b(?:cookie|consent|gdpr|onetrust|newsletter|subscribe|share|social|breadcrumbs?|sidebar|comments?|related posts|popup|modal|masthead|navbar|menu|site (?:header|footer)|author|toc|table of contents|anchor|headerlink|permalink|page header icon|properties|btn|button|cta)\b|^(?:navigation|banner|contentinfo|complementary|dialog)$/i;

const isChrome = (attributes: Record<string, string>): boolean =>
  [attributes.class, attributes.id, attributes.role].some(
    (value) => value !== undefined && CHROME.test(value.replace(/[_-]/g, ' ')),
  );

/** Elements a site builder styles as a heading when it writes no `<h2>`. */
const STYLED_AS_HEADING = new Set(['div', 'p']);

/**
 * The level of a heading a site builder writes as a styled `<div>` (Webflow, Framer): one with
 * `role="heading"` (at its `aria-level`, 2 without one), or a class named as a heading is
 * ("heading-2", "section-heading", "heading-style-h3", "h3"), at the level the class names, 1
 * for an extra-large one, 2 otherwise. A sub-heading's class is no heading's.
 */
const styledHeadingLevel = (
  name: string,
  attributes: Record<string, string>,
): number | undefined => {
  if (!STYLED_AS_HEADING.has(name)) return undefined;
  if (attributes.role === 'heading') {
    const level = Number(attributes['aria-level']);
    return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2;
  }
  for (const token of (attributes.class ?? '').toLowerCase().split(/\s+/)) {
    const parts = token.split(/[-_]/);
    if (!parts.some((part) => part === 'heading' || /^h[1-6]$/.test(part))) continue;
    const named = parts.map((part) => /^h?([1-6])$/.exec(part)?.[1]).find(Boolean);
    if (named !== undefined) return Number(named);
    return parts.some((part) => /^x+l$/.test(part)) ? 1 : 2;
  }
  return undefined;
};

/** A tag's or topic's listing: `/tag/hiring`, Medium's `/tagged/hiring` on a publication. */
const TAG_LISTING = /^\/(?:tag|tags|tagged|topic|topics)\/[^/]+\/?$/i;

/**
 * Whether a link is one of the tags a blog prints under a post (Medium, WordPress, Ghost): the
 * site's label for the post, no reading it recommends, and often without an address a saved page
 * keeps. Told by `rel="tag"` or by the tag listing it opens.
 */
const isTagLink = (attributes: Record<string, string>): boolean => {
  if (attributes.rel?.toLowerCase().split(/\s+/).includes('tag')) return true;
  const href = attributes.href;
  return (
    href !== undefined &&
    URL.canParse(href, 'https://page.invalid') &&
    TAG_LISTING.test(new URL(href, 'https://page.invalid').pathname)
  );
};

/**
 * Where a link wrapped in Google's redirect goes: a Google Docs page saved as HTML wraps every
 * link so (`https://www.google.com/url?q=https://…&sa=D…`); any other address is kept as it is.
 */
const redirectTarget = (href: string): string => {
  const url = URL.canParse(href) ? new URL(href) : undefined;
  const target = url?.searchParams.get('q');
  return url &&
    /^(?:www\.)?google\.[a-z.]+$/.test(url.hostname) &&
    url.pathname === '/url' &&
    target &&
    /^https?:\/\//i.test(target)
    ? target
    : href;
};

/** Whether a text is an HTML document or fragment rather than Markdown or plain text. */
export const looksLikeHtml = (text: string): boolean =>
  /^\s*(?:<!doctype html|<html\b)/i.test(text) ||
  /<(?:h[1-6]|p|li|ul|div|body)\b[^>]*>/i.test(text.slice(0, 65_536));

const lineStarts = (text: string): number[] => {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
};

const lineAt = (starts: readonly number[], offset: number): number => {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
};

/**
 * Turns an HTML page into the Markdown the page reader knows: headings as `#` lines, list items
 * as bullets, paragraphs apart, links as `[text](url)`; scripts, styles and navigation dropped.
 * @example htmlToMarkdown('<h2>Why hire a tester?</h2><ul><li>Speed: faster</li></ul>').text
 * // '## Why hire a tester?\n\n- Speed: faster'
 */
export const htmlToMarkdown = (html: string): MarkdownPage => {
  const starts = lineStarts(html);
  const out: MarkdownPage = { text: '', lines: [] };
  const emitted: string[] = [];
  let prefix = '';
  let buffer = '';
  let blockLine = 1;
  /** The element being skipped, and how deep its own kind nests inside it. */
  let skipped: { name: string; depth: number } | undefined;
  let items = 0;
  let link: { href: string; from: number } | undefined;
  /**
   * A table row: its cells so far, whether any holds data (a row of `<th>` only names the
   * columns, to leave out), and where the open cell's text starts in the buffer.
   */
  let row: { cells: number; data: boolean; cellFrom: number } | undefined;
  /** The document's title as read so far; `undefined` outside it. */
  let title: string | undefined;

  const flush = () => {
    const text = buffer.replace(/\s+/g, ' ').trim();
    buffer = '';
    if (!text) return;
    const bullet = prefix === '- ';
    const last = emitted[emitted.length - 1];
    if (last !== undefined && !(bullet && last.startsWith('- '))) {
      emitted.push('');
      out.lines.push(blockLine);
    }
    emitted.push(`${prefix}${text}`);
    out.lines.push(blockLine);
  };
  const start = (nextPrefix: string) => {
    flush();
    prefix = nextPrefix;
    blockLine = lineAt(starts, parser.startIndex);
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        // The title is in the head, which is skipped; an SVG's own title is no page's.
        if (name === 'title' && out.title === undefined && skipped?.name !== 'svg') title = '';
        if (skipped) {
          if (name === skipped.name) skipped.depth += 1;
          return;
        }
        if (SKIPPED.has(name) || isChrome(attributes) || (name === 'a' && isTagLink(attributes))) {
          skipped = { name, depth: 1 };
          return;
        }
        if (row && name !== 'tr' && (BLOCKS.has(name) || HEADING.test(name))) {
          // A cell's paragraphs and list items stay in its row, each a line of the cell.
          if (buffer.slice(row.cellFrom).trim()) buffer += ` ${CELL_BREAK} `;
          return;
        }
        const level =
          HEADING.exec(name)?.[1] ??
          (items === 0 ? styledHeadingLevel(name, attributes) : undefined);
        if (level !== undefined) start(`${'#'.repeat(Number(level))} `);
        else if (name === 'dt') start('- ');
        else if (name === 'dd' && prefix === '- ' && buffer.trim()) {
          // A definition list's term and its definition read as one item: "Term: definition".
          buffer += ': ';
        } else if (name === 'tr') {
          // A row of a table is written as a Markdown table's row, which the page reader knows.
          start('| ');
          row = { cells: 0, data: false, cellFrom: 0 };
        } else if ((name === 'td' || name === 'th') && row) {
          if (row.cells > 0) buffer += ' | ';
          row.cells += 1;
          row.data ||= name === 'td';
          row.cellFrom = buffer.length;
        } else if (name === 'li' && items > 0) {
          // A nested list's item says more of the item it is in: one item, not two.
          items += 1;
          buffer = buffer.trimEnd();
          if (buffer) buffer += subItemJoint(buffer);
        } else if (name === 'li') {
          items += 1;
          start('- ');
        } else if (BLOCKS.has(name) && items === 0) start('');
        else if (name === 'a' && attributes.href && /^https?:\/\//i.test(attributes.href))
          link = { href: redirectTarget(attributes.href), from: buffer.length };
      },
      ontext(text) {
        if (title !== undefined) title += text;
        if (!skipped) buffer += row ? text.replace(/\|/g, '/') : text;
      },
      onclosetag(name) {
        if (name === 'title' && title !== undefined) {
          const text = title.replace(/\s+/g, ' ').trim();
          if (text) out.title = text;
          title = undefined;
        }
        if (skipped) {
          if (name === skipped.name) skipped.depth -= 1;
          if (skipped.depth === 0) skipped = undefined;
          return;
        }
        if (row && name !== 'tr' && (BLOCKS.has(name) || HEADING.test(name))) return;
        if (name === 'tr' && row) {
          if (row.data) buffer += ' |';
          else buffer = '';
          flush();
          prefix = '';
          row = undefined;
        } else if (name === 'a' && link) {
          const label = buffer.slice(link.from).replace(/\s+/g, ' ').trim();
          if (label && label !== link.href)
            buffer = `${buffer.slice(0, link.from)} [${label}](${link.href}) `;
          else buffer = `${buffer.slice(0, link.from)} ${link.href} `;
          link = undefined;
        } else if (name === 'dt') {
          return;
        } else if (name === 'summary' && items > 0) {
          // A toggle in a list item (a notes app's export) names what it folds away, as a
          // definition list's term does: "Term: what it says".
          buffer = buffer.trimEnd();
          buffer += buffer && !/[:?.!]$/.test(buffer) ? ': ' : ' ';
        } else if (name === 'li') {
          items = Math.max(0, items - 1);
          if (items > 0) return;
          flush();
          prefix = '';
        } else if (HEADING.test(name) || (BLOCKS.has(name) && items === 0)) {
          flush();
          prefix = '';
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  flush();
  out.text = emitted.join('\n');
  return out;
};
