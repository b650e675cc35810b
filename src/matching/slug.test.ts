import { describe, expect, it } from 'vitest';
import { unslug } from './slug.js';

/** An index whose titles end in engineer or specialist and use only these words. */
const words = {
  endsInRoleHead: (text: string) => /(?:engineer|specialist)$/i.test(text),
  knowsEveryWord: (text: string) =>
    text.split(/\s+/).every((w) => ['data', 'it', 'support', 'engineer', 'specialist'].includes(w)),
};

describe('unslug', () => {
  it('sets the words after the last head apart as a segment after a dash', () => {
    expect(unslug('data-engineer-analytics-platform-berlin', words)).toBe(
      'data engineer - analytics platform berlin',
    );
  });

  it('reads underscores as hyphens', () => {
    expect(unslug('it_support_specialist_london', words)).toBe('it support specialist - london');
  });

  it('spaces a slug that ends in its head', () => {
    expect(unslug('senior-data-engineer', words)).toBe('senior data engineer');
  });

  it('takes no head from a word the index knows only as a typo', () => {
    const typoHeads = {
      ...words,
      endsInRoleHead: (text: string) => /(?:specialist|office)$/.test(text),
    };
    expect(unslug('it-support-specialist-office', typoHeads)).toBe(
      'it support specialist - office',
    );
  });

  it('takes no role phrase of one word', () => {
    expect(unslug('engineer-recruiter-hires', words)).toBe('engineer recruiter hires');
  });

  it('spaces a slug with no head', () => {
    expect(unslug('warehouse-associate-nights', words)).toBe('warehouse associate nights');
  });

  it('leaves two words joined once as a compound', () => {
    expect(unslug('front-end', words)).toBe('front-end');
  });

  it('spaces capitalised words run together when they end in a head, a level after them', () => {
    expect(unslug('DataSupportEngineerII', words)).toBe('Data Support Engineer II');
    expect(unslug('SrDataEngineer', words)).toBe('Sr Data Engineer');
  });

  it('leaves capitalised words run together that end in no head as one word', () => {
    expect(unslug('DataSupport', words)).toBe('DataSupport');
  });

  it('leaves a title with capitals or spaces as written', () => {
    expect(unslug('Data-Engineer-Berlin', words)).toBe('Data-Engineer-Berlin');
    expect(unslug('data engineer - berlin', words)).toBe('data engineer - berlin');
  });
});
