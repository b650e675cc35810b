import guideEn from './templates/guide.en.json' with { type: 'json' };
import { loadGuideTemplate } from './guide-template.js';

/**
 * The English guide template, checked when this module loads: a broken template stops the
 * program at start, before any page is served.
 */
export const defaultGuideTemplate = loadGuideTemplate(guideEn, 'guide.en');
