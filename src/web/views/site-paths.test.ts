import { describe, expect, it } from 'vitest';
import { withQuery } from './site-paths.js';

describe('withQuery', () => {
  it('adds parameters, encoded', () => {
    expect(withQuery('/search', { q: 'C# & .NET' })).toBe('/search?q=C%23+%26+.NET');
  });

  it('leaves out empty parameters and the question mark with them', () => {
    expect(withQuery('/roles', { taxonomy: undefined, page: null, q: '' })).toBe('/roles');
  });
});
