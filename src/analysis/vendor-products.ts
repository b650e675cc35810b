import type { TermHit, TermSpotter } from './term-spotter.js';

/** A bracketed list right after a name: "AWS (S3, Glue)". */
const BRACKETED = /^\s*\(([^()\n]{1,120})\)/;
/** One entry of the list: a name of up to three words, a trailing "?" or "." trimmed off. */
const ENTRY = /^[\p{L}\p{N}][^\s?!.]*(?:\s+[^\s?!.]+){0,2}(?=[?!.]*$)/u;
const SEPARATOR = /\s*(?:,|;|\/|&|\band\b|\bor\b)\s*/;

/**
 * The hits plus each product a posting lists in brackets after its vendor ("AWS (S3, Glue)"),
 * read as the vendor's product when the vendor's name before it names a term ("AWS Glue"): the
 * bracket says whose product "Glue" is, so the short name stands for the long one. An entry
 * already read as a term stays as it was.
 */
export const withVendorProducts = (
  text: string,
  hits: readonly TermHit[],
  spotter: TermSpotter,
): TermHit[] => {
  const found: TermHit[] = [];
  for (const vendor of hits) {
    const list = BRACKETED.exec(text.slice(vendor.end));
    if (!list) continue;
    const listStart = vendor.end + list[0].indexOf('(') + 1;
    let at = 0;
    for (const part of list[1]!.split(SEPARATOR)) {
      const offset = list[1]!.indexOf(part, at);
      at = offset + part.length;
      const lead = part.length - part.trimStart().length;
      const entry = ENTRY.exec(part.trim());
      if (!entry) continue;
      const start = listStart + offset + lead;
      const end = start + entry[0].length;
      if (hits.some((h) => h.start < end && h.end > start)) continue;
      const name = `${vendor.text} ${entry[0]}`;
      const product = spotter
        .spot(name, { names: true })
        .find((h) => h.start === 0 && h.end === name.length);
      if (product) found.push({ start, end, text: entry[0], slug: product.slug });
    }
  }
  return [...hits, ...found].sort((a, b) => a.start - b.start);
};
