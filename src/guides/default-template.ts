import guideAr from './templates/guide.ar.json' with { type: 'json' };
import guideBg from './templates/guide.bg.json' with { type: 'json' };
import guideCs from './templates/guide.cs.json' with { type: 'json' };
import guideDa from './templates/guide.da.json' with { type: 'json' };
import guideDe from './templates/guide.de.json' with { type: 'json' };
import guideEl from './templates/guide.el.json' with { type: 'json' };
import guideEn from './templates/guide.en.json' with { type: 'json' };
import guideEs from './templates/guide.es.json' with { type: 'json' };
import guideEt from './templates/guide.et.json' with { type: 'json' };
import guideFi from './templates/guide.fi.json' with { type: 'json' };
import guideFr from './templates/guide.fr.json' with { type: 'json' };
import guideGa from './templates/guide.ga.json' with { type: 'json' };
import guideHr from './templates/guide.hr.json' with { type: 'json' };
import guideHu from './templates/guide.hu.json' with { type: 'json' };
import guideIs from './templates/guide.is.json' with { type: 'json' };
import guideIt from './templates/guide.it.json' with { type: 'json' };
import guideLt from './templates/guide.lt.json' with { type: 'json' };
import guideLv from './templates/guide.lv.json' with { type: 'json' };
import guideMt from './templates/guide.mt.json' with { type: 'json' };
import guideNl from './templates/guide.nl.json' with { type: 'json' };
import guideNo from './templates/guide.no.json' with { type: 'json' };
import guidePl from './templates/guide.pl.json' with { type: 'json' };
import guidePt from './templates/guide.pt.json' with { type: 'json' };
import guideRo from './templates/guide.ro.json' with { type: 'json' };
import guideSk from './templates/guide.sk.json' with { type: 'json' };
import guideSl from './templates/guide.sl.json' with { type: 'json' };
import guideSv from './templates/guide.sv.json' with { type: 'json' };
import guideUk from './templates/guide.uk.json' with { type: 'json' };
import { loadGuideTemplate, type GuideTemplate } from './guide-template.js';

/**
 * The English guide template, checked when this module loads: a broken template stops the
 * program at start, before any page is served.
 */
export const defaultGuideTemplate = loadGuideTemplate(guideEn, 'guide.en');

/**
 * The wordings we have, by primary language subtag: every language ESCO publishes its
 * occupations in. Each is checked at load like the English one.
 */
const templates: ReadonlyMap<string, GuideTemplate> = new Map([
  ['en', defaultGuideTemplate],
  ['ar', loadGuideTemplate(guideAr, 'guide.ar')],
  ['bg', loadGuideTemplate(guideBg, 'guide.bg')],
  ['cs', loadGuideTemplate(guideCs, 'guide.cs')],
  ['da', loadGuideTemplate(guideDa, 'guide.da')],
  ['de', loadGuideTemplate(guideDe, 'guide.de')],
  ['el', loadGuideTemplate(guideEl, 'guide.el')],
  ['es', loadGuideTemplate(guideEs, 'guide.es')],
  ['et', loadGuideTemplate(guideEt, 'guide.et')],
  ['fi', loadGuideTemplate(guideFi, 'guide.fi')],
  ['fr', loadGuideTemplate(guideFr, 'guide.fr')],
  ['ga', loadGuideTemplate(guideGa, 'guide.ga')],
  ['hr', loadGuideTemplate(guideHr, 'guide.hr')],
  ['hu', loadGuideTemplate(guideHu, 'guide.hu')],
  ['is', loadGuideTemplate(guideIs, 'guide.is')],
  ['it', loadGuideTemplate(guideIt, 'guide.it')],
  ['lt', loadGuideTemplate(guideLt, 'guide.lt')],
  ['lv', loadGuideTemplate(guideLv, 'guide.lv')],
  ['mt', loadGuideTemplate(guideMt, 'guide.mt')],
  ['nl', loadGuideTemplate(guideNl, 'guide.nl')],
  ['no', loadGuideTemplate(guideNo, 'guide.no')],
  ['pl', loadGuideTemplate(guidePl, 'guide.pl')],
  ['pt', loadGuideTemplate(guidePt, 'guide.pt')],
  ['ro', loadGuideTemplate(guideRo, 'guide.ro')],
  ['sk', loadGuideTemplate(guideSk, 'guide.sk')],
  ['sl', loadGuideTemplate(guideSl, 'guide.sl')],
  ['sv', loadGuideTemplate(guideSv, 'guide.sv')],
  ['uk', loadGuideTemplate(guideUk, 'guide.uk')],
]);

/**
 * Other subtags of a language we have a wording for. ESCO tags Norwegian `no`; most software
 * tags written Norwegian `nb` (Bokmål), which the `no` wording is written in.
 */
const sameWording: ReadonlyMap<string, string> = new Map([['nb', 'no']]);

/**
 * The template worded in a language, found by its primary subtag (`fr-BE` reads `fr`, `nb-NO`
 * reads `no`); undefined for a language we have no wording for.
 * @example guideTemplateFor('de')?.name === 'guide.de'
 */
export const guideTemplateFor = (language: string): GuideTemplate | undefined => {
  const primary = language.toLowerCase().split('-')[0]!;
  return templates.get(sameWording.get(primary) ?? primary);
};
