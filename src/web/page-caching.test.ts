import { describe, expect, it } from 'vitest';
import { contentEtag, noneMatchHolds, pageEtag } from './page-caching.js';

describe('contentEtag', () => {
  it('changes whenever the body does', () => {
    expect(contentEtag('<p>Mentor</p>')).not.toBe(contentEtag('<p>Renamed Mentor</p>'));
  });
});

describe('pageEtag', () => {
  it('is weak, and matches its strong form when compared weakly', () => {
    const tag = pageEtag('<p>Mentor</p>');
    expect(tag.startsWith('W/')).toBe(true);
    expect(noneMatchHolds(contentEtag('<p>Mentor</p>'), tag)).toBe(true);
  });
});
