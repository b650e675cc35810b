import {
  guideFormats,
  html,
  renderGuideArticle,
  renderGuideJsonLdScript,
  type GuideView,
} from '../../guides/index.js';
import { importedGuideOverrides, type TermPageOf } from './imported-guide.js';
import { layout } from './layout.js';

/** Where the API serves a guide in another format: the same guide as Markdown, JSON or JSON-LD. */
const guideFormatUrl = (guide: GuideView, format: 'md' | 'json' | 'jsonld'): string =>
  `/v1/roles/${encodeURIComponent(guide.role.taxonomy)}/${encodeURIComponent(guide.role.code)}/guide?format=${format}`;

/**
 * The name a guide is saved under: the last part of its code (an ESCO code is a URI), anything
 * a file name may not hold made a hyphen, and the format's extension.
 */
const savedName = (guide: GuideView, format: 'md' | 'json' | 'jsonld'): string => {
  const base = guide.role.code.split('/').findLast((part) => part !== '') ?? 'guide';
  return `${base.replace(/[^\p{L}\p{N}._-]+/gu, '-')}.${guideFormats[format].extension}`;
};

/**
 * The same guide offered as files to save, for a reader who cannot see the head's alternate links.
 */
const formatLinks = (guide: GuideView) =>
  html`<p class="guide-formats meta">
    Save this guide as
    <a href="${guideFormatUrl(guide, 'md')}" download="${savedName(guide, 'md')}">Markdown</a> ·
    <a href="${guideFormatUrl(guide, 'json')}" download="${savedName(guide, 'json')}">JSON</a> ·
    <a href="${guideFormatUrl(guide, 'jsonld')}" download="${savedName(guide, 'jsonld')}"
      >JSON-LD</a
    >
  </p>`;

/**
 * A role's guide inside the site's layout, with its JSON-LD in the head and links to the same
 * guide as Markdown, JSON and JSON-LD, and for someone who may edit it a link to its editor. Drafts are
 * kept out of search engines. A guide imported from another taxonomy is shown at a glance, its
 * long lists one click away, its tags linked to the glossary pages `termPageOf` finds.
 * @example guidePageView(presentGuide(input), () => undefined)
 */
export const guidePageView = (
  guide: GuideView,
  termPageOf: TermPageOf,
  editHref?: string,
): string =>
  layout(
    {
      title: guide.pageTitle,
      description: guide.description,
      canonical: guide.url,
      ogType: 'article',
      head: html`${renderGuideJsonLdScript(guide)}
        <link rel="alternate" type="text/markdown" href="${guideFormatUrl(guide, 'md')}" />
        <link rel="alternate" type="application/json" href="${guideFormatUrl(guide, 'json')}" />
        <link
          rel="alternate"
          type="application/ld+json"
          href="${guideFormatUrl(guide, 'jsonld')}"
        />`,
      section: 'roles',
      ...(guide.role.status === 'draft' ? { noindex: true } : {}),
    },
    html`${editHref !== undefined && html`<p class="edit-link"><a href="${editHref}">Edit this guide</a></p>`}
    ${
      guide.taxonomy.builtIn
        ? renderGuideArticle(guide)
        : renderGuideArticle(guide, importedGuideOverrides(termPageOf))
    }
    ${formatLinks(guide)}`,
  );
