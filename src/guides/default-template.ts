import guideDe from './templates/guide.de.json' with { type: 'json' };
import guideEn from './templates/guide.en.json' with { type: 'json' };
import guideEs from './templates/guide.es.json' with { type: 'json' };
import guideFr from './templates/guide.fr.json' with { type: 'json' };
import guideIt from './templates/guide.it.json' with { type: 'json' };
import guidePt from './templates/guide.pt.json' with { type: 'json' };
import { loadGuideTemplate, type GuideTemplate } from './guide-template.js';

/**
 * The English guide template, checked when this module loads: a broken template stops the
 * program at start, before any page is served.
 */
export const defaultGuideTemplate = loadGuideTemplate(guideEn, 'guide.en');

/** The wordings we have, by language; each checked at load like the English one. */
const templates: ReadonlyMap<string, GuideTemplate> = new Map([
  ['en', defaultGuideTemplate],
  ['de', loadGuideTemplate(guideDe, 'guide.de')],
  ['es', loadGuideTemplate(guideEs, 'guide.es')],
  ['fr', loadGuideTemplate(guideFr, 'guide.fr')],
  ['it', loadGuideTemplate(guideIt, 'guide.it')],
  ['pt', loadGuideTemplate(guidePt, 'guide.pt')],
]);

/**
 * The template worded in a language, found by its primary subtag (`fr-BE` reads `fr`); the
 * English one for a language we have no wording for.
 * @example guideTemplateFor('de').name === 'guide.de'
 */
export const guideTemplateFor = (language: string): GuideTemplate =>
  templates.get(language.toLowerCase().split('-')[0]!) ?? defaultGuideTemplate;
