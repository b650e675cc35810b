export {
  type GuideTemplate,
  type GuideTemplateKey,
  type PlaceholderName,
  type PlaceholderValues,
} from './guide-template.js';
export { guideFormats, renderGuide, type GuideFormat } from './guide-formats.js';
export { GuideFormatSchema } from './guide-format.schema.js';
export {
  type ArticleOverrides,
  renderGuideArticle,
  renderGuideJsonLdScript,
} from './guide.html.js';
export {
  presentGuide,
  type GuideInput,
  type GuideRole,
  type GuideTerm,
} from './guide.presenter.js';
export { guideCss } from './guide.styles.js';
export {
  GuideViewSchema,
  type CounterpartView,
  type GuideSectionName,
  type GuideSections,
  type GuideView,
  type LinkedText,
  type PointView,
  type SkillGroup,
  type TechnologyGroup,
  type TermMention,
  type TermView,
} from './guide-view.js';
export { GuideJsonLdSchema } from './guide-jsonld.schema.js';
export { html, jsonForScript, type HtmlValue, type SafeHtml } from './html.js';
export { absoluteUrl, rolePath, termPath } from './paths.js';
export { type SpotTerms, type SpottedTerm } from './term-links.js';
