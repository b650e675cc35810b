/** Markup with whitespace folded, so assertions do not depend on how a template is laid out. */
export const flat = (markup: string): string =>
  markup
    .replace(/\s+/g, ' ')
    .replace(/\s*\/>/g, '>')
    .replace(/\s*([<>])\s*/g, '$1');
