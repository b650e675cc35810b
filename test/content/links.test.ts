import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentLibrary, type ContentLibrary } from '../../src/importers/content/index.js';

/**
 * The sources the library's "learn more" links may point at: public occupational data,
 * standards bodies and the official documentation of what a guide names. A host matches an
 * entry when it is the entry or ends with "." and the entry. A new source is added here after
 * checking that its owner publishes the subject (content/README.md, "Choosing reference links").
 */
const trustedSources = `
  onetonline.org bls.gov
  w3.org whatwg.org ietf.org rfc-editor.org iso.org nist.gov omg.org opengroup.org
  computer.org pmi.org iiba.org istqb.org dama.org comptia.org scaledagile.com scrumguides.org
  agilemanifesto.org owasp.org mitre.org ncsc.gov.uk gov.uk cncf.io openapis.org dora.dev
  wikipedia.org developer.mozilla.org
  apple.com google.com google developers.google.com material.io google.github.io android.com
  microsoft.com amazon.com salesforce.com oracle.com mysql.com sap.com tableau.com adobe.com
  epicgames.com unity3d.com godotengine.org uipath.com snowflake.com getdbt.com docker.com
  hashicorp.com kubernetes.io prometheus.io opentelemetry.io apache.org postgresql.org
  kernel.org freertos.org zephyrproject.org git-scm.com kotlinlang.org swift.org flutter.dev
  reactnative.dev playwright.dev selenium.dev pytorch.org scikit-learn.org mlflow.org
  huggingface.co modelcontextprotocol.io soliditylang.org ethereum.org bitcoin.org
  wordpress.org shopify.dev backstage.io c4model.com enterpriseintegrationpatterns.com
  writethedocs.org opensource.guide arxiv.org sre.google
`
  .split(/\s+/)
  .filter(Boolean);

const trusted = (host: string) =>
  trustedSources.some((source) => host === source || host.endsWith(`.${source}`));

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

describe('the library’s reference links', () => {
  it('use https', () => {
    expect(links.filter((l) => new URL(l.url).protocol !== 'https:').map(where)).toEqual([]);
  });

  it('point only at trusted sources', () => {
    expect(links.filter((l) => !trusted(new URL(l.url).hostname)).map(where)).toEqual([]);
  });

  it('carry no tracking parameters or fragments', () => {
    const noisy = links.filter((l) => {
      const url = new URL(l.url);
      return url.hash !== '' || [...url.searchParams.keys()].some((k) => /^(utm_|ref$|fbclid)/.test(k));
    });
    expect(noisy.map(where)).toEqual([]);
  });

  it('never repeat a page or a title within one role', () => {
    const repeated = links.filter((l, i) =>
      links.some(
        (m, j) => j < i && m.role === l.role && (m.url === l.url || m.title === l.title),
      ),
    );
    expect(repeated.map(where)).toEqual([]);
  });

  it('title every link "Publisher – what the page is"', () => {
    expect(links.filter((l) => !TITLE.test(l.title)).map(where)).toEqual([]);
  });

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
