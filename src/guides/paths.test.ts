import { describe, expect, it } from 'vitest';
import { absoluteUrl, rolePath, termPath } from './paths.js';

describe('rolePath', () => {
  it('leaves out the built-in taxonomy', () => {
    expect(rolePath('rolebook', 'backend-developer')).toBe('/roles/backend-developer');
  });

  it('keeps other taxonomies', () => {
    expect(rolePath('onet', '15-1252.00')).toBe('/roles/onet/15-1252.00');
  });

  it('encodes codes that are URIs', () => {
    expect(rolePath('esco', 'http://data.europa.eu/esco/occupation/1')).toBe(
      '/roles/esco/http%3A%2F%2Fdata.europa.eu%2Fesco%2Foccupation%2F1',
    );
  });
});

describe('termPath', () => {
  it('is under /terms', () => {
    expect(termPath('ci-cd')).toBe('/terms/ci-cd');
  });
});

describe('absoluteUrl', () => {
  it('joins a base with or without a trailing slash', () => {
    expect(absoluteUrl('https://x.test/', '/terms/api')).toBe('https://x.test/terms/api');
    expect(absoluteUrl('https://x.test', '/terms/api')).toBe('https://x.test/terms/api');
  });

  it('returns the path alone for an empty base', () => {
    expect(absoluteUrl('', '/terms/api')).toBe('/terms/api');
  });
});
