import { describe, expect, it } from 'vitest';
import { backendGuideInput } from './guide.fixture.js';
import { guideFormats, isGuideFormat, renderGuide } from './guide-formats.js';
import { presentGuide } from './guide.presenter.js';

describe('renderGuide', () => {
  const guide = presentGuide(backendGuideInput());

  it('renders every format with its media type', () => {
    for (const format of Object.keys(guideFormats) as (keyof typeof guideFormats)[]) {
      const out = renderGuide(guide, format);
      expect(out.contentType).toBe(guideFormats[format].contentType);
      expect(out.body).toContain('Backend Developer');
    }
  });

  it('knows its format names', () => {
    expect(isGuideFormat('md')).toBe(true);
    expect(isGuideFormat('pdf')).toBe(false);
    expect(isGuideFormat('toString')).toBe(false);
  });
});
