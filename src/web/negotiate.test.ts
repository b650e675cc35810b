import { describe, expect, it } from 'vitest';
import { negotiate, prefersHtml } from './negotiate.js';

const offers = ['text/html', 'text/markdown', 'application/json', 'application/ld+json'] as const;
const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('negotiate', () => {
  it('gives the first offer when there is no Accept header', () => {
    expect(negotiate(undefined, offers)).toBe('text/html');
  });

  it('gives the first offer to */*', () => {
    expect(negotiate('*/*', offers)).toBe('text/html');
  });

  it('gives the exact type asked for', () => {
    expect(negotiate('application/ld+json', offers)).toBe('application/ld+json');
  });

  it('gives HTML to a browser', () => {
    expect(negotiate(browser, offers)).toBe('text/html');
  });

  it('prefers the higher quality', () => {
    expect(negotiate('text/html;q=0.4, text/markdown', offers)).toBe('text/markdown');
  });

  it('prefers a named type over a wildcard of the same quality', () => {
    expect(negotiate('*/*, application/json', offers)).toBe('application/json');
  });

  it('breaks a tie by the order the client listed', () => {
    expect(negotiate('application/json, text/markdown', offers)).toBe('application/json');
  });

  it('lets a specific range refuse what a wildcard allows', () => {
    expect(negotiate('text/*, text/html;q=0', offers)).toBe('text/markdown');
  });

  it('ignores parameters other than q', () => {
    expect(negotiate('application/ld+json; profile="https://schema.org"', offers)).toBe(
      'application/ld+json',
    );
  });

  it('finds nothing when no offer is acceptable', () => {
    expect(negotiate('image/png', offers)).toBeUndefined();
  });

  it('skips unreadable ranges', () => {
    expect(negotiate('garbage, text/markdown;q=abc, application/json', offers)).toBe(
      'application/json',
    );
  });
});

describe('prefersHtml', () => {
  it('is true for a browser', () => {
    expect(prefersHtml(browser)).toBe(true);
  });

  it('is false without an Accept header', () => {
    expect(prefersHtml(undefined)).toBe(false);
  });

  it('is false for */* alone', () => {
    expect(prefersHtml('*/*')).toBe(false);
  });

  it('is false when JSON is preferred', () => {
    expect(prefersHtml('application/json, text/html;q=0.5')).toBe(false);
  });

  it('is false when JSON is named as much as HTML, in either order', () => {
    expect(prefersHtml('application/json, text/html')).toBe(false);
    expect(prefersHtml('text/html, application/json')).toBe(false);
  });

  it('is true when HTML is named and JSON is reached only through */* as much', () => {
    expect(prefersHtml('text/html, */*')).toBe(true);
  });

  it('is false for a problem+json client', () => {
    expect(prefersHtml('application/problem+json')).toBe(false);
  });
});
