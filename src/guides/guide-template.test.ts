import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/index.js';
import guideEn from './templates/guide.en.json' with { type: 'json' };
import { defaultGuideTemplate } from './default-template.js';
import { fillTemplate, guideTemplateKeys, loadGuideTemplate } from './guide-template.js';

const withText = (key: string, text: string): unknown => {
  const copy = structuredClone(guideEn) as Record<string, Record<string, string>>;
  const [group, leaf] = key.split('.') as [string, string];
  copy[group]![leaf] = text;
  return copy;
};

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

  it('throws when a placeholder value is blank', () => {
    const error = caught(() =>
      fillTemplate(defaultGuideTemplate, 'page.heading', { role_name: ' ' }),
    );
    expect(error.code).toBe('template_invalid');
    expect(error.message).toContain('{role_name}');
  });
});
