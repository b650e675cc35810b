import type { GuideView } from './guide-view.js';

/**
 * The presented guide as JSON: the `GuideView` shape (`GuideViewSchema`, format
 * `rolebook.guide/1`), keys in a fixed order, absent sections left out.
 * @example JSON.parse(renderGuideJson(guide)).format === 'rolebook.guide/1'
 */
export const renderGuideJson = (guide: GuideView): string => `${JSON.stringify(guide, null, 2)}\n`;
