/** Markup with whitespace folded, so assertions do not depend on how a template is laid out. */
export const flat = (markup: string): string =>
  markup
    .replace(/\s+/g, ' ')
    .replace(/\s*\/>/g, '>')
    .replace(/\s*([<>])\s*/g, '$1');

/** The text a reader sees of some markup: each tag a space, whitespace folded. */
export const textOf = (markup: string): string =>
  markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
