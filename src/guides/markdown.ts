/**
 * Escapes edited text for CommonMark, so it reads as the same text and never as markup: inline
 * markers everywhere, block markers where a line could start, and entity references.
 * @example escapeMarkdown('*bold* <b>') === '\\*bold\\* \\<b\\>'
 */
export const escapeMarkdown = (text: string): string =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(/(^|\s)#/g, '$1\\#')
    .replace(/^([-+=>])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');

/**
 * A URL for a Markdown link destination: characters that would end or break it are
 * percent-encoded.
 * @example markdownUrl('https://x.test/a (b)') === 'https://x.test/a%20%28b%29'
 */
export const markdownUrl = (url: string): string =>
  url.replace(
    /[\s()<>\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );

/** A Markdown inline link whose text is escaped and whose destination is encoded. */
export const markdownLink = (text: string, url: string): string =>
  `[${escapeMarkdown(text)}](${markdownUrl(url)})`;
