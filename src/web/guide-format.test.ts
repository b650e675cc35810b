import { describe, expect, it } from 'vitest';
import { guideFormatFor } from './guide-format.js';

describe('guideFormatFor', () => {
  it('gives HTML when the client names no type', () => {
    expect(guideFormatFor(undefined)).toBe('html');
  });

  it.each([
    ['text/markdown', 'md'],
    ['application/json', 'json'],
    ['application/ld+json', 'jsonld'],
    ['text/html', 'html'],
  ])('maps %s to %s', (accept, format) => {
    expect(guideFormatFor(accept)).toBe(format);
  });

  it('refuses a type no guide comes in with not_acceptable', () => {
    let thrown: unknown;
    try {
      guideFormatFor('application/pdf');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'not_acceptable', status: 406 });
  });
});
