import { renderGuideArticle, renderGuideJsonLdScript, type GuideView } from '../../guides/index.js';
import { layout } from './layout.js';

/**
 * A role's guide inside the site's layout, with its JSON-LD in the head. Drafts are kept out
 * of search engines.
 * @example guidePageView(presentGuide(input))
 */
export const guidePageView = (guide: GuideView): string =>
  layout(
    {
      title: guide.pageTitle,
      description: guide.description,
      canonical: guide.url,
      head: renderGuideJsonLdScript(guide),
      section: 'roles',
      ...(guide.role.status === 'draft' ? { noindex: true } : {}),
    },
    renderGuideArticle(guide),
  );
