import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/index.js';
import guideEn from './templates/guide.en.json' with { type: 'json' };
import { defaultGuideTemplate, guideTemplateFor } from './default-template.js';
import {
  fillTemplate,
  guideTemplateKeys,
  loadGuideTemplate,
  type GuideTemplateKey,
} from './guide-template.js';

type Node = Record<string, unknown>;

/** A copy of a template with the text at a dotted key replaced, or removed when undefined. */
const edited = (source: unknown, key: string, text: unknown): unknown => {
  const copy = structuredClone(source) as Node;
  const path = key.split('.');
  const leaf = path.pop()!;
  const parent = path.reduce((node, segment) => node[segment] as Node, copy);
  if (text === undefined) delete parent[leaf];
  else parent[leaf] = text;
  return copy;
};

/** The shipped template with one text replaced or removed. */
const withText = (key: string, text: unknown): unknown => edited(guideEn, key, text);

const caught = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
};

const loadError = (source: unknown): AppError => caught(() => loadGuideTemplate(source, 'test.en'));

describe('loadGuideTemplate', () => {
  it('loads the shipped English template', () => {
    expect(defaultGuideTemplate.texts.size).toBe(guideTemplateKeys.length);
  });

  /** English and every language ESCO publishes its occupations in. */
  const escoLanguages = [
    ...['ar', 'bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu'],
    ...['is', 'it', 'lt', 'lv', 'mt', 'nl', 'no', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv', 'uk'],
  ];

  it.each(escoLanguages)('ships a template worded in %s', (language) => {
    const template = guideTemplateFor(language);
    expect([template?.name, template?.texts.size]).toEqual([
      `guide.${language}`,
      guideTemplateKeys.length,
    ]);
  });

  it.each(['no', 'nb', 'nb-NO', 'NO-no'])(
    'finds the Norwegian wording ESCO tags `no` for %s',
    (language) => {
      expect(guideTemplateFor(language)?.name).toBe('guide.no');
    },
  );

  it('has no template for a language it has no wording for', () => {
    expect(guideTemplateFor('ja')).toBeUndefined();
  });

  it('refuses an unknown placeholder, naming the key and the placeholder', () => {
    const error = loadError(withText('sections.benefits', 'Why hire a {rolename}?'));
    expect(error.code).toBe('template_invalid');
    expect(error.message).toContain('sections.benefits');
    expect(error.message).toContain('{rolename}');
    expect(error.details[0]?.field).toBe('sections.benefits');
  });

  it('refuses a missing key', () => {
    const source = structuredClone(guideEn) as { sections: Partial<Record<string, string>> };
    delete source.sections.signs;
    const error = loadError(source);
    expect(error.code).toBe('template_invalid');
    expect(error.message).toContain('sections.signs');
  });

  it('refuses an empty text', () => {
    expect(loadError(withText('sections.terms', '  ')).message).toContain('sections.terms');
  });

  it('refuses a key the guide does not know, to catch misspellings', () => {
    const source = { ...structuredClone(guideEn), extra: { heading: 'x' } };
    expect(loadError(source).message).toContain('extra.heading');
  });

  it('refuses an unclosed brace', () => {
    expect(loadError(withText('page.title', 'Guide to {role_name')).message).toContain('unclosed');
  });

  it('refuses a stray closing brace', () => {
    expect(loadError(withText('page.title', 'Guide }')).message).toContain('unmatched');
  });

  it('reads doubled braces as literal braces', () => {
    const template = loadGuideTemplate(withText('page.kicker', '{{draft}}'), 'test.en');
    expect(fillTemplate(template, 'page.kicker', {})).toBe('{draft}');
  });
});

describe('loadGuideTemplate, plural wordings', () => {
  it('refuses {a_role_name} in a plural wording, naming the plural key', () => {
    const error = loadError(withText('plural.sections.benefits', 'Why hire {a_role_name}?'));
    expect(error.code).toBe('template_invalid');
    expect(error.details[0]?.field).toBe('plural.sections.benefits');
    expect(error.message).toContain('{a_role_name}');
  });

  it('refuses an unknown placeholder in a plural wording', () => {
    const error = loadError(withText('plural.sections.signs', 'Signs you need {roles}'));
    expect(error.details[0]?.field).toBe('plural.sections.signs');
    expect(error.message).toContain('{roles}');
  });

  it('requires a plural wording of every text that uses {a_role_name}', () => {
    const error = loadError(withText('plural.sections.summary', undefined));
    expect(error.details[0]?.field).toBe('plural.sections.summary');
    expect(error.message).toContain('{a_role_name}');
  });

  it('refuses a plural key the guide does not know', () => {
    const error = loadError(withText('plural.sections.sumary', 'What do {role_name} do?'));
    expect(error.details[0]?.field).toBe('plural.sections.sumary');
  });

  it('refuses an empty plural wording and a plural block that is not an object', () => {
    expect(loadError(withText('plural.labels.draft', ' ')).details[0]?.field).toBe(
      'plural.labels.draft',
    );
    expect(loadError(withText('plural', 'yes')).details[0]?.field).toBe('plural');
  });

  it('needs no plural block when no text uses {a_role_name}', () => {
    const source = [
      'page.description',
      'sections.summary',
      'sections.responsibilities',
      'sections.benefits',
      'sections.signs',
    ].reduce((s, key) => edited(s, key, 'About {role_name}'), withText('plural', undefined));
    const template = loadGuideTemplate(source, 'test.en');
    expect(template.pluralTexts.size).toBe(0);
    expect(fillTemplate(template, 'sections.signs', { role_name: 'Actuaries' }, 'plural')).toBe(
      'About Actuaries',
    );
  });
});

describe('fillTemplate', () => {
  it('fills every placeholder', () => {
    expect(fillTemplate(defaultGuideTemplate, 'sections.benefits', { a_role_name: 'an SRE' })).toBe(
      'Why hire an SRE?',
    );
  });

  it('throws when a placeholder has no value', () => {
    const error = caught(() => fillTemplate(defaultGuideTemplate, 'sections.summary', {}));
    expect(error.code).toBe('template_invalid');
    expect(error.message).toContain('sections.summary');
    expect(error.message).toContain('{a_role_name}');
  });

  it('picks the plural wording of a key for plural role names', () => {
    const plural = { role_name: 'Software Developers', taxonomy_name: 'O*NET' };
    const say = (key: GuideTemplateKey) =>
      fillTemplate(defaultGuideTemplate, key, plural, 'plural');
    expect(say('sections.summary')).toBe('What do Software Developers do?');
    expect(say('sections.responsibilities')).toBe('What Software Developers are responsible for');
    expect(say('sections.benefits')).toBe('Why hire Software Developers?');
    expect(say('sections.signs')).toBe('What are the signs that you need Software Developers?');
    expect(say('labels.draft')).toBe(
      'Draft: this guide to Software Developers is not published yet.',
    );
  });

  it('uses the one wording of a key that reads the same for plural role names', () => {
    expect(
      fillTemplate(defaultGuideTemplate, 'page.title', { role_name: 'Actuaries' }, 'plural'),
    ).toBe('Actuaries: a guide for recruiters');
  });

  it('names the plural key when a plural wording lacks a value', () => {
    const error = caught(() =>
      fillTemplate(defaultGuideTemplate, 'sections.summary', {}, 'plural'),
    );
    expect(error.details[0]?.field).toBe('plural.sections.summary');
    expect(error.message).toContain('{role_name}');
  });

  it('throws when a placeholder value is blank', () => {
    const error = caught(() =>
      fillTemplate(defaultGuideTemplate, 'page.heading', { role_name: ' ' }),
    );
    expect(error.code).toBe('template_invalid');
    expect(error.message).toContain('{role_name}');
  });
});
