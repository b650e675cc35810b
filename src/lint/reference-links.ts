import { BUILT_IN_TAXONOMY, type Link } from '../domain/index.js';

/**
 * The sources the built-in library's reference links may point at: public occupational data,
 * standards bodies and the official documentation of what a guide names. A host matches an
 * entry when it is the entry or ends with "." and the entry. A new source is added here after
 * checking that its owner publishes the subject (content/README.md, "Choosing reference links").
 */
const TRUSTED_SOURCES = `
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
  TRUSTED_SOURCES.some((source) => host === source || host.endsWith(`.${source}`));

/** `Publisher – what the page is`: one spaced en dash, words on both sides. */
const LINK_TITLE = /^[^–]*\S – \S[^–]*$/u;

const TRACKING = /^(?:utm_|ref$|fbclid$|gclid$)/;

/** What is wrong with one reference link of a role, as `[rule, message]`. */
export type LinkProblem = ['link-style' | 'untrusted-link', string];

/**
 * The reference-link conventions a program can check. Every taxonomy: no tracking parameters
 * or fragments, no page or title twice in one role. The built-in library also: the title reads
 * `Publisher – what the page is`, and the host is one of its trusted sources. `url` must
 * already be an absolute https URL.
 */
export const linkProblems = (
  taxonomy: string,
  link: Link,
  earlier: readonly Link[],
): LinkProblem[] => {
  const url = new URL(link.url);
  const problems: LinkProblem[] = [];
  if (url.hash !== '') problems.push(['link-style', `"${link.url}" carries a fragment`]);
  const noisy = [...url.searchParams.keys()].filter((k) => TRACKING.test(k));
  if (noisy.length > 0)
    problems.push(['link-style', `"${link.url}" carries tracking (${noisy.join(', ')})`]);
  if (earlier.some((e) => e.url === link.url))
    problems.push(['link-style', `"${link.url}" is linked twice`]);
  if (earlier.some((e) => e.title === link.title))
    problems.push(['link-style', `the title "${link.title}" is used twice`]);
  if (taxonomy !== BUILT_IN_TAXONOMY) return problems;
  if (!LINK_TITLE.test(link.title))
    problems.push([
      'link-style',
      `the title "${link.title}" does not read "Publisher – what the page is"`,
    ]);
  if (!trusted(url.hostname))
    problems.push([
      'untrusted-link',
      `${url.hostname} is not one of the library's reference sources`,
    ]);
  return problems;
};
