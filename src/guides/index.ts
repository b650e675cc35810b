export { indefiniteArticle, withArticle } from './article.js';
export { defaultGuideTemplate } from './default-template.js';
export {
  fillTemplate,
  guideTemplateKeys,
  loadGuideTemplate,
  placeholderNames,
  placeholdersFor,
  type GuideTemplate,
  type GuideTemplateKey,
  type PlaceholderName,
  type PlaceholderValues,
} from './guide-template.js';
export { guideFormats, isGuideFormat, renderGuide, type GuideFormat } from './guide-formats.js';
export {
  renderGuideArticle,
  renderGuideHead,
  renderGuideHtml,
  renderGuideJsonLdScript,
} from './guide.html.js';
export { renderGuideJson } from './guide.json.js';
export { guideJsonLd, renderGuideJsonLd } from './guide.jsonld.js';
export { renderGuideMarkdown } from './guide.markdown.js';
export {
  presentGuide,
  type GuideInput,
  type GuideRole,
  type GuideTerm,
} from './guide.presenter.js';
export { guideCss } from './guide.styles.js';
export {
  GuideSectionsSchema,
  GuideViewSchema,
  LinkedTextSchema,
  TermMentionSchema,
  TermViewSchema,
  guideSectionOrder,
  type CounterpartView,
  type GuideSectionName,
  type GuideSections,
  type GuideView,
  type LinkedText,
  type PointView,
  type RoleLink,
  type SkillGroup,
  type TechnologyGroup,
  type TermMention,
  type TermRef,
  type TermView,
} from './guide-view.js';
export {
  escapeHtml,
  html,
  isSafeHtml,
  isSafeUrl,
  joinHtml,
  jsonForScript,
  raw,
  type HtmlValue,
  type SafeHtml,
} from './html.js';
export { escapeMarkdown, markdownLink, markdownUrl } from './markdown.js';
export { absoluteUrl, rolePath, termPath } from './paths.js';
export {
  firstMentionLinker,
  linkedTextRuns,
  type SpotTerms,
  type SpottedTerm,
} from './term-links.js';
