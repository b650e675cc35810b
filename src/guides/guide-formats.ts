import { renderGuideHtml } from './guide.html.js';
import { renderGuideJson } from './guide.json.js';
import { renderGuideJsonLd } from './guide.jsonld.js';
import { renderGuideMarkdown } from './guide.markdown.js';
import type { GuideView } from './guide-view.js';

/** The formats a guide renders in, with their media types and file extensions. */
export const guideFormats = {
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  jsonld: { contentType: 'application/ld+json; charset=utf-8', extension: 'jsonld' },
} as const;
export type GuideFormat = keyof typeof guideFormats;

export const isGuideFormat = (value: string): value is GuideFormat =>
  Object.hasOwn(guideFormats, value);

const renderers: Record<GuideFormat, (guide: GuideView) => string> = {
  html: renderGuideHtml,
  md: renderGuideMarkdown,
  json: renderGuideJson,
  jsonld: renderGuideJsonLd,
};

/**
 * Renders a presented guide in one format, with the media type to send it as.
 * @example renderGuide(guide, 'md').contentType === 'text/markdown; charset=utf-8'
 */
export const renderGuide = (
  guide: GuideView,
  format: GuideFormat,
): { body: string; contentType: string } => ({
  body: renderers[format](guide),
  contentType: guideFormats[format].contentType,
});
