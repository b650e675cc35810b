import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentLibrary, type ContentLibrary } from '../../src/importers/content/index.js';

/** `Publisher – what the page is`: one spaced en dash, words on both sides. */
const TITLE = /^(?<publisher>[^–]*\S) – (?<page>\S[^–]*)$/u;

interface Link {
  role: string;
  field: string;
  title: string;
  url: string;
  onet?: string;
}

let links: Link[];
beforeAll(async () => {
  const library: ContentLibrary = await readContentLibrary(join(import.meta.dirname, '../../content'));
  links = library.roles.flatMap(({ code, content }) => {
    const onet = content.crosswalk.find((c) => c.taxonomy === 'onet')?.code;
    return content.links.map((link, i) => ({
      role: code,
      field: `links.${i}`,
      title: link.title,
      url: link.url,
      ...(onet ? { onet } : {}),
    }));
  });
});

const where = (link: Link) => `${link.role} ${link.field}: ${link.title} <${link.url}>`;

// https, the reference sources, tracking, repeats within a guide and the title form are lint
// rules (`rolebook lint`: malformed-link, untrusted-link, link-style); what is left here spans
// the whole library or needs the role's crosswalk.
describe('the library’s reference links', () => {
  it('give one page one title, and one host one publisher, across the library', () => {
    const titleOf = new Map<string, string>();
    const publisherOf = new Map<string, string>();
    const clashes: string[] = [];
    for (const link of links) {
      const host = new URL(link.url).hostname;
      const publisher = TITLE.exec(link.title)?.groups?.publisher ?? '';
      const title = titleOf.get(link.url) ?? titleOf.set(link.url, link.title).get(link.url);
      // A BLS page's title may name the finer O*NET occupation it includes (see below).
      if (title !== link.title && host !== 'www.bls.gov')
        clashes.push(`${where(link)} is elsewhere "${title}"`);
      const named = publisherOf.get(host) ?? publisherOf.set(host, publisher).get(host);
      if (named !== publisher) clashes.push(`${where(link)}: ${host} is elsewhere "${named}"`);
    }
    expect(clashes).toEqual([]);
  });

  it('link O*NET OnLine at the summary of the role’s crosswalk occupation', () => {
    const onet = (l: Link) => new URL(l.url).hostname === 'www.onetonline.org';
    const without = [...new Set(links.map((l) => l.role))].filter(
      (role) =>
        !links.some(
          (l) =>
            l.role === role && onet(l) && l.url === `https://www.onetonline.org/link/summary/${l.onet}`,
        ),
    );
    expect(without).toEqual([]);
  });

  it('title every O*NET OnLine link with the occupation and the code it links', () => {
    const wrong = links
      .filter((l) => new URL(l.url).hostname === 'www.onetonline.org')
      .filter((l) => {
        const code = /\/link\/summary\/(\d\d-\d{4}\.\d\d)$/.exec(l.url)?.[1];
        return !code || !/^O\*NET OnLine – \S.* \(\d\d-\d{4}\.\d\d\)$/.test(l.title) || !l.title.endsWith(`(${code})`);
      });
    expect(wrong.map(where)).toEqual([]);
  });

  it('title the BLS pages as the handbook or the wage tables of the crosswalk occupation', () => {
    const wrong = links
      .filter((l) => new URL(l.url).hostname === 'www.bls.gov')
      .filter((l) => {
        if (!l.title.startsWith('U.S. Bureau of Labor Statistics – ')) return true;
        if (l.url.includes('/ooh/')) return !l.title.endsWith(', Occupational Outlook Handbook');
        const soc = /oes(\d\d)(\d{4})\.htm$/.exec(l.url);
        if (!soc) return true;
        const code = `${soc[1]}-${soc[2]}`;
        return (
          !l.title.endsWith(` (${code}), Occupational Employment and Wages`) ||
          !l.onet?.startsWith(code)
        );
      });
    expect(wrong.map(where)).toEqual([]);
  });
});
