import { describe, expect, it } from 'vitest';
import { attachmentOf, normalizedFileName } from './download-name.js';

describe('normalizedFileName', () => {
  it('marks the uploaded name as normalized', () => {
    expect(normalizedFileName('openings-q1.csv')).toBe('openings-q1-normalized.csv');
  });

  it('keeps no folder a browser sent with the name', () => {
    expect(normalizedFileName('C:\\exports\\openings.csv')).toBe('openings-normalized.csv');
  });

  it('cuts a name longer than a file system keeps to its first 100 characters', () => {
    const name = normalizedFileName(`${'é'.repeat(5_000)}.csv`);
    expect(name).toBe(`${'é'.repeat(100)}-normalized.csv`);
  });

  it('names a list with no file by what it holds', () => {
    expect(normalizedFileName(undefined)).toBe('normalized-titles.csv');
  });
});

describe('attachmentOf', () => {
  it('gives an ASCII name as it is', () => {
    expect(attachmentOf('jobs-normalized.csv')).toBe(
      `attachment; filename="jobs-normalized.csv"; filename*=UTF-8''jobs-normalized.csv`,
    );
  });

  it('keeps an accented name in full beside a plain stand-in', () => {
    expect(attachmentOf('offres "été".csv')).toBe(
      `attachment; filename="offres __t__.csv"; filename*=UTF-8''offres%20%22%C3%A9t%C3%A9%22.csv`,
    );
  });

  it('writes control characters, line breaks and bidirectional overrides in the UTF-8 name as _', () => {
    expect(attachmentOf('a\u0007b\r\nc\u202ed\u00e9.csv')).toBe(
      `attachment; filename="a_b__c_d_.csv"; filename*=UTF-8''a_b__c_d%C3%A9.csv`,
    );
  });
});
