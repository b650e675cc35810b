import { describe, expect, it } from 'vitest';
import { firstMentionLinker, linkedTextRuns } from './term-links.js';

const urlOf = (slug: string) => `/terms/${slug}`;
const spotApi = (text: string) =>
  [...text.matchAll(/API/g)].map((m) => ({ start: m.index, end: m.index + 3, slug: 'api' }));

describe('firstMentionLinker', () => {
  it('links a term only in the first text that mentions it', () => {
    const link = firstMentionLinker(spotApi, urlOf);
    expect(link('No term here.').mentions).toEqual([]);
    expect(link('An API and an API.').mentions).toEqual([
      { start: 3, end: 6, slug: 'api', url: '/terms/api' },
    ]);
    expect(link('Another API.').mentions).toEqual([]);
  });

  it('links nothing without a spotter', () => {
    expect(firstMentionLinker(undefined, urlOf)('An API.')).toEqual({
      text: 'An API.',
      mentions: [],
    });
  });
});

describe('linkedTextRuns', () => {
  it('splits text into plain runs and mentions in order', () => {
    const runs = linkedTextRuns({
      text: 'An API here.',
      mentions: [{ start: 3, end: 6, slug: 'api', url: '/terms/api' }],
    });
    expect(runs.map((r) => r.text)).toEqual(['An ', 'API', ' here.']);
    expect('mention' in runs[1]!).toBe(true);
  });
});
