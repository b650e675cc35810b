import { describe, expect, it } from 'vitest';
import { parse } from '../domain/index.js';
import { backendGuideInput } from './guide.fixture.js';
import { renderGuideJson } from './guide.json.js';
import { presentGuide } from './guide.presenter.js';
import { GuideViewSchema } from './guide-view.js';

describe('renderGuideJson', () => {
  const json = renderGuideJson(presentGuide(backendGuideInput())).trim();

  it('matches the documented GuideView schema', () => {
    expect(() => parse(GuideViewSchema, JSON.parse(json))).not.toThrow();
  });

  it('names its format and version', () => {
    expect(JSON.parse(json)).toMatchObject({ format: 'rolebook.guide/1', lang: 'en' });
  });

  it('leaves no placeholder', () => {
    expect(json).not.toMatch(/\{[a-z_ ]+\}/);
  });
});
