import { describe, expect, it } from 'vitest';
import { unglueFeed } from './glued-feed.js';

const heads = (word: string): boolean => /(?:engineer|developer|manager|dev)$/i.test(word);

describe('unglueFeed', () => {
  it('sets apart the place and pay a feed glued onto the role', () => {
    expect(unglueFeed('Software EngineerLondon, UK£70,000 - £85,000 a year', heads)).toBe(
      'Software Engineer London, UK £70,000 - £85,000 a year',
    );
  });

  it('sets apart a word glued after a number in such a feed', () => {
    expect(unglueFeed('DevOps Engineer£550 per day Outside IR35Remote', heads)).toBe(
      'DevOps Engineer £550 per day Outside IR35 Remote',
    );
  });

  it('splits a capitalised word only from a role head run into it', () => {
    expect(unglueFeed('JavaScript DeveloperLeeds£65k', heads)).toBe(
      'JavaScript Developer Leeds £65k',
    );
  });

  it('keeps short heads written closed with the next word', () => {
    expect(unglueFeed('DevOps Engineer£550', heads)).toBe('DevOps Engineer £550');
  });

  it('leaves a title with no glued pay sign as it is', () => {
    expect(unglueFeed('Senior DeveloperLondon £70k', heads)).toBe('Senior DeveloperLondon £70k');
  });
});
